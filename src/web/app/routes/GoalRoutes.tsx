import { getRouteApi } from "@tanstack/react-router";
import { GoalPage } from "../../goals/GoalPage";

const goal = getRouteApi("/app/goals/$id");

export function GoalRoute() {
  const { id } = goal.useParams();
  return <GoalPage key={id} id={id} />;
}
