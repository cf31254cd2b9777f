import { getRouteApi } from "@tanstack/react-router";
import { RequestPage } from "../../requests/RequestPage";

const route = getRouteApi("/app/requests/$id");

export function RequestRoute() {
  const { id } = route.useParams();
  return <RequestPage key={id} id={id} />;
}
