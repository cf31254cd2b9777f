import { getRouteApi } from "@tanstack/react-router";
import { FeedbackPage } from "../../feedback/FeedbackPage";

const feedback = getRouteApi("/app/feedback");

export function FeedbackRoute() {
  const navigate = feedback.useNavigate();
  return (
    <FeedbackPage
      search={feedback.useSearch()}
      onSearchChange={(search) => void navigate({ search, replace: true })}
    />
  );
}
