import { EmptyState, Paper, Skeleton, Stack } from "@mantine/core";
import { IconMessageHeart } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { feedbackPagesQuery } from "../api/feedback";
import { QueryError } from "../components/QueryError";
import { ShowMoreButton } from "../components/ShowMoreButton";
import { FeedbackItem } from "./FeedbackItem";

interface FeedbackListProps {
  direction: "received" | "given";
  nameOf: (id: string) => string;
  now: number;
}

const EMPTY = {
  received: {
    title: "No feedback yet",
    description: "Feedback people give you shows here, and in your inbox and digest when it arrives.",
  },
  given: {
    title: "You have given no feedback yet",
    description: "Say thanks from a finished task on a plate or a record, or give feedback from here.",
  },
};

/** Feedback I received or gave, newest first. */
export function FeedbackList({ direction, nameOf, now }: FeedbackListProps) {
  const list = useInfiniteQuery(feedbackPagesQuery(direction));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton height={120} radius="md" aria-label="Loading feedback" />;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState size="sm" icon={<IconMessageHeart aria-hidden />} {...EMPTY[direction]} />
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      {items.map((feedback) => (
        <FeedbackItem
          key={feedback.id}
          feedback={feedback}
          who={direction === "received" ? `From ${nameOf(feedback.fromId)}` : `To ${nameOf(feedback.toId)}`}
          now={now}
        />
      ))}
      <ShowMoreButton list={list} label="Older feedback" />
    </Stack>
  );
}
