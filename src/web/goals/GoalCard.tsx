import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { Goal } from "../../contract";
import { formatLocalDate } from "../components/due";
import { formatRelative } from "../components/format";
import { CheckInBadge, GoalStateBadge } from "./GoalBadges";
import { GoalProgressBar } from "./GoalProgressBar";

interface GoalCardProps {
  goal: Goal;
  /** Whose goal it is, when the list is not of one person's. */
  ownerName: string | null;
  now: number;
}

/** One goal in a list: its state, due date, progress and latest check-in; opens the goal. */
export function GoalCard({ goal, ownerName, now }: GoalCardProps) {
  const latest = goal.latestCheckIn;
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="md"
      aria-label={goal.title}
      style={{ opacity: goal.state === "active" ? 1 : 0.75 }}
    >
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <Anchor
            fw={600}
            style={{ overflowWrap: "anywhere" }}
            renderRoot={(props) => <Link to="/goals/$id" params={{ id: goal.id }} {...props} />}
          >
            {goal.title}
          </Anchor>
          <GoalStateBadge state={goal.state} />
        </Group>
        <Text size="xs" c="dimmed">
          {[ownerName, goal.due ? `Due ${formatLocalDate(goal.due.date, now)}` : "No due date"]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        <GoalProgressBar progress={goal.progress} size="sm" />
        {latest ? (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <CheckInBadge status={latest.status} />
            <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
              {formatRelative(latest.createdAt, now)}: {latest.note}
            </Text>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            No check-in yet
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
