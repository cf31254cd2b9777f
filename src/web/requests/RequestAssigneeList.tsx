import { Paper, Stack, Text } from "@mantine/core";
import type { RequestAssignee } from "../../contract";
import { formatDateTime, formatRelative } from "../components/format";
import { PersonAvatar } from "../components/PersonAvatar";
import { TaskStateBadge } from "../plate/TaskStateBadge";
import classes from "./Requests.module.css";

interface RequestAssigneeListProps {
  assignees: RequestAssignee[];
  nameOf: (personId: string) => string;
  now: number;
}

function Outcome({ assignee, now }: { assignee: RequestAssignee; now: number }) {
  if (assignee.state === "done" && assignee.completedAt) {
    return (
      <Text size="xs" c="dimmed">
        Completed {formatDateTime(assignee.completedAt)} · {formatRelative(assignee.completedAt, now)}
      </Text>
    );
  }
  if (assignee.state === "dropped") {
    return (
      <>
        {assignee.droppedAt && (
          <Text size="xs" c="dimmed">
            Dropped {formatDateTime(assignee.droppedAt)} · {formatRelative(assignee.droppedAt, now)}
          </Text>
        )}
        {assignee.dropReason && (
          <Text size="sm" c="dimmed" fs="italic">
            “{assignee.dropReason}”
          </Text>
        )}
      </>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {assignee.state === "triage" ? "Not placed on their plate yet" : "Not done yet"}
    </Text>
  );
}

/** Everyone a request went to, still-open first, each with how their task stands. */
export function RequestAssigneeList({ assignees, nameOf, now }: RequestAssigneeListProps) {
  if (assignees.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Text size="sm" c="dimmed">
          Nobody was asked: the groups named were empty when it was sent.
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <ul className={classes.list} aria-label="People asked">
        {assignees.map((assignee) => {
          const name = nameOf(assignee.personId);
          return (
            <li key={assignee.taskId} className={classes.row} aria-label={name}>
              <PersonAvatar name={name} />
              <Stack gap={2} flex={1} miw={0}>
                <Text size="sm" fw={500} truncate>
                  {name}
                </Text>
                <Outcome assignee={assignee} now={now} />
              </Stack>
              <TaskStateBadge state={assignee.state} />
            </li>
          );
        })}
      </ul>
    </Paper>
  );
}
