import {
  Alert,
  Button,
  Divider,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconPencil, IconTargetArrow } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import type { Goal, Me, Person } from "../../contract";
import { isApiError } from "../api/errors";
import { goalQuery } from "../api/goals";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { formatLocalDate } from "../components/due";
import { loadedWhenOpen } from "../components/loadedWhenOpen";
import { NotesMarkdown } from "../components/NotesMarkdown";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { usePageTitle } from "../components/usePageTitle";
import { CheckInForm } from "./CheckInForm";
import { CheckInList } from "./CheckInList";
import { GoalStateBadge } from "./GoalBadges";
import { GoalParentLink } from "./GoalParentLink";
import { GoalProgressBar } from "./GoalProgressBar";
import { GoalStateActions } from "./GoalStateActions";
import { GoalTaskList } from "./GoalTaskList";
import { mayChangeGoal } from "./goalOwners";

const EditGoalModal = loadedWhenOpen(
  () => import("./EditGoalModal").then((m) => m.EditGoalModal),
  (props: { opened: boolean }) => props.opened,
);

function GoalNotFound() {
  usePageTitle("No goal by that link");
  return (
    <EmptyState
      mt="xl"
      icon={<IconTargetArrow aria-hidden />}
      title="No goal by that link"
      description="A goal is seen by its owner, the people above them and the people below them; or the address is mistyped."
    />
  );
}

function GoalSkeleton() {
  return (
    <Stack gap="sm" aria-label="Loading the goal">
      <Skeleton height={32} width={320} radius="md" />
      <Skeleton height={120} radius="md" maw={900} />
      <Skeleton height={200} radius="md" maw={900} />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = `goal-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId}>
      <Title order={2} fz="lg" id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

interface GoalScreenProps {
  goal: Goal;
  me: Me;
  people: Person[];
}

function GoalScreen({ goal, me, people }: GoalScreenProps) {
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);
  const nameOf = (id: string) => (id === me.id ? me.name : (names.get(id) ?? "Someone"));
  const mayChange = mayChangeGoal(people, me.id, goal.ownerId);
  const whose = goal.ownerId === me.id ? "Your goal" : `${nameOf(goal.ownerId)}'s goal`;
  const due = goal.due ? `due ${formatLocalDate(goal.due.date, now)}` : "no due date";

  return (
    <>
      <PageHeader
        title={goal.title}
        description={`${whose} · ${due}`}
        actions={
          mayChange && (
            <Group gap="sm">
              <GoalStateActions goal={goal} onProblem={setProblem} />
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
            </Group>
          )
        }
      />
      <Stack gap="lg" maw={900}>
        {problem && (
          <Alert color="blue" variant="light" role="status" withCloseButton onClose={() => setProblem(null)}>
            {problem}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Group gap="sm">
              <GoalStateBadge state={goal.state} />
              {goal.parentId && <GoalParentLink parentId={goal.parentId} />}
            </Group>
            <GoalProgressBar progress={goal.progress} />
            {goal.description ? (
              <>
                <Divider />
                <NotesMarkdown>{goal.description}</NotesMarkdown>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                No description.
              </Text>
            )}
          </Stack>
        </Paper>
        <Section title="Check-ins">
          {mayChange && <CheckInForm goalId={goal.id} />}
          <CheckInList goalId={goal.id} nameOf={nameOf} now={now} />
        </Section>
        <Section title="Work towards it">
          <GoalTaskList goalId={goal.id} meId={me.id} nameOf={nameOf} />
        </Section>
      </Stack>
      <EditGoalModal goal={goal} opened={editing} viewerId={me.id} onClose={() => setEditing(false)} />
    </>
  );
}

/** One goal: its progress from the plates, its check-ins newest first, and the work linked to it. */
export function GoalPage({ id }: { id: string }) {
  const me = useSuspenseQuery(meQuery).data;
  const goal = useQuery(goalQuery(id));
  const people = useQuery(peopleQuery);
  const failed = goal.error ?? people.error;
  if (failed) {
    if (isApiError(failed, 404)) return <GoalNotFound />;
    const retry = () => {
      for (const query of [goal, people]) if (query.isError) void query.refetch();
    };
    return <QueryError error={failed} onRetry={retry} />;
  }
  if (!goal.data || !people.data) return <GoalSkeleton />;
  return <GoalScreen goal={goal.data} me={me} people={people.data} />;
}
