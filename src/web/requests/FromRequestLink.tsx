import { Anchor, Group, Paper, Text } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { requestQuery } from "../api/requests";
import { progressHeadline } from "./progress";

/** In a task's details: the request it came from, with how far that request has come. */
export function FromRequestLink({ requestId }: { requestId: string }) {
  const request = useQuery(requestQuery(requestId));
  const title = request.data?.title ?? "a request";
  return (
    <Paper withBorder radius="md" px="sm" py={8}>
      <Group gap="xs" wrap="nowrap">
        <IconSend size={16} color="var(--mantine-color-indigo-6)" aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          From request:{" "}
          <Anchor
            fw={500}
            renderRoot={(props) => <Link to="/requests/$id" params={{ id: requestId }} {...props} />}
          >
            {title}
          </Anchor>
          {request.data && (
            <Text span c="dimmed" size="xs">
              {" "}
              · {progressHeadline(request.data.progress)}
              {request.data.canceledAt ? " · canceled" : ""}
            </Text>
          )}
        </Text>
      </Group>
    </Paper>
  );
}
