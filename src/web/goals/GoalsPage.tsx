import { Button, EmptyState, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconPlus, IconTarget } from "@tabler/icons-react";
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Goal } from "../../contract";
import { invalidateGoals } from "../api/goals";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { loadedWhenOpen } from "../components/loadedWhenOpen";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { GoalCard } from "./GoalCard";
import { chainAbove, directReports } from "./goalOwners";
import { byStateAndDue } from "./goalStates";
import { type OwnersGoalsRead, useOwnersGoals } from "./useOwnersGoals";

const NewGoalModal = loadedWhenOpen(
  () => import("./NewGoalModal").then((m) => m.NewGoalModal),
  (props: { opened: boolean }) => props.opened,
);

const PLACEHOLDERS = ["first", "second"];

function GoalGrid({ goals, ownerName, now }: { goals: Goal[]; ownerName: string | null; now: number }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {byStateAndDue(goals).map((goal) => (
        <GoalCard key={goal.id} goal={goal} ownerName={ownerName} now={now} />
      ))}
    </SimpleGrid>
  );
}

interface SectionProps {
  title: string;
  read: OwnersGoalsRead;
  /** Whether each person's goals are listed under their name (else the section is one person's). */
  byOwner: boolean;
  empty: string;
  now: number;
  onRetry: () => void;
}

/** One part of the page: my goals, my team's, my managers'. */
function GoalsSection({ title, read, byOwner, empty, now, onRetry }: SectionProps) {
  const headingId = `goals-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId}>
      <Title order={2} fz="lg" id={headingId}>
        {title}
      </Title>
      {read.error ? (
        <QueryError error={read.error} onRetry={onRetry} />
      ) : read.isPending ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label="Loading goals">
          {PLACEHOLDERS.map((key) => (
            <Skeleton key={key} height={140} radius="md" />
          ))}
        </SimpleGrid>
      ) : read.goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : byOwner ? (
        read.owners
          .filter((owner) => owner.goals.length > 0)
          .map((owner) => (
            <Stack key={owner.ownerId} gap={6}>
              <Text size="sm" fw={600}>
                {owner.ownerName}
              </Text>
              <GoalGrid goals={owner.goals} ownerName={null} now={now} />
            </Stack>
          ))
      ) : (
        <GoalGrid goals={read.goals} ownerName={null} now={now} />
      )}
    </Stack>
  );
}

/** My goals, my team's when I manage people, and my managers' that my work supports. */
export function GoalsPage() {
  const me = useSuspenseQuery(meQuery).data;
  const queryClient = useQueryClient();
  const people = useQuery(peopleQuery);
  const now = useNow();
  const [creating, setCreating] = useState(false);
  const reports = people.data ? directReports(people.data, me.id) : [];
  const managers = people.data ? chainAbove(people.data, me.id) : [];
  const mine = useOwnersGoals([me.id], "all");
  const team = useOwnersGoals(reports, "all", reports.length > 0);
  const above = useOwnersGoals(managers, "all", managers.length > 0);
  const retry = () => void invalidateGoals(queryClient);

  const newGoalButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      New goal
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Goals"
        description="What the work on plates adds up to: each goal's progress counts the tasks linked to it, done out of all but the dropped. A manager's goals are their whole team's to see."
        actions={newGoalButton}
      />
      <Stack gap="xl" maw={1000}>
        {!mine.isPending && !mine.error && mine.goals.length === 0 && reports.length === 0 ? (
          <Paper withBorder radius="md" p="lg">
            <EmptyState
              size="sm"
              icon={<IconTarget aria-hidden />}
              title="No goals yet"
              description="Set a goal, then link work to it from your plate: its progress moves as the work gets done, and your manager sees it move too."
            >
              <EmptyState.Actions>{newGoalButton}</EmptyState.Actions>
            </EmptyState>
          </Paper>
        ) : (
          <GoalsSection
            title="Your goals"
            read={mine}
            byOwner={false}
            empty="You have no goals of your own yet."
            now={now}
            onRetry={retry}
          />
        )}
        {reports.length > 0 && (
          <GoalsSection
            title="Your team's goals"
            read={team}
            byOwner
            empty="Nobody who reports to you has a goal yet."
            now={now}
            onRetry={retry}
          />
        )}
        {managers.length > 0 && (
          <GoalsSection
            title="Your managers' goals"
            read={above}
            byOwner
            empty="Your managers have set no goals yet."
            now={now}
            onRetry={retry}
          />
        )}
      </Stack>
      <NewGoalModal opened={creating} onClose={() => setCreating(false)} ownerId={me.id} />
    </>
  );
}
