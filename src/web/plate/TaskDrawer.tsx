import { Badge, Button, Divider, Drawer, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { Task } from "../../contract";
import { taskQuery } from "../api/tasks";
import { TaskComments } from "../comments/TaskComments";
import { dueDescription } from "../components/DueBadge";
import { formatDateTime } from "../components/format";
import { NotesMarkdown } from "../components/NotesMarkdown";
import { UrgentBadge } from "../components/UrgentBadge";
import { GoalMarker } from "../goals/GoalMarker";
import { FromRequestLink } from "../requests/FromRequestLink";
import { usePlateView } from "./PlateView";
import { TaskHistory } from "./TaskHistory";
import { TaskStateBadge } from "./TaskStateBadge";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function TaskDetails({ initial }: { initial: Task }) {
  const { owner, viewer, nameOf, actions, now } = usePlateView();
  const task = useQuery({ ...taskQuery(initial.id), placeholderData: initial }).data ?? initial;
  const due = dueDescription({ task, ownerZone: owner.timeZone, viewerZone: viewer.timeZone });
  return (
    <Stack gap="md">
      <Group gap={6}>
        <TaskStateBadge state={task.state} />
        {task.position !== null && (
          <Badge variant="light" color="indigo" radius="sm" tt="none">
            #{task.position} on the plate
          </Badge>
        )}
        {task.urgent && <UrgentBadge />}
        {task.overdue && (
          <Badge color="red" variant="light" radius="sm" tt="none">
            Overdue
          </Badge>
        )}
      </Group>
      {task.requestId && <FromRequestLink requestId={task.requestId} />}
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Fact label="Owner">{nameOf(task.ownerId)}</Fact>
        <Fact label="Asked by">{nameOf(task.requesterId)}</Fact>
        <Fact label="Added">{formatDateTime(task.createdAt)}</Fact>
        {task.startedAt && <Fact label="Started">{formatDateTime(task.startedAt)}</Fact>}
        {task.completedAt && <Fact label="Completed">{formatDateTime(task.completedAt)}</Fact>}
        {task.droppedAt && <Fact label="Dropped">{formatDateTime(task.droppedAt)}</Fact>}
      </SimpleGrid>
      {due && <Fact label="Due">{due}</Fact>}
      {task.goalId && (
        <Fact label="Goal">
          <GoalMarker goalId={task.goalId} />
        </Fact>
      )}
      {task.dropReason && (
        <Fact label={task.state === "dropped" ? "Why it was dropped" : "Reason"}>{task.dropReason}</Fact>
      )}
      <div>
        <Text size="xs" c="dimmed" fw={500} mb={4}>
          Notes
        </Text>
        {task.notes ? (
          <Paper bg="var(--docket-color-inset)" p="sm" radius="md">
            <NotesMarkdown>{task.notes}</NotesMarkdown>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            No notes.
          </Text>
        )}
      </div>
      {task.state !== "triage" && (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => actions.edit(task)}
          >
            Edit
          </Button>
        </Group>
      )}
      <Divider />
      <Title order={3} fz="sm">
        Comments
      </Title>
      <TaskComments taskId={task.id} viewerId={viewer.id} nameOf={nameOf} now={now} />
      <Divider />
      <Title order={3} fz="sm">
        History
      </Title>
      <TaskHistory taskId={task.id} />
    </Stack>
  );
}

function DrawerTitle({ initial }: { initial: Task }) {
  const task = useQuery({ ...taskQuery(initial.id), placeholderData: initial }).data ?? initial;
  return (
    <Text fw={650} fz="lg" style={{ overflowWrap: "anywhere" }}>
      {task.title}
    </Text>
  );
}

/** A task's details, its comments and its history, beside the plate. */
export function TaskDrawer({ task, onClose }: { task: Task | null; onClose: () => void }) {
  return (
    <Drawer
      opened={task !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={task && <DrawerTitle key={task.id} initial={task} />}
    >
      {task && <TaskDetails key={task.id} initial={task} />}
    </Drawer>
  );
}
