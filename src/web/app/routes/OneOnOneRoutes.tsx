import { getRouteApi } from "@tanstack/react-router";
import { MeetingPage } from "../../one-on-ones/MeetingPage";

const meeting = getRouteApi("/app/meetings/$id");

export function MeetingRoute() {
  const { id } = meeting.useParams();
  return <MeetingPage key={id} id={id} />;
}
