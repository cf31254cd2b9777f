import { Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { goalTasksQuery } from "../api/goals";
import { QueryError } from "../components/QueryError";
import { PlateTaskLink } from "../one-on-ones/PlateTaskLink";
import { TaskStateBadge } from "../plate/TaskStateBadge";
import { hiddenTasksLine } from "./progress";

interface GoalTaskListProps {
  goalId: string;
  meId: string;
  nameOf: (id: string) => string;
}

/** The work linked to a goal across plates, as far as I may see it, each with its owner and state. */
export function GoalTaskList({ goalId, meId, nameOf }: GoalTaskListProps) {
  const tasks = useQuery(goalTasksQuery(goalId));
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (tasks.isPending) return <Skeleton height={96} radius="md" aria-label="Loading the goal's tasks" />;
  const { items, hidden } = tasks.data;
  const more = hiddenTasksLine(hidden);
  return (
    <Stack gap="xs">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {hidden === 0
            ? "No work is linked to this goal yet. Link a task to it from its plate: when adding it, or in its Edit form."
            : "None of its work is on a plate you can see."}
        </Text>
      ) : (
        <Paper withBorder radius="md" px="md" py={4}>
          <Stack
            component="ul"
            gap={0}
            aria-label="Tasks"
            style={{ listStyle: "none", margin: 0, padding: 0 }}
          >
            {items.map((task) => (
              <Group key={task.id} component="li" gap="sm" py={8} wrap="nowrap" justify="space-between">
                <Stack gap={0} miw={0}>
                  <PlateTaskLink ownerId={task.ownerId} meId={meId} state={task.state}>
                    {task.title}
                  </PlateTaskLink>
                  <Text size="xs" c="dimmed">
                    {task.ownerId === meId ? "On your plate" : `On ${nameOf(task.ownerId)}'s plate`}
                  </Text>
                </Stack>
                <TaskStateBadge state={task.state} />
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      {more && (
        <Text size="sm" c="dimmed">
          {more}
        </Text>
      )}
    </Stack>
  );
}
