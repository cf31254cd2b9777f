import { EmptyState, Paper, Skeleton, Stack } from "@mantine/core";
import { IconMessageQuestion } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { FeedbackRequest } from "../../contract";
import { feedbackRequestPagesQuery } from "../api/feedback";
import { QueryError } from "../components/QueryError";
import { ShowMoreButton } from "../components/ShowMoreButton";
import { FeedbackRequestItem } from "./FeedbackRequestItem";

interface FeedbackRequestListProps {
  direction: "received" | "sent";
  meId: string;
  nameOf: (id: string) => string;
  now: number;
  onAnswer: (request: FeedbackRequest) => void;
}

const EMPTY = {
  received: {
    title: "Nobody has asked you for feedback",
    description:
      "When someone asks for your view of their work, or of a report's, it waits here to be answered.",
  },
  sent: {
    title: "You have not asked for feedback",
    description: "Ask people about your own work, or, as a manager, about someone who reports to you.",
  },
};

/** Requests for feedback I was asked (with Answer) or sent (with who answered), newest first. */
export function FeedbackRequestList({ direction, meId, nameOf, now, onAnswer }: FeedbackRequestListProps) {
  const list = useInfiniteQuery(feedbackRequestPagesQuery(direction));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) return <Skeleton height={120} radius="md" aria-label="Loading requests" />;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState size="sm" icon={<IconMessageQuestion aria-hidden />} {...EMPTY[direction]} />
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      {items.map((request) => (
        <FeedbackRequestItem
          key={request.id}
          request={request}
          meId={meId}
          nameOf={nameOf}
          now={now}
          onAnswer={direction === "received" ? onAnswer : undefined}
        />
      ))}
      <ShowMoreButton list={list} label="Older requests" />
    </Stack>
  );
}
