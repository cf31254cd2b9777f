import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Meeting } from "../../contract";
import { DueBadge } from "../components/DueBadge";
import { TaskStateBadge } from "../plate/TaskStateBadge";
import { ActionItemForm, type Participant } from "./ActionItemForm";
import { PlateTaskLink } from "./PlateTaskLink";

interface ActionItemsProps {
  meeting: Meeting;
  me: Participant;
  other: Participant;
  now: number;
}

/** What the meeting asked of whom: tasks on their plates, with their state now, and a way to add one. */
export function ActionItems({ meeting, me, other, now }: ActionItemsProps) {
  const personOf = (id: string) => (id === me.id ? me : other);
  return (
    <Stack gap="xs" component="section" aria-labelledby="action-items">
      <Title order={2} fz="md" id="action-items">
        Action items
      </Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          {meeting.actionItems.length === 0 ? (
            <Text size="sm" c="dimmed">
              No action items yet. Each one becomes a task on its owner's plate.
            </Text>
          ) : (
            <Stack
              component="ul"
              gap="xs"
              aria-label="Action items"
              style={{ listStyle: "none", padding: 0, margin: 0 }}
            >
              {meeting.actionItems.map((task) => {
                const owner = personOf(task.ownerId);
                return (
                  <Group component="li" key={task.id} gap="xs" wrap="wrap" aria-label={task.title}>
                    {owner.mayPlace ? (
                      <PlateTaskLink ownerId={task.ownerId} meId={me.id} state={task.state}>
                        {task.title}
                      </PlateTaskLink>
                    ) : (
                      <Text size="sm">{task.title}</Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {owner.id === me.id ? "You" : owner.name}
                    </Text>
                    <TaskStateBadge state={task.state} />
                    <DueBadge task={task} ownerZone={owner.timeZone} viewerZone={me.timeZone} now={now} />
                  </Group>
                );
              })}
            </Stack>
          )}
          <ActionItemForm meetingId={meeting.id} me={me} other={other} />
        </Stack>
      </Paper>
    </Stack>
  );
}
