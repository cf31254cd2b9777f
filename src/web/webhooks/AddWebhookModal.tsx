import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CreatedWebhook } from "../../contract";
import { queryKeys } from "../api/queryKeys";
import { createWebhook } from "../api/webhooks";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { NewWebhookSecret } from "./NewWebhookSecret";
import { WebhookFields } from "./WebhookFields";
import {
  EMPTY_WEBHOOK,
  newWebhook,
  type WebhookFormValues,
  webhookFieldFor,
  webhookValidation,
} from "./webhookForm";

function AddWebhookForm({
  onAdded,
  onCancel,
}: {
  onAdded: (webhook: CreatedWebhook) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<WebhookFormValues>({ initialValues: EMPTY_WEBHOOK, validate: webhookValidation });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await createWebhook(newWebhook(values));
      await queryClient.invalidateQueries({ queryKey: queryKeys.webhooks, exact: true });
      onAdded(created);
    } catch (error) {
      const split = splitErrors(error, webhookFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
      // Refused for the cap, the list may hold endpoints someone else has just added.
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhooks, exact: true });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Address"
          description="Where each event is POSTed: an https:// address (or http://) that answers 2xx."
          placeholder="https://hooks.example.com/docket"
          required
          type="url"
          autoComplete="off"
          data-autofocus
          {...form.getInputProps("url")}
        />
        <WebhookFields form={form} />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Add endpoint
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Add endpoint": the form, then the new endpoint's signing secret, shown once. */
export function AddWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? "Signing secret" : "Add endpoint"}
      size="lg"
      // The secret is shown this once: it goes only when its reader says they are done.
      closeOnClickOutside={created === null}
    >
      {opened &&
        (created ? (
          <NewWebhookSecret webhook={created} onDone={close} />
        ) : (
          <AddWebhookForm onAdded={setCreated} onCancel={close} />
        ))}
    </Modal>
  );
}
