import { type QueryClient, useSuspenseQuery } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { meQuery } from "../api/me";
import { AuditPage } from "../audit/AuditPage";
import { SignInPage } from "../auth/SignInPage";
import { SignUpPage } from "../auth/SignUpPage";
import { AppLayout } from "../components/AppLayout";
import { FullPageLoader } from "../components/FullPageLoader";
import { NotFoundPage } from "../components/NotFoundPage";
import { RouteErrorPage } from "../components/RouteErrorPage";
import { InboxPage } from "../inbox/InboxPage";
import { AcceptInvitationPage } from "../invite/AcceptInvitationPage";
import { OrgChartPage } from "../org-chart/OrgChartPage";
import { OutboxPage } from "../outbox/OutboxPage";
import { PeoplePage } from "../people/PeoplePage";
import { PlatePage } from "../plate/PlatePage";
import { parsePlateSearch } from "../plate/plateSearch";
import { RecordPage } from "../record/RecordPage";
import { parseRecordSearch } from "../record/recordSearch";
import { MyRequestsPage } from "../requests/MyRequestsPage";
import { NewRequestPage } from "../requests/NewRequestPage";
import { RequestPage } from "../requests/RequestPage";
import { SettingsPage } from "../settings/SettingsPage";
import { TokensPage } from "../settings/tokens/TokensPage";
import { TeamPage } from "../team/TeamPage";
import { WelcomePage } from "../welcome/WelcomePage";
import { homeFor, requireGuest, requireOrganization, requireSignedIn, safeRedirect } from "./guards";

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
  component: function SignInRoute() {
    return <SignInPage redirectTo={signInRoute.useSearch().redirect} />;
  },
});

const signUpRoute = createRoute({
  getParentRoute: () => guestRoute,
  path: "sign-up",
  component: function SignUpRoute() {
    return <SignUpPage redirectTo={signUpRoute.useSearch().redirect} />;
  },
});

const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "welcome",
  beforeLoad: async ({ context, location }) => {
    const me = await requireSignedIn(context.queryClient, location.href);
    if (me.organizationId) throw redirect({ to: "/people" });
  },
  component: WelcomePage,
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "invite/$token",
  component: function InvitationRoute() {
    return <AcceptInvitationPage token={invitationRoute.useParams().token} />;
  },
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: ({ context, location }) => requireOrganization(context.queryClient, location.href),
  component: AppLayout,
});

const myPlateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "plate",
  validateSearch: parsePlateSearch,
  component: function MyPlateRoute() {
    const me = useSuspenseQuery(meQuery).data;
    const navigate = myPlateRoute.useNavigate();
    return (
      <PlatePage
        ownerId={me.id}
        search={myPlateRoute.useSearch()}
        onSearchChange={(search) => void navigate({ search, replace: true })}
      />
    );
  },
});
const personPlateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "people/$id/plate",
  validateSearch: parsePlateSearch,
  component: function PersonPlateRoute() {
    const navigate = personPlateRoute.useNavigate();
    const { id } = personPlateRoute.useParams();
    return (
      <PlatePage
        key={id}
        ownerId={id}
        search={personPlateRoute.useSearch()}
        onSearchChange={(search) => void navigate({ search, replace: true })}
      />
    );
  },
});
const myRecordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "record",
  validateSearch: parseRecordSearch,
  component: function MyRecordRoute() {
    const me = useSuspenseQuery(meQuery).data;
    const navigate = myRecordRoute.useNavigate();
    return (
      <RecordPage
        personId={me.id}
        search={myRecordRoute.useSearch()}
        onSearchChange={(search) => void navigate({ search, replace: true })}
      />
    );
  },
});
const personRecordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "people/$id/record",
  validateSearch: parseRecordSearch,
  component: function PersonRecordRoute() {
    const navigate = personRecordRoute.useNavigate();
    const { id } = personRecordRoute.useParams();
    return (
      <RecordPage
        key={id}
        personId={id}
        search={personRecordRoute.useSearch()}
        onSearchChange={(search) => void navigate({ search, replace: true })}
      />
    );
  },
});
/** Where digests point for triage: one's own plate, at its triage list. */
const triageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "triage",
  beforeLoad: () => {
    throw redirect({ to: "/plate", search: { tab: "triage" } });
  },
});
const inboxRoute = createRoute({ getParentRoute: () => appRoute, path: "inbox", component: InboxPage });
const outboxRoute = createRoute({ getParentRoute: () => appRoute, path: "outbox", component: OutboxPage });
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: "audit", component: AuditPage });
const teamRoute = createRoute({ getParentRoute: () => appRoute, path: "team", component: TeamPage });
const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "requests",
  component: MyRequestsPage,
});
const newRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "requests/new",
  component: NewRequestPage,
});
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "requests/$id",
  component: function RequestRoute() {
    const { id } = requestRoute.useParams();
    return <RequestPage key={id} id={id} />;
  },
});
const peopleRoute = createRoute({ getParentRoute: () => appRoute, path: "people", component: PeoplePage });
const orgChartRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "org-chart",
  component: OrgChartPage,
});
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "settings",
  component: SettingsPage,
});
const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "settings/tokens",
  component: TokensPage,
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  guestRoute.addChildren([signInRoute, signUpRoute]),
  welcomeRoute,
  invitationRoute,
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
    peopleRoute,
    orgChartRoute,
    outboxRoute,
    auditRoute,
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
