import { Badge, Button, CloseButton, Group, Mentions, Stack, Text } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useMemo, useState } from "react";
import { type CreateComment, mentionsPerComment } from "../../contract";
import { createComment, refreshComments } from "../api/comments";
import { ApiError } from "../api/errors";
import { peopleQuery } from "../api/people";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { lengthCounter, lengthProblem, textProblem } from "../components/textLimits";
import {
  bodyOf,
  isSendKey,
  mentionChoices,
  mentionedIn,
  mentionMarkup,
  refusedMentions,
  withoutMention,
} from "./mentions";

const SEND_KEYS =
  typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘+Enter" : "Ctrl+Enter";

/**
 * Writes a comment on a task: Markdown, with `@` offering the people of the organization to
 * mention (each told in their inbox, shown as a chip that can be taken off). What was written stays
 * until the server took it, so a refused mention loses nothing.
 */
export function CommentComposer({ taskId, writerId }: { taskId: string; writerId: string }) {
  const queryClient = useQueryClient();
  const people = useQuery(peopleQuery).data;
  const choices = useMemo(() => mentionChoices(people ?? [], writerId), [people, writerId]);
  const [draft, setDraft] = useState("");
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [refused, setRefused] = useState<ReadonlySet<string>>(new Set());
  const body = bodyOf(draft);
  const mentioned = mentionedIn(draft);

  const send = useMutation({
    mutationFn: (input: CreateComment) => createComment(taskId, input),
    onSuccess: () => {
      setDraft("");
      return refreshComments(queryClient, taskId);
    },
    onError: (error, input) => {
      const split = splitErrors(error, (path) => (path === "body" ? "body" : null));
      setBodyError(split.fields.body ?? null);
      setFormError(split.form);
      if (error instanceof ApiError)
        setRefused(refusedMentions(Object.keys(error.fieldErrors), input.mentionIds ?? []));
    },
  });

  const change = (next: string) => {
    setDraft(next);
    setBodyError(null);
    setFormError(null);
    setRefused(new Set());
  };

  const submit = () => {
    if (send.isPending) return;
    const problem = textProblem("comment", body, "Write something first.");
    if (problem) return setBodyError(problem);
    if (mentioned.length > mentionsPerComment) {
      return setFormError(
        `A comment mentions at most ${mentionsPerComment} people: take ${mentioned.length - mentionsPerComment} off.`,
      );
    }
    send.mutate({ body, mentionIds: mentioned.map((person) => person.id) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      aria-label="Add a comment"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Mentions
          label="Comment"
          placeholder="Write a comment in Markdown; type @ to mention someone"
          value={draft}
          onChange={(payload) => change(payload.value)}
          onKeyDown={onKeyDown}
          minRows={2}
          maxRows={12}
          error={bodyError || lengthProblem("comment", body)}
          description={lengthCounter("comment", body)}
          inputWrapperOrder={["label", "input", "description", "error"]}
          nothingFoundMessage="Nobody by that name"
          a11ySuggestionsListLabel="People to mention"
        >
          <Mentions.Mention
            trigger="@"
            markup={mentionMarkup}
            data={choices}
            withTrigger
            appendSpaceOnAdd
            allowSpaceInQuery
            ignoreAccents
            maxSuggestions={8}
          />
        </Mentions>
        {mentioned.length > 0 && (
          <Group gap={6} role="group" aria-label="Mentioned">
            <Text size="xs" c="dimmed">
              Tells
            </Text>
            {mentioned.map((person) => (
              <Badge
                key={person.id}
                variant={refused.has(person.id) ? "outline" : "light"}
                color={refused.has(person.id) ? "red" : undefined}
                radius="xl"
                tt="none"
                pr={2}
                rightSection={
                  <CloseButton
                    size="xs"
                    radius="xl"
                    aria-label={`Do not tell ${person.name}`}
                    onClick={() => change(withoutMention(draft, person.id))}
                  />
                }
              >
                {person.name}
              </Badge>
            ))}
          </Group>
        )}
        <FormErrorAlert message={formError} />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {SEND_KEYS} sends
          </Text>
          <Button
            type="submit"
            size="xs"
            leftSection={<IconSend size={14} aria-hidden />}
            loading={send.isPending}
          >
            Comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
