import { Accordion, Badge, Group, List, Stack, Text } from "@mantine/core";
import type { OutboxMessage } from "../../contract/outbox";
import { formatDateTime, formatRelative } from "../components/format";
import { MailPreview } from "../components/MailPreview";
import { kindLabel, statusView } from "./outboxStatus";

const KIND_COLORS: Record<OutboxMessage["kind"], string> = {
  digest: "blue",
  urgent: "red",
  invitation: "teal",
};

interface OutboxMessageItemProps {
  message: OutboxMessage;
  now: number;
  /** Whether it is expanded: only then is its content read into the page. */
  opened: boolean;
}

/** One outgoing e-mail: what, to whom, where it stands; expanded, what it says. */
export function OutboxMessageItem({ message, now, opened }: OutboxMessageItemProps) {
  const status = statusView(message, formatDateTime, (instant) => formatRelative(instant, now));
  return (
    <Accordion.Item value={message.id}>
      <Accordion.Control
        aria-label={`${kindLabel(message.kind)} to ${message.to}: ${message.subject}, ${status.label}`}
      >
        <Stack gap={4} miw={0}>
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Badge
              color={KIND_COLORS[message.kind]}
              variant="light"
              radius="sm"
              tt="none"
              style={{ flexShrink: 0 }}
            >
              {kindLabel(message.kind)}
            </Badge>
            <Text size="sm" fw={600} truncate>
              {message.subject}
            </Text>
          </Group>
          <Group gap="xs" wrap="wrap">
            <Badge color={status.color} variant="dot" radius="sm" tt="none">
              {status.label}
            </Badge>
            <Text size="xs" c="dimmed">
              To {message.to} · queued{" "}
              <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
                {formatRelative(message.createdAt, now)}
              </time>
            </Text>
          </Group>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        {opened && (
          <Stack gap="md">
            {status.details.length > 0 && (
              <List size="sm" spacing={2}>
                {status.details.map((detail) => (
                  <List.Item key={detail}>{detail}</List.Item>
                ))}
              </List>
            )}
            <MailPreview
              label={`The e-mail to ${message.to}`}
              subject={message.subject}
              text={message.text}
              html={message.html}
            />
          </Stack>
        )}
      </Accordion.Panel>
    </Accordion.Item>
  );
}
