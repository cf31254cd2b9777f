import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { PlateAgenda, Task } from "../../contract";
import { DueBadge } from "../components/DueBadge";
import { PlateTaskLink } from "./PlateTaskLink";

interface FromThePlateProps {
  agendas: PlateAgenda[];
  meId: string;
  /** A person's name and zone by id. */
  personOf: (id: string) => { name: string; timeZone: string };
  viewerZone: string;
  now: number;
}

interface TaskListProps {
  title: string;
  tasks: Task[];
  meId: string;
  ownerZone: string;
  viewerZone: string;
  now: number;
  withReason?: boolean;
  withDue?: boolean;
}

/** One list of an agenda, left out when empty. */
function TaskList({ title, tasks, meId, ownerZone, viewerZone, now, withReason, withDue }: TaskListProps) {
  if (tasks.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {title} ({tasks.length})
      </Text>
      <Stack component="ul" gap={4} aria-label={title} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {tasks.map((task) => (
          <Stack component="li" key={task.id} gap={2}>
            <span>
              <PlateTaskLink ownerId={task.ownerId} meId={meId} state={task.state}>
                {task.title}
              </PlateTaskLink>{" "}
              {withDue && <DueBadge task={task} ownerZone={ownerZone} viewerZone={viewerZone} now={now} />}
            </span>
            {withReason && task.dropReason && (
              <Text size="xs" c="dimmed" fs="italic">
                “{task.dropReason}”
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}

function isEmpty(agenda: PlateAgenda): boolean {
  return (
    agenda.completedSince.length +
      agenda.droppedSince.length +
      agenda.overdue.length +
      agenda.dueBeforeNext.length +
      agenda.triage ===
    0
  );
}

/** What one plate says for the meeting: finished and dropped since last time, overdue, due soon, triage. */
function AgendaCard({
  agenda,
  meId,
  personOf,
  viewerZone,
  now,
}: Omit<FromThePlateProps, "agendas"> & { agenda: PlateAgenda }) {
  const person = personOf(agenda.personId);
  const heading = agenda.personId === meId ? "Your plate" : `${person.name}'s plate`;
  const common = { meId, ownerZone: person.timeZone, viewerZone, now };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={heading}>
      <Stack gap="sm">
        <Title order={3} fz="sm">
          {heading}
        </Title>
        {isEmpty(agenda) ? (
          <Text size="sm" c="dimmed">
            Nothing new since last time.
          </Text>
        ) : (
          <>
            <TaskList title="Completed since" tasks={agenda.completedSince} {...common} />
            <TaskList title="Dropped since" tasks={agenda.droppedSince} withReason {...common} />
            <TaskList title="Overdue" tasks={agenda.overdue} withDue {...common} />
            <TaskList title="Due before the next meeting" tasks={agenda.dueBeforeNext} withDue {...common} />
            {agenda.triage > 0 && (
              <PlateTaskLink ownerId={agenda.personId} meId={meId} state="triage">
                {agenda.triage} waiting in triage
              </PlateTaskLink>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The agenda the plates already wrote: one card per person whose plate I may see. */
export function FromThePlate({ agendas, ...rest }: FromThePlateProps) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="from-the-plate">
      <Title order={2} fz="md" id="from-the-plate">
        From the plate
      </Title>
      {agendas.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing from the plate.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: agendas.length > 1 ? 2 : 1 }} spacing="sm">
          {agendas.map((agenda) => (
            <AgendaCard key={agenda.personId} agenda={agenda} {...rest} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
