import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Meeting } from "../../contract";
import { errorMessage, isApiError } from "../api/errors";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { instantOfLocalDateTime, localDateTimeIn } from "./zonedDateTime";

interface MoveMeetingModalProps {
  meeting: Meeting;
  myZone: string;
  opened: boolean;
  onClose: () => void;
  /** Sends the move; rejects with the server's refusal. */
  onMove: (scheduledAt: string) => Promise<void>;
}

function MoveMeetingForm({ meeting, myZone, onClose, onMove }: Omit<MoveMeetingModalProps, "opened">) {
  const [value, setValue] = useState(() => localDateTimeIn(Date.parse(meeting.scheduledAt), myZone));
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setError(null);
    setFieldError(null);
    const instant = instantOfLocalDateTime(value, myZone);
    if (instant === null) return setFieldError("Pick a day and a time");
    setSaving(true);
    try {
      await onMove(new Date(instant).toISOString());
      onClose();
    } catch (failure) {
      if (isApiError(failure) && failure.fieldErrors.scheduledAt)
        setFieldError(failure.fieldErrors.scheduledAt);
      else setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">Only this meeting moves; the series keeps its day and time.</Text>
        <TextInput
          type="datetime-local"
          label="New day and time"
          description={`On your clock (${myZone}).`}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={fieldError}
          required
          data-autofocus
        />
        <FormErrorAlert message={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Move meeting
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function MoveMeetingModal({ opened, ...props }: MoveMeetingModalProps) {
  return (
    <Modal opened={opened} onClose={props.onClose} title="Move this meeting">
      {opened && <MoveMeetingForm {...props} />}
    </Modal>
  );
}
