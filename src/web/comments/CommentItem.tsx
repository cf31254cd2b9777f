import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Comment } from "../../contract";
import { deleteComment, refreshComments } from "../api/comments";
import { errorMessage } from "../api/errors";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { formatDateTime, formatRelative } from "../components/format";
import { NotesMarkdown } from "../components/NotesMarkdown";
import { PersonAvatar } from "../components/PersonAvatar";
import { EditCommentForm } from "./EditCommentForm";

interface CommentItemProps {
  comment: Comment;
  authorName: string;
  /** Whether the reader wrote it: only its author edits or deletes it. */
  mine: boolean;
  now: number;
}

/** One comment: who wrote it and when, its Markdown, and for its author, Edit and Delete. */
export function CommentItem({ comment, authorName, mine, now }: CommentItemProps) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteComment(comment.id),
    onSettled: () => {
      setConfirming(false);
      return refreshComments(queryClient, comment.taskId);
    },
  });
  // A comment just written may carry an instant a moment ahead of this page's clock: it reads "now".
  const shownNow = Math.max(now, Date.parse(comment.createdAt));
  return (
    <Group component="li" aria-label={`Comment by ${authorName}`} gap="sm" wrap="nowrap" align="flex-start">
      <PersonAvatar name={authorName} />
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {authorName}
          </Text>
          <Text size="xs" c="dimmed" title={formatDateTime(comment.createdAt)}>
            {formatRelative(comment.createdAt, shownNow)}
          </Text>
          {comment.editedAt && (
            <Text size="xs" c="dimmed" title={`Edited ${formatDateTime(comment.editedAt)}`}>
              · edited
            </Text>
          )}
        </Group>
        {editing ? (
          <EditCommentForm comment={comment} onDone={() => setEditing(false)} />
        ) : (
          <NotesMarkdown>{comment.body}</NotesMarkdown>
        )}
        {remove.isError && (
          <Alert color="red" role="alert" p="xs">
            {errorMessage(remove.error)}
          </Alert>
        )}
        {mine && !editing && (
          <Group gap={4}>
            <Button variant="subtle" size="compact-xs" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button variant="subtle" color="red" size="compact-xs" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </Group>
        )}
      </Stack>
      {mine && (
        <ConfirmDialog
          opened={confirming}
          title="Delete your comment?"
          confirmLabel="Delete"
          pending={remove.isPending}
          onConfirm={() => remove.mutate()}
          onClose={() => setConfirming(false)}
        >
          It is removed for everyone who can see the task. This cannot be undone.
        </ConfirmDialog>
      )}
    </Group>
  );
}
