import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Meeting, Task } from "../../contract";
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

/**
 * What the meeting asked of whom: tasks on their plates, with their state now, and a way to add one.
 * The items of the meeting held before come first, so each meeting opens with how last time's went.
 */
export function ActionItems({ meeting, me, other, now }: ActionItemsProps) {
  const fromLastTime = meeting.actionItems.filter((task) => task.meetingId !== meeting.id);
  const fromThisMeeting = meeting.actionItems.filter((task) => task.meetingId === meeting.id);
  return (
    <Stack gap="xs" component="section" aria-labelledby="action-items">
      <Title order={2} fz="md" id="action-items">
        Action items
      </Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          {fromLastTime.length > 0 && (
            <ActionItemList label="From last time" tasks={fromLastTime} me={me} other={other} now={now} />
          )}
          {fromThisMeeting.length === 0 ? (
            <Text size="sm" c="dimmed">
              No action items from this meeting yet. Each one becomes a task on its owner's plate.
            </Text>
          ) : (
            <ActionItemList
              label={fromLastTime.length > 0 ? "From this meeting" : "Action items"}
              tasks={fromThisMeeting}
              me={me}
              other={other}
              now={now}
            />
          )}
          <ActionItemForm meetingId={meeting.id} me={me} other={other} />
        </Stack>
      </Paper>
    </Stack>
  );
}

interface ActionItemListProps {
  label: string;
  tasks: Task[];
  me: Participant;
  other: Participant;
  now: number;
}

function ActionItemList({ label, tasks, me, other, now }: ActionItemListProps) {
  const personOf = (id: string) => (id === me.id ? me : id === other.id ? other : null);
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Stack component="ul" gap="xs" aria-label={label} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {tasks.map((task) => {
          const owner = personOf(task.ownerId);
          return (
            <Group component="li" key={task.id} gap="xs" wrap="wrap" aria-label={task.title}>
              {owner?.mayPlace ? (
                <PlateTaskLink ownerId={task.ownerId} meId={me.id} state={task.state}>
                  {task.title}
                </PlateTaskLink>
              ) : (
                <Text size="sm">{task.title}</Text>
              )}
              <Text size="xs" c="dimmed">
                {owner === null ? "Someone else" : owner.id === me.id ? "You" : owner.name}
              </Text>
              <TaskStateBadge state={task.state} />
              <DueBadge
                task={task}
                ownerZone={owner?.timeZone ?? me.timeZone}
                viewerZone={me.timeZone}
                now={now}
              />
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
