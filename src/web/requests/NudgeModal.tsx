import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { IconClockHour4 } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { Nudged, Request } from "../../contract";
import { isApiError } from "../api/errors";
import { nudgeRequest } from "../api/requests";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { textProblem } from "../components/textLimits";
import { remindAgainSentence, remindLabel } from "./nudge";

interface NudgeModalProps {
  request: Request;
  /** Everyone the nudge reminds: those asked who have not finished. */
  personIds: readonly string[];
  nameOf: (personId: string) => string;
  /** The reader's zone, in which the time of the next possible reminder is told. */
  timeZone: string;
  opened: boolean;
  onClose: () => void;
  onReminded: (nudged: Nudged) => void;
}

function NudgeForm({
  request,
  personIds,
  nameOf,
  timeZone,
  onClose,
  onReminded,
}: Omit<NudgeModalProps, "opened">) {
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [tooSoon, setTooSoon] = useState<string | null>(null);
  const nudge = useMutation({
    mutationFn: () => nudgeRequest(request.id, note.trim() ? { note: note.trim() } : {}),
    onSuccess: onReminded,
    onError: (error) => {
      if (isApiError(error, 429)) {
        setTooSoon(
          error.retryAfterSeconds === null
            ? "You reminded them less than a day ago. You can remind them again a day after that."
            : remindAgainSentence(error.retryAfterSeconds, Date.now(), timeZone),
        );
        return;
      }
      const split = splitErrors(error, (path) => (path === "note" ? "note" : null));
      setNoteError(split.fields.note ?? null);
      setFormError(split.form);
    },
  });
  const names = personIds.map(nameOf);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const problem = textProblem("nudgeNote", note);
        if (problem) return setNoteError(problem);
        setFormError(null);
        nudge.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {names.join(", ")} {names.length === 1 ? "has" : "have"} not finished. Each finds a reminder in
          their inbox and in their next digest; no e-mail is sent on its own. You can remind them once a day.
        </Text>
        <LimitedTextInput
          kind="nudgeNote"
          label="Note"
          description="Optional: what they should know"
          placeholder="The survey closes Friday"
          data-autofocus
          value={note}
          error={noteError}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteError(null);
          }}
        />
        {tooSoon && (
          <Alert
            color="yellow"
            icon={<IconClockHour4 aria-hidden />}
            role="alert"
            title="Reminded already today"
          >
            {tooSoon}
          </Alert>
        )}
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {tooSoon ? "Close" : "Not now"}
          </Button>
          <Button type="submit" loading={nudge.isPending} disabled={tooSoon !== null}>
            {remindLabel(personIds.length)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Reminds everyone a request asked who has not finished, with an optional note, after a confirm. */
export function NudgeModal({ opened, onClose, ...props }: NudgeModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`${remindLabel(props.personIds.length)}?`} centered>
      {opened && <NudgeForm {...props} onClose={onClose} />}
    </Modal>
  );
}
