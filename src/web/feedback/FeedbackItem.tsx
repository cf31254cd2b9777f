import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { IconLock, IconUsers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { Feedback } from "../../contract";
import { taskQuery } from "../api/tasks";
import { formatDateTime, formatRelative } from "../components/format";
import { visibilityBadge } from "./visibility";

/** "About “Ship the release notes”": the task feedback is about, or a word when it is not mine to see. */
function AboutTask({ taskId }: { taskId: string }) {
  const task = useQuery(taskQuery(taskId));
  return (
    <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
      About {task.data ? `“${task.data.title}”` : task.isError ? "a task" : "…"}
    </Text>
  );
}

interface FeedbackItemProps {
  feedback: Feedback;
  /** "From Manny Manager" on what I received, "To Rita Report" on what I gave. */
  who: string;
  now: number;
  /** Who reads it, said plainly, where the badge alone would not say it: "Only you and Sam read it." */
  readers?: string;
}

/** One piece of feedback: who it is from or to, when, who else reads it, what it is about, and what it says. */
export function FeedbackItem({ feedback, who, now, readers }: FeedbackItemProps) {
  const privately = feedback.visibility === "private";
  return (
    <Paper component="article" withBorder radius="md" p="md" aria-label={who}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {who}
          </Text>
          <Group gap="xs">
            <Badge
              variant="light"
              color={privately ? "gray" : "indigo"}
              radius="sm"
              tt="none"
              leftSection={
                privately ? <IconLock size={12} aria-hidden /> : <IconUsers size={12} aria-hidden />
              }
            >
              {visibilityBadge(feedback.visibility)}
            </Badge>
            <Text size="xs" c="dimmed">
              <time dateTime={feedback.createdAt} title={formatDateTime(feedback.createdAt)}>
                {formatRelative(feedback.createdAt, now)}
              </time>
            </Text>
          </Group>
        </Group>
        {readers && (
          <Text size="xs" c="dimmed">
            {readers}
          </Text>
        )}
        {feedback.taskId && <AboutTask taskId={feedback.taskId} />}
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {feedback.body}
        </Text>
      </Stack>
    </Paper>
  );
}
