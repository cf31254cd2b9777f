import { Stack, Text, Title } from "@mantine/core";
import type { Feedback } from "../../contract";
import { FeedbackItem } from "../feedback/FeedbackItem";
import { fromTo, readersLine } from "../feedback/feedbackLines";

interface FeedbackSinceProps {
  feedback: Feedback[];
  meId: string;
  nameOf: (id: string) => string;
  now: number;
}

/**
 * Feedback either participant received since the meeting before, as far as I may read it: who gave
 * it to whom, about which task, what it says, and who reads it.
 */
export function FeedbackSince({ feedback, meId, nameOf, now }: FeedbackSinceProps) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="feedback-since">
      <Title order={2} fz="md" id="feedback-since">
        Feedback since last time
      </Title>
      {feedback.length === 0 ? (
        <Text size="sm" c="dimmed">
          No feedback since last time.
        </Text>
      ) : (
        feedback.map((item) => (
          <FeedbackItem
            key={item.id}
            feedback={item}
            who={fromTo(item, meId, nameOf)}
            readers={readersLine(item, meId, nameOf)}
            now={now}
          />
        ))
      )}
    </Stack>
  );
}
