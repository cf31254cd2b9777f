import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { FullPageLoader } from "../components/FullPageLoader";
import { NotFoundPage } from "../components/NotFoundPage";
import { RouteErrorPage } from "../components/RouteErrorPage";
import { parseFeedbackSearch } from "../feedback/feedbackSearch";
import { parsePlateSearch } from "../plate/plateSearch";
import { parseRecordSearch } from "../record/recordSearch";
import { parseWebhooksSearch } from "../webhooks/webhooksSearch";
import { homeFor, requireGuest, requireOrganization, requireSignedIn, safeRedirect } from "./guards";

/*
 * Every page, and the frame of the pages inside an organization, is a chunk of its own, loaded when
 * a route first needs it: the sign-in page does not wait for the plate's code, nor the plate for
 * the record's chart. What stays here is what every route needs to decide where a visitor goes.
 */

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: ({ context }) => homeFor(context.queryClient),
});

const guestRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "guest",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: ({ context, search }) => requireGuest(context.queryClient, search.redirect),
});

const signInRoute = createRoute({
  getParentRoute: () => guestRoute,
  path: "sign-in",
  component: lazyRouteComponent(() => import("./routes/SignInRoute"), "SignInRoute"),
});

const signUpRoute = createRoute({
  getParentRoute: () => guestRoute,
  path: "sign-up",
  component: lazyRouteComponent(() => import("./routes/SignUpRoute"), "SignUpRoute"),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => guestRoute,
  path: "forgot-password",
  component: lazyRouteComponent(() => import("../auth/ForgotPasswordPage"), "ForgotPasswordPage"),
});

/** Where the mailed links lead, signed in or not: their token is in the URL's fragment. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "reset-password",
  component: lazyRouteComponent(() => import("../auth/ResetPasswordPage"), "ResetPasswordPage"),
});
const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "verify-email",
  component: lazyRouteComponent(() => import("../auth/VerifyEmailPage"), "VerifyEmailPage"),
});

const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "welcome",
  beforeLoad: async ({ context, location }) => {
    const me = await requireSignedIn(context.queryClient, location.href);
    if (me.organizationId) throw redirect({ to: "/people" });
  },
  component: lazyRouteComponent(() => import("../welcome/WelcomePage"), "WelcomePage"),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "invite/$token",
  component: lazyRouteComponent(() => import("./routes/InvitationRoute"), "InvitationRoute"),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: ({ context, location }) => requireOrganization(context.queryClient, location.href),
  component: lazyRouteComponent(() => import("../components/AppLayout"), "AppLayout"),
});

const myPlateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "plate",
  validateSearch: parsePlateSearch,
  component: lazyRouteComponent(() => import("./routes/PlateRoutes"), "MyPlateRoute"),
});
const personPlateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "people/$id/plate",
  validateSearch: parsePlateSearch,
  component: lazyRouteComponent(() => import("./routes/PlateRoutes"), "PersonPlateRoute"),
});
const myRecordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "record",
  validateSearch: parseRecordSearch,
  component: lazyRouteComponent(() => import("./routes/RecordRoutes"), "MyRecordRoute"),
});
const personRecordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "people/$id/record",
  validateSearch: parseRecordSearch,
  component: lazyRouteComponent(() => import("./routes/RecordRoutes"), "PersonRecordRoute"),
});
/** Where digests point for triage: one's own plate, at its triage list. */
const triageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "triage",
  beforeLoad: () => {
    throw redirect({ to: "/plate", search: { tab: "triage" } });
  },
});
const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "inbox",
  component: lazyRouteComponent(() => import("../inbox/InboxPage"), "InboxPage"),
});
const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "outbox",
  component: lazyRouteComponent(() => import("../outbox/OutboxPage"), "OutboxPage"),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  component: lazyRouteComponent(() => import("../audit/AuditPage"), "AuditPage"),
});
const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "webhooks",
  validateSearch: parseWebhooksSearch,
  component: lazyRouteComponent(() => import("./routes/WebhookRoutes"), "WebhooksRoute"),
});
const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "team",
  component: lazyRouteComponent(() => import("../team/TeamPage"), "TeamPage"),
});
const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "requests",
  component: lazyRouteComponent(() => import("../requests/MyRequestsPage"), "MyRequestsPage"),
});
const newRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "requests/new",
  component: lazyRouteComponent(() => import("../requests/NewRequestPage"), "NewRequestPage"),
});
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "requests/$id",
  component: lazyRouteComponent(() => import("./routes/RequestRoute"), "RequestRoute"),
});
const oneOnOnesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "one-on-ones",
  component: lazyRouteComponent(() => import("../one-on-ones/OneOnOnesPage"), "OneOnOnesPage"),
});
const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "meetings/$id",
  component: lazyRouteComponent(() => import("./routes/OneOnOneRoutes"), "MeetingRoute"),
});
const goalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "goals",
  component: lazyRouteComponent(() => import("../goals/GoalsPage"), "GoalsPage"),
});
const goalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "goals/$id",
  component: lazyRouteComponent(() => import("./routes/GoalRoutes"), "GoalRoute"),
});
const feedbackRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "feedback",
  validateSearch: parseFeedbackSearch,
  component: lazyRouteComponent(() => import("./routes/FeedbackRoutes"), "FeedbackRoute"),
});
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "people",
  component: lazyRouteComponent(() => import("../people/PeoplePage"), "PeoplePage"),
});
const orgChartRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "org-chart",
  component: lazyRouteComponent(() => import("../org-chart/OrgChartPage"), "OrgChartPage"),
});
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "settings",
  component: lazyRouteComponent(() => import("../settings/SettingsPage"), "SettingsPage"),
});
const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "settings/tokens",
  component: lazyRouteComponent(() => import("../settings/tokens/TokensPage"), "TokensPage"),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  guestRoute.addChildren([signInRoute, signUpRoute, forgotPasswordRoute]),
  welcomeRoute,
  invitationRoute,
  resetPasswordRoute,
  verifyEmailRoute,
  appRoute.addChildren([
    myPlateRoute,
    personPlateRoute,
    myRecordRoute,
    personRecordRoute,
    triageRoute,
    inboxRoute,
    teamRoute,
    requestsRoute,
    newRequestRoute,
    requestRoute,
    oneOnOnesRoute,
    meetingRoute,
    goalsRoute,
    goalRoute,
    feedbackRoute,
    peopleRoute,
    orgChartRoute,
    outboxRoute,
    auditRoute,
    webhooksRoute,
    settingsRoute,
    tokensRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: FullPageLoader,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
