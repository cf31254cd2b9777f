import { Badge, Button, EmptyState, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconPlus, IconSend } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Request } from "../../contract";
import { meQuery } from "../api/me";
import { myRequestsQuery } from "../api/requests";
import { formatDue } from "../components/due";
import { formatRelative } from "../components/format";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { RequestProgressBar } from "./RequestProgressBar";
import classes from "./Requests.module.css";

function RequestRow({ request, viewerZone, now }: { request: Request; viewerZone: string; now: number }) {
  return (
    <li aria-label={request.title} className={classes.item}>
      <Link to="/requests/$id" params={{ id: request.id }} className={classes.link}>
        <Stack gap="xs" px="md" py="sm">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text fw={600} size="sm" truncate>
              {request.title}
            </Text>
            {request.canceledAt && (
              <Badge color="gray" variant="light" radius="sm" tt="none">
                Canceled
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Sent {formatRelative(request.createdAt, now)}
            {request.due && ` · due ${formatDue(request.due, viewerZone)}`}
          </Text>
          <RequestProgressBar progress={request.progress} size="sm" />
        </Stack>
      </Link>
    </li>
  );
}

/** The requests I made, newest first, each with how far it has come. */
export function MyRequestsPage() {
  const me = useSuspenseQuery(meQuery).data;
  const requests = useQuery(myRequestsQuery);
  const now = useNow();
  return (
    <>
      <PageHeader
        title="Requests"
        description="What you asked of several people at once, newest first, and how far each has come."
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            renderRoot={(props) => <Link to="/requests/new" {...props} />}
          >
            New request
          </Button>
        }
      />
      {requests.isError ? (
        <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.isPending ? (
        <Skeleton height={200} radius="md" maw={760} aria-label="Loading your requests" />
      ) : requests.data.length === 0 ? (
        <Paper withBorder radius="md" p="lg" maw={760}>
          <EmptyState
            size="sm"
            icon={<IconSend aria-hidden />}
            title="No requests yet"
            description="Ask several people for the same thing at once: each gets a task of their own, and you see who has done it."
          />
        </Paper>
      ) : (
        <Paper withBorder radius="md" maw={760} style={{ overflow: "hidden" }}>
          <ul className={classes.list} aria-label="My requests">
            {requests.data.map((request) => (
              <RequestRow key={request.id} request={request} viewerZone={me.timeZone} now={now} />
            ))}
          </ul>
        </Paper>
      )}
    </>
  );
}
