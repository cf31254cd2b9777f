import { Button, EmptyState, Paper, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconArrowBackUp, IconCircleCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { Task } from "../../contract";
import { goalPlateQuery, plateQuery } from "../api/tasks";
import { FinishedIcon } from "../components/FinishedIcon";
import { formatDateTime, formatRelative } from "../components/format";
import { QueryError } from "../components/QueryError";
import { SayThanksButton } from "../feedback/SayThanksButton";
import classes from "./Plate.module.css";
import { usePlateView } from "./PlateView";

type FinishedState = "done" | "dropped";

const EMPTY: Record<FinishedState, { title: string; description: string }> = {
  done: { title: "Nothing completed yet", description: "Completed tasks are listed here, newest first." },
  dropped: {
    title: "Nothing dropped",
    description: "Dropping work that is no longer needed is normal. Dropped tasks are listed here with why.",
  },
};

function FinishedRow({ task, state }: { task: Task; state: FinishedState }) {
  const { actions, nameOf, now, viewer } = usePlateView();
  const at = state === "done" ? task.completedAt : task.droppedAt;
  const askedBy = task.requesterId !== task.ownerId ? nameOf(task.requesterId) : null;
  return (
    <li className={classes.row} style={{ paddingLeft: "var(--mantine-spacing-md)" }}>
      <FinishedIcon state={state} />
      <Stack gap={2} flex={1} miw={0}>
        <UnstyledButton className={classes.title} onClick={() => actions.open(task)}>
          {task.title}
        </UnstyledButton>
        {at && (
          <Text size="xs" c="dimmed">
            {state === "done" ? "Completed" : "Dropped"} {formatDateTime(at)} · {formatRelative(at, now)}
            {askedBy && ` · asked by ${askedBy}`}
          </Text>
        )}
        {state === "dropped" && task.dropReason && (
          <Text size="sm" c="dimmed" fs="italic">
            “{task.dropReason}”
          </Text>
        )}
      </Stack>
      {state === "done" && task.ownerId !== viewer.id && <SayThanksButton task={task} />}
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconArrowBackUp size={14} aria-hidden />}
        aria-label={`Reopen “${task.title}”`}
        onClick={() => actions.update(task, { state: "open" })}
      >
        Reopen
      </Button>
    </li>
  );
}

/** Completed or dropped work, newest first, each with when it finished and a way to reopen it. */
export function FinishedList({ state }: { state: FinishedState }) {
  const { owner, goalId } = usePlateView();
  const all = useQuery({ ...plateQuery(owner.id, state), enabled: goalId === null });
  const towardsGoal = useQuery({
    ...goalPlateQuery(owner.id, state, goalId ?? ""),
    enabled: goalId !== null,
  });
  const tasks = goalId === null ? all : towardsGoal;
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (tasks.isPending) return <Skeleton height={120} radius="md" aria-label="Loading tasks" />;
  if (tasks.data.items.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState size="sm" icon={<IconCircleCheck aria-hidden />} {...EMPTY[state]} />
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <ul className={classes.list} aria-label={state === "done" ? "Completed tasks" : "Dropped tasks"}>
        {tasks.data.items.map((task) => (
          <FinishedRow key={task.id} task={task} state={state} />
        ))}
      </ul>
    </Paper>
  );
}
