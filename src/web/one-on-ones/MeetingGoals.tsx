import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { Goal, ParticipantGoals } from "../../contract";
import { formatRelative } from "../components/format";
import { CheckInBadge } from "../goals/GoalBadges";
import { GoalProgressBar } from "../goals/GoalProgressBar";
import { type GoalsOfParticipant, meetingGoalsView } from "./meetingGoals";

interface MeetingGoalsProps {
  goals: ParticipantGoals[];
  meId: string;
  nameOf: (id: string) => string;
  now: number;
}

/** One active goal: its title (opens the goal), its progress, and its latest check-in. */
function GoalRow({ goal, now }: { goal: Goal; now: number }) {
  const latest = goal.latestCheckIn;
  return (
    <Stack component="li" gap={4} aria-label={goal.title}>
      <Anchor
        size="sm"
        fw={500}
        style={{ overflowWrap: "anywhere" }}
        renderRoot={(props) => <Link to="/goals/$id" params={{ id: goal.id }} {...props} />}
      >
        {goal.title}
      </Anchor>
      <GoalProgressBar progress={goal.progress} size="sm" />
      {latest ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <CheckInBadge status={latest.status} />
          <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {formatRelative(latest.createdAt, now)}: {latest.note}
          </Text>
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          No check-in yet
        </Text>
      )}
    </Stack>
  );
}

function ParticipantCard({ part, now }: { part: GoalsOfParticipant; now: number }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={part.heading}>
      <Stack gap="sm">
        <Title order={3} fz="sm">
          {part.heading}
        </Title>
        <Stack component="ul" gap="md" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {part.goals.map((goal) => (
            <GoalRow key={goal.id} goal={goal} now={now} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** Each participant's active goals, with progress and the latest check-in; one line for whoever has none. */
export function MeetingGoals({ goals, meId, nameOf, now }: MeetingGoalsProps) {
  const view = meetingGoalsView(goals, meId, nameOf);
  return (
    <Stack gap="xs" component="section" aria-labelledby="meeting-goals">
      <Title order={2} fz="md" id="meeting-goals">
        Goals
      </Title>
      {view.shown.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: view.shown.length > 1 ? 2 : 1 }} spacing="sm">
          {view.shown.map((part) => (
            <ParticipantCard key={part.personId} part={part} now={now} />
          ))}
        </SimpleGrid>
      )}
      {view.noneLine && (
        <Text size="sm" c="dimmed">
          {view.noneLine}
        </Text>
      )}
    </Stack>
  );
}
