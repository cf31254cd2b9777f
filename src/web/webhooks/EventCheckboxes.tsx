import { Checkbox, SimpleGrid } from "@mantine/core";
import type { ReactNode } from "react";
import type { WebhookEventType } from "../../contract";
import { EVENT_TYPES, eventExplanation, eventLabel } from "./webhookEvents";

interface EventCheckboxesProps {
  value: WebhookEventType[];
  onChange: (value: WebhookEventType[]) => void;
  error?: ReactNode;
}

/** The eight events, one checkbox each with a word on what sends it; at least one is needed. */
export function EventCheckboxes({ value, onChange, error }: EventCheckboxesProps) {
  return (
    <Checkbox.Group
      label="Events"
      description="What is sent to this address. Choose at least one."
      withAsterisk
      value={value}
      onChange={(next) => onChange(next as WebhookEventType[])}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" mt="xs">
        {EVENT_TYPES.map((type) => (
          <Checkbox key={type} value={type} label={eventLabel(type)} description={eventExplanation(type)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
