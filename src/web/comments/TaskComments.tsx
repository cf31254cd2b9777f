import { Skeleton, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { taskCommentsQuery } from "../api/comments";
import { QueryError } from "../components/QueryError";
import { ShowMoreButton } from "../components/ShowMoreButton";
import { CommentComposer } from "./CommentComposer";
import { CommentItem } from "./CommentItem";

interface TaskCommentsProps {
  taskId: string;
  /** Who reads: their own comments can be edited and deleted. */
  viewerId: string;
  /** A person's name by id. */
  nameOf: (personId: string) => string;
  now: number;
}

/**
 * A task's comments, oldest first, a page at a time, and a composer below them. Live changes to the
 * task read them again (their key is under the task's).
 */
export function TaskComments({ taskId, viewerId, nameOf, now }: TaskCommentsProps) {
  const comments = useInfiniteQuery(taskCommentsQuery(taskId));
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      {comments.isError ? (
        <QueryError error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.isPending ? (
        <Skeleton height={60} radius="md" aria-label="Loading comments" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      ) : (
        <Stack component="ul" aria-label="Comments" gap="md" m={0} p={0} style={{ listStyle: "none" }}>
          {items.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              authorName={nameOf(comment.authorId)}
              mine={comment.authorId === viewerId}
              now={now}
            />
          ))}
        </Stack>
      )}
      <ShowMoreButton list={comments} label="Show more comments" />
      <CommentComposer taskId={taskId} writerId={viewerId} />
    </Stack>
  );
}
