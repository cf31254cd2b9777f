import { Alert, Button, Chip, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconInfoCircle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Task } from "../../contract";
import { ApiError } from "../api/errors";
import { queryKeys } from "../api/queryKeys";
import { invalidateTaskViews } from "../api/tasks";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { textProblem } from "../components/textLimits";
import { taskFieldFor } from "./taskFields";

export const SUGGESTED_REASONS = [
  "No longer needed",
  "Already done elsewhere",
  "Duplicate",
  "Not our priority now",
];

interface ReasonFormProps {
  task: Task;
  description: string;
  confirmLabel: string;
  /** Sends the reason with the version the task was read at; resolves with the task as it is now. */
  send: (task: Task, reason: string) => Promise<Task>;
  onDone: () => void;
  onCancel: () => void;
}

/** Why work is dropped or declined: required, with common reasons one click away. */
export function ReasonForm({
  task: initial,
  description,
  confirmLabel,
  send,
  onDone,
  onCancel,
}: ReasonFormProps) {
  const queryClient = useQueryClient();
  const [task, setTask] = useState(initial);
  const [formError, setFormError] = useState<string | null>(null);
  const [overtaken, setOvertaken] = useState(false);
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (value) => textProblem("reason", value, "Say why, so that whoever asked knows") },
  });

  const submit = form.onSubmit(async ({ reason }) => {
    setFormError(null);
    setOvertaken(false);
    try {
      const updated = await send(task, reason.trim());
      queryClient.setQueryData(queryKeys.task(updated.id), updated);
      await invalidateTaskViews(queryClient, { ownerId: updated.ownerId, taskId: updated.id });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.current) {
        setTask(error.current as Task);
        setOvertaken(true);
        void invalidateTaskViews(queryClient, { ownerId: task.ownerId, taskId: task.id });
        return;
      }
      const split = splitErrors(error, taskFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{description}</Text>
        {overtaken && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
            Someone else changed “{task.title}” a moment ago. Check it is still the one you mean, then confirm
            again.
          </Alert>
        )}
        <LimitedTextarea
          kind="reason"
          label="Reason"
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("reason")}
        />
        <Group gap={6} aria-label="Suggestions" role="group">
          {SUGGESTED_REASONS.map((reason) => (
            <Chip
              key={reason}
              size="xs"
              variant="outline"
              checked={form.values.reason === reason}
              onChange={() => form.setFieldValue("reason", reason)}
            >
              {reason}
            </Chip>
          ))}
        </Group>
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={form.submitting}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
