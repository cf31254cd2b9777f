import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Feedback } from "../../contract";
import { FeedbackItem } from "../feedback/FeedbackItem";
import { fromWhom, readersLine } from "../feedback/feedbackLines";

/** How many pieces of feedback show before the rest are asked for. */
const FIRST_SHOWN = 20;

interface RecordFeedbackProps {
  feedback: Feedback[];
  /** Whose record it is, by first name. */
  firstName: string;
  isMine: boolean;
  meId: string;
  nameOf: (id: string) => string;
  now: number;
}

/** Feedback the person received in the period, as far as I may read it, newest first. */
export function RecordFeedback({ feedback, firstName, isMine, meId, nameOf, now }: RecordFeedbackProps) {
  const [all, setAll] = useState(false);
  const shown = all ? feedback : feedback.slice(0, FIRST_SHOWN);
  return (
    <Stack gap="sm" component="section" aria-labelledby="record-feedback-heading">
      <Title id="record-feedback-heading" order={2} fz="lg">
        Feedback received
      </Title>
      {feedback.length === 0 ? (
        <Text size="sm" c="dimmed">
          {isMine
            ? "No feedback received in this period."
            : `No feedback to ${firstName} in this period that you may read: private feedback stays between the two people.`}
        </Text>
      ) : (
        <>
          {!isMine && (
            <Text size="sm" c="dimmed">
              What {firstName} received and shared with managers; private feedback stays between the two
              people.
            </Text>
          )}
          {shown.map((item) => (
            <FeedbackItem
              key={item.id}
              feedback={item}
              who={fromWhom(item, meId, nameOf)}
              readers={readersLine(item, meId, nameOf)}
              now={now}
            />
          ))}
          {shown.length < feedback.length && (
            <Group justify="center">
              <Button variant="default" onClick={() => setAll(true)}>
                Show all {feedback.length}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
