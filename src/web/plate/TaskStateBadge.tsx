import { Badge } from "@mantine/core";
import type { TaskState } from "../../contract";

const LABELS: Record<TaskState, string> = {
  triage: "In triage",
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

const COLORS: Record<TaskState, string> = {
  triage: "grape",
  open: "gray",
  in_progress: "blue",
  done: "teal",
  dropped: "gray",
};

export function TaskStateBadge({ state }: { state: TaskState }) {
  return (
    <Badge color={COLORS[state]} variant={state === "in_progress" ? "dot" : "light"} radius="sm" tt="none">
      {LABELS[state]}
    </Badge>
  );
}
