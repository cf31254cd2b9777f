import { Badge, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import type { FeedbackRequest } from "../../contract";
import { formatDateTime, formatRelative } from "../components/format";
import { answeredSummary, myAnswer, requestHeadline } from "./requests";

interface FeedbackRequestItemProps {
  request: FeedbackRequest;
  meId: string;
  nameOf: (id: string) => string;
  now: number;
  /** Opens the form that answers it; only on requests I was asked. */
  onAnswer?: (request: FeedbackRequest) => void;
}

/** A request for feedback: who asked about whom, the question, and who answered (or my answer). */
export function FeedbackRequestItem({ request, meId, nameOf, now, onAnswer }: FeedbackRequestItemProps) {
  const headline = requestHeadline(request, meId, nameOf);
  const mine = myAnswer(request, meId);
  const sent = request.askedBy === meId;
  return (
    <Paper component="article" withBorder radius="md" p="md" aria-label={headline}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {headline}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={request.createdAt} title={formatDateTime(request.createdAt)}>
                {formatRelative(request.createdAt, now)}
              </time>
              {sent && ` · ${answeredSummary(request.asked)}`}
            </Text>
          </Stack>
          {onAnswer && mine === null && (
            <Button size="xs" onClick={() => onAnswer(request)} aria-label={`Answer: ${headline}`}>
              Answer
            </Button>
          )}
          {onAnswer && typeof mine === "string" && (
            <Badge variant="light" color="teal" radius="sm" tt="none">
              Answered {formatRelative(mine, now)}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {request.question}
        </Text>
        {sent && (
          <List size="sm" spacing={2} aria-label="Who was asked">
            {request.asked.map((ask) => (
              <List.Item key={ask.personId}>
                {nameOf(ask.personId)}
                <Text span size="xs" c={ask.answeredAt ? "teal" : "dimmed"}>
                  {" "}
                  · {ask.answeredAt ? `answered ${formatRelative(ask.answeredAt, now)}` : "not yet"}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
