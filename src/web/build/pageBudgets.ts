import type { PageBudget } from "./routeWeight";

/** The entry chunk's key in Vite's manifest: index.html and what it imports. */
export const ENTRY = "index.html";

/**
 * What the first visit to a page may download of JavaScript, gzipped: the entry and the page's
 * own chunks as the manifest names them, the source files src/web/app/router.tsx loads lazily.
 */
export const SIGN_IN: PageBudget = {
  page: "Sign in",
  chunks: [ENTRY, "app/routes/SignInRoute.tsx"],
  maxJsBytes: 150_000,
};

export const MY_PLATE: PageBudget = {
  page: "My plate",
  chunks: [ENTRY, "components/AppLayout.tsx", "app/routes/PlateRoutes.tsx"],
  maxJsBytes: 250_000,
};

export const PAGE_BUDGETS: PageBudget[] = [SIGN_IN, MY_PLATE];
