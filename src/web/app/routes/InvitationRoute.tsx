import { getRouteApi } from "@tanstack/react-router";
import { AcceptInvitationPage } from "../../invite/AcceptInvitationPage";

const route = getRouteApi("/invite/$token");

export function InvitationRoute() {
  return <AcceptInvitationPage token={route.useParams().token} />;
}
