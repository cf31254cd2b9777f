import { Badge, Button, Code, Group, Stack, Table, Text } from "@mantine/core";
import { IconRepeat } from "@tabler/icons-react";
import type { WebhookDelivery } from "../../contract";
import { formatDateTime } from "../components/format";
import { eventLabel } from "./webhookEvents";
import { attemptOutcome, deliveryStatus, formatDuration, type InstantFormats } from "./webhookStatus";

interface DeliveryItemProps {
  delivery: WebhookDelivery;
  formats: InstantFormats;
  /** Whether a line separates it from the one above. */
  divided: boolean;
  /** Whether "Send again" is offered: only while the endpoint is on. */
  canSend: boolean;
  onSendAgain: () => void;
  sending: boolean;
}

function Attempts({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.attempts.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        Not tried yet.
      </Text>
    );
  }
  const earlier = delivery.attemptCount - delivery.attempts.length;
  return (
    <>
      <Table
        withTableBorder
        verticalSpacing={4}
        horizontalSpacing="xs"
        fz="xs"
        aria-label={`Attempts of ${delivery.id}`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th ta="right">Took</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {delivery.attempts.map((attempt, index) => {
            const outcome = attemptOutcome(attempt);
            // Newest first: the first listed is the latest of all its attempts.
            const number = delivery.attemptCount - index;
            return (
              <Table.Tr key={number}>
                <Table.Td>{number}</Table.Td>
                <Table.Td>
                  <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time>
                </Table.Td>
                <Table.Td c={outcome.ok ? "teal" : "red"} style={{ overflowWrap: "anywhere" }}>
                  {outcome.text}
                </Table.Td>
                <Table.Td ta="right">{formatDuration(attempt.durationMs)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {earlier > 0 && (
        <Text size="xs" c="dimmed">
          and {earlier} earlier {earlier === 1 ? "attempt" : "attempts"}
        </Text>
      )}
    </>
  );
}

/** One event sent to the endpoint: what, its `webhook-id`, where it stands, each attempt, and "Send again". */
export function DeliveryItem(props: DeliveryItemProps) {
  const { delivery } = props;
  const status = deliveryStatus(delivery, props.formats);
  return (
    <Stack
      component="li"
      gap={6}
      py="sm"
      aria-label={`${eventLabel(delivery.type)} ${delivery.id}`}
      style={props.divided ? { borderTop: "1px solid var(--mantine-color-default-border)" } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" miw={0}>
          <Text size="sm" fw={600} title={delivery.type}>
            {eventLabel(delivery.type)}
          </Text>
          <Badge color={status.color} variant="light" radius="sm" tt="none">
            {status.label}
          </Badge>
        </Group>
        {props.canSend && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRepeat size={14} aria-hidden />}
            onClick={props.onSendAgain}
            loading={props.sending}
            aria-label={`Send ${delivery.id} again`}
          >
            Send again
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        <Code fz="xs">{delivery.id}</Code> · queued{" "}
        <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
        {status.detail ? ` · ${status.detail}` : ""}
      </Text>
      <Attempts delivery={delivery} />
    </Stack>
  );
}
