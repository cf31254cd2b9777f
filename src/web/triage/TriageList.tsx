import { Button, EmptyState, Group, Paper, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconCheck, IconInbox, IconX } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { Task } from "../../contract";
import { triagePagesQuery } from "../api/tasks";
import { DueBadge } from "../components/DueBadge";
import { formatDateTime, formatRelative } from "../components/format";
import { PersonAvatar } from "../components/PersonAvatar";
import { QueryError } from "../components/QueryError";
import { ShowMoreButton } from "../components/ShowMoreButton";
import { UrgentBadge } from "../components/UrgentBadge";
import classes from "../plate/Plate.module.css";
import { firstName, usePlateView } from "../plate/PlateView";

function TriageRow({ task }: { task: Task }) {
  const { actions, nameOf, owner, viewer, now } = usePlateView();
  const requester = nameOf(task.requesterId);
  return (
    <li
      className={classes.row}
      style={{ alignItems: "flex-start", paddingLeft: "var(--mantine-spacing-md)" }}
    >
      <PersonAvatar name={requester} />
      <Stack gap={4} flex={1} miw={0}>
        <UnstyledButton className={classes.title} onClick={() => actions.open(task)}>
          {task.title}
        </UnstyledButton>
        <Text size="xs" c="dimmed" title={formatDateTime(task.createdAt)}>
          Asked by {requester} · {formatRelative(task.createdAt, now)}
        </Text>
        {task.notes && (
          <Text size="sm" c="dimmed" lineClamp={2} style={{ whiteSpace: "pre-wrap" }}>
            {task.notes}
          </Text>
        )}
        {(task.due || task.urgent) && (
          <Group gap={6}>
            <DueBadge task={task} ownerZone={owner.timeZone} viewerZone={viewer.timeZone} now={now} />
            {task.urgent && <UrgentBadge />}
          </Group>
        )}
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <Button
          size="compact-sm"
          leftSection={<IconCheck size={14} aria-hidden />}
          aria-label={`Accept “${task.title}”`}
          onClick={() => actions.accept(task)}
        >
          Accept
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconX size={14} aria-hidden />}
          aria-label={`Decline “${task.title}”`}
          onClick={() => actions.decline(task)}
        >
          Decline
        </Button>
      </Group>
    </li>
  );
}

/** Work others asked of the plate's owner, waiting to be placed on the plate or declined; oldest first, a page at a time. */
export function TriageList() {
  const { owner, isMine } = usePlateView();
  const tasks = useInfiniteQuery(triagePagesQuery(owner.id));
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (tasks.isPending) return <Skeleton height={120} radius="md" aria-label="Loading triage" />;
  const items = tasks.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState
          size="sm"
          icon={<IconInbox aria-hidden />}
          title="Triage is clear"
          description={`When someone outside ${isMine ? "your" : `${firstName(owner.name)}'s`} management chain asks for something, it waits here to be placed on the plate or declined.`}
        />
      </Paper>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Accept each request at the place it deserves on the plate, or decline it with a reason.
      </Text>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <ul className={classes.list} aria-label="Triage">
          {items.map((task) => (
            <TriageRow key={task.id} task={task} />
          ))}
        </ul>
      </Paper>
      <ShowMoreButton list={tasks} />
    </Stack>
  );
}
