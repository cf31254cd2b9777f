import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconList, IconPencil, IconPlayerPause, IconPlayerPlay, IconTrash } from "@tabler/icons-react";
import type { Webhook } from "../../contract";
import { formatDate, formatDateTime } from "../components/format";
import { eventLabel, inFormOrder } from "./webhookEvents";
import { endpointName, endpointStatus, type InstantFormats } from "./webhookStatus";

interface WebhookCardProps {
  webhook: Webhook;
  formats: InstantFormats;
  onDeliveries: () => void;
  onEdit: () => void;
  onTurnOff: () => void;
  onTurnOn: () => void;
  turningOn: boolean;
  onDelete: () => void;
}

/** One endpoint: where it sends, what, whether it is on or failing, and what can be done with it. */
export function WebhookCard(props: WebhookCardProps) {
  const { webhook } = props;
  const name = endpointName(webhook);
  const status = endpointStatus(webhook, props.formats);
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} miw={0}>
            {webhook.description && (
              <Text fw={600} size="sm">
                {webhook.description}
              </Text>
            )}
            <Text size="sm" ff="monospace" style={{ overflowWrap: "anywhere" }}>
              {webhook.url}
            </Text>
          </Stack>
          <Badge color={status.color} variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
            {status.label}
          </Badge>
        </Group>
        {status.detail && (
          <Text size="xs" c="dimmed">
            {status.detail}
          </Text>
        )}
        <Group gap={6} aria-label="Events">
          {inFormOrder(webhook.events).map((type) => (
            <Badge key={type} variant="outline" color="gray" radius="sm" tt="none" title={type}>
              {eventLabel(type)}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          Added{" "}
          <time dateTime={webhook.createdAt} title={formatDateTime(webhook.createdAt)}>
            {formatDate(webhook.createdAt)}
          </time>
        </Text>
        <Group gap="xs" mt={4}>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconList size={14} aria-hidden />}
            onClick={props.onDeliveries}
            aria-label={`Deliveries to ${name}`}
          >
            Deliveries
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={props.onEdit}
            aria-label={`Edit ${name}`}
          >
            Edit
          </Button>
          {webhook.enabled ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlayerPause size={14} aria-hidden />}
              onClick={props.onTurnOff}
              aria-label={`Turn off ${name}`}
            >
              Turn off
            </Button>
          ) : (
            <Button
              size="xs"
              variant="filled"
              leftSection={<IconPlayerPlay size={14} aria-hidden />}
              onClick={props.onTurnOn}
              loading={props.turningOn}
              aria-label={`Turn on ${name} again`}
            >
              Turn on again
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={props.onDelete}
            aria-label={`Delete ${name}`}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
