import { getRouteApi } from "@tanstack/react-router";
import { WebhooksPage } from "../../webhooks/WebhooksPage";

const webhooks = getRouteApi("/app/webhooks");

export function WebhooksRoute() {
  const navigate = webhooks.useNavigate();
  return (
    <WebhooksPage
      search={webhooks.useSearch()}
      onSearchChange={(search) => void navigate({ search, replace: true })}
    />
  );
}
