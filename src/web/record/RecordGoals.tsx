import { SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Goal } from "../../contract";
import { GoalCard } from "../goals/GoalCard";

interface RecordGoalsProps {
  goals: Goal[];
  /** Whose record it is, by first name. */
  firstName: string;
  isMine: boolean;
  now: number;
}

/** The person's goals of the period, active first: each with its state, progress and latest check-in. */
export function RecordGoals({ goals, firstName, isMine, now }: RecordGoalsProps) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="record-goals-heading">
      <Title id="record-goals-heading" order={2} fz="lg">
        Goals
      </Title>
      {goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {isMine ? "You had no goals in this period." : `${firstName} had no goals in this period.`}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} ownerName={null} now={now} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
