import { useEffect } from "react";

const APP = "Docket";

/** What a browser tab says for a page: "My plate · Docket"; the app's name alone when the page has none. */
export function pageTitle(title: string | null): string {
  const trimmed = title?.trim();
  return trimmed ? `${trimmed} · ${APP}` : APP;
}

/** Names the browser tab after the page while it is shown. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = pageTitle(title);
    return () => {
      document.title = APP;
    };
  }, [title]);
}
