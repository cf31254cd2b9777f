import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Request } from "../../contract";
import { cancelRequest, refreshAfterRequestChange } from "../api/requests";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { textProblem } from "../components/textLimits";

function consequence(progress: Request["progress"]): string {
  const open =
    progress.open === 1
      ? "The 1 task still open is dropped with your reason, which its owner will see."
      : `The ${progress.open} tasks still open are dropped with your reason, which their owners will see.`;
  if (progress.done === 0) return open;
  const done =
    progress.done === 1
      ? "The 1 finished task stays done."
      : `The ${progress.done} finished tasks stay done.`;
  return `${open} ${done}`;
}

function CancelForm({ request, onClose }: { request: Request; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { reason: "" },
    validate: { reason: (value) => textProblem("reason", value, "Say why, so that everyone asked knows") },
  });
  const submit = form.onSubmit(async ({ reason }) => {
    setFormError(null);
    try {
      const canceled = await cancelRequest(request.id, { reason: reason.trim() });
      await refreshAfterRequestChange(queryClient, canceled);
      onClose();
    } catch (error) {
      const split = splitErrors(error, sameNames("reason"));
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{consequence(request.progress)} Finished work is never undone.</Text>
        <LimitedTextarea
          kind="reason"
          label="Reason"
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("reason")}
        />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Keep it open
          </Button>
          <Button type="submit" color="red" loading={form.submitting}>
            Cancel request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Calls a request off: what is unfinished is dropped with a reason; what is done stays done. */
export function CancelRequestModal({
  request,
  opened,
  onClose,
}: {
  request: Request;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Cancel “${request.title}”?`} centered>
      {opened && <CancelForm request={request} onClose={onClose} />}
    </Modal>
  );
}
