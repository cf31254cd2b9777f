import { Button, Group, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Comment } from "../../contract";
import { refreshComments, updateComment } from "../api/comments";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { textProblem } from "../components/textLimits";
import { isSendKey } from "./mentions";

/** Changes one's own comment where it stands, with the same limits as writing it; Ctrl+Enter saves. */
export function EditCommentForm({ comment, onDone }: { comment: Comment; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState(comment.body);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (text: string) => updateComment(comment.id, { body: text }),
    onSuccess: async () => {
      await refreshComments(queryClient, comment.taskId);
      onDone();
    },
    onError: (error) => {
      const split = splitErrors(error, (path) => (path === "body" ? "body" : null));
      setBodyError(split.fields.body ?? null);
      setFormError(split.form);
    },
  });
  const submit = () => {
    if (save.isPending) return;
    const problem = textProblem("comment", body, "Write something, or delete the comment.");
    if (problem) return setBodyError(problem);
    save.mutate(body);
  };
  return (
    <form
      aria-label="Edit your comment"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <LimitedTextarea
          kind="comment"
          label="Your comment"
          autosize
          minRows={2}
          maxRows={12}
          data-autofocus
          autoFocus
          value={body}
          error={bodyError}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setBodyError(null);
            setFormError(null);
          }}
          onKeyDown={(event) => {
            if (!isSendKey(event)) return;
            event.preventDefault();
            submit();
          }}
        />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
