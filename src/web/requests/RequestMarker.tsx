import { Anchor } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";

/** On a plate row: this task is one person's share of a request; opens the request. */
export function RequestMarker({ requestId }: { requestId: string }) {
  return (
    <Anchor
      size="xs"
      c="indigo"
      aria-label="Open the request this came from"
      style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
      renderRoot={(props) => <Link to="/requests/$id" params={{ id: requestId }} {...props} />}
    >
      <IconSend size={13} aria-hidden /> Request
    </Anchor>
  );
}
