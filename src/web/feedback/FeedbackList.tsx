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
  /** Someone below me: what they received and shared with their managers, listed instead of mine. */
  person?: { id: string; name: string };
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

function emptyOf(direction: FeedbackListProps["direction"], person: FeedbackListProps["person"]) {
  if (!person) return EMPTY[direction];
  return {
    title: `No feedback to ${person.name} shared with managers yet`,
    description:
      "Feedback given to them and shared with their managers shows here; private feedback stays between the two people.",
  };
}

/** Feedback I received or gave, or that someone below me received and shared with managers; newest first. */
export function FeedbackList({ direction, nameOf, now, person }: FeedbackListProps) {
  const list = useInfiniteQuery(feedbackPagesQuery(direction, person?.id));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton height={120} radius="md" aria-label="Loading feedback" />;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState size="sm" icon={<IconMessageHeart aria-hidden />} {...emptyOf(direction, person)} />
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
