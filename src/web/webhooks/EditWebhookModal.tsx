import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Webhook } from "../../contract";
import { queryKeys } from "../api/queryKeys";
import { updateWebhook } from "../api/webhooks";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { WebhookFields } from "./WebhookFields";
import {
  type WebhookFormValues,
  webhookChanges,
  webhookFieldFor,
  webhookValidation,
  webhookValues,
} from "./webhookForm";

function EditWebhookForm({ webhook, onDone }: { webhook: Webhook; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [base] = useState(() => webhookValues(webhook));
  const form = useForm<WebhookFormValues>({ initialValues: base, validate: webhookValidation });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const changes = webhookChanges(values, base);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    try {
      await updateWebhook(webhook.id, changes);
      await queryClient.invalidateQueries({ queryKey: queryKeys.webhooks, exact: true });
      onDone();
    } catch (error) {
      const split = splitErrors(error, webhookFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          Sent to {webhook.url}. To send somewhere else, add an endpoint for that address.
        </Text>
        <WebhookFields form={form} />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Changes an endpoint's description and events; its address stays. */
export function EditWebhookModal({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  return (
    <Modal opened={webhook !== null} onClose={onClose} title="Edit endpoint" size="lg">
      {webhook && <EditWebhookForm key={webhook.id} webhook={webhook} onDone={onClose} />}
    </Modal>
  );
}
