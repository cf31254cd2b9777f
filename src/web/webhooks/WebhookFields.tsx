import { Stack } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { EventCheckboxes } from "./EventCheckboxes";
import type { WebhookFormValues } from "./webhookForm";

/** An endpoint's description and events, as both the add and the edit form show them. */
export function WebhookFields({ form }: { form: UseFormReturnType<WebhookFormValues> }) {
  const events = form.getInputProps("events");
  return (
    <Stack gap="md">
      <LimitedTextInput
        kind="webhookDescription"
        label="Description"
        description="What it is for, e.g. “Billing sync”. Optional."
        {...form.getInputProps("description")}
      />
      <EventCheckboxes
        value={form.values.events}
        onChange={(next) => form.setFieldValue("events", next)}
        error={events.error}
      />
    </Stack>
  );
}
