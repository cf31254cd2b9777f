import { Group, Text } from "@mantine/core";
import { IconNotes } from "@tabler/icons-react";
import type { Task } from "../../contract";
import { DueBadge } from "../components/DueBadge";
import { UrgentBadge } from "../components/UrgentBadge";
import { GoalMarker } from "../goals/GoalMarker";
import { RequestMarker } from "../requests/RequestMarker";
import { usePlateView } from "./PlateView";
import { TaskStateBadge } from "./TaskStateBadge";

/** The line under a task's title: its state, due date, urgency, who asked for it, the request it came from, its goal, whether it has notes. */
export function TaskMeta({ task }: { task: Task }) {
  const { owner, viewer, now, nameOf } = usePlateView();
  const askedBy =
    task.requesterId === task.ownerId
      ? null
      : task.requesterId === viewer.id
        ? "you"
        : nameOf(task.requesterId);
  const hasAnything =
    task.state === "in_progress" ||
    task.due ||
    task.urgent ||
    askedBy ||
    task.notes ||
    task.requestId ||
    task.goalId;
  if (!hasAnything) return null;
  return (
    <Group gap={6} mt={4} wrap="wrap">
      {task.state === "in_progress" && <TaskStateBadge state={task.state} />}
      <DueBadge task={task} ownerZone={owner.timeZone} viewerZone={viewer.timeZone} now={now} />
      {task.urgent && <UrgentBadge />}
      {askedBy && (
        <Text size="xs" c="dimmed">
          Asked by {askedBy}
        </Text>
      )}
      {task.requestId && <RequestMarker requestId={task.requestId} />}
      {task.goalId && <GoalMarker goalId={task.goalId} />}
      {task.notes && (
        <Text
          size="xs"
          c="dimmed"
          component="span"
          style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
        >
          <IconNotes size={13} aria-hidden /> Notes
        </Text>
      )}
    </Group>
  );
}
