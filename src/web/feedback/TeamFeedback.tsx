import { Select, Stack, Text } from "@mantine/core";
import { FeedbackList } from "./FeedbackList";
import type { TeamFeedbackChoice } from "./teamFeedback";

interface TeamFeedbackProps {
  choice: TeamFeedbackChoice;
  nameOf: (id: string) => string;
  now: number;
  onChoose: (personId: string) => void;
}

/** A manager reads what someone below them received and shared with their managers. */
export function TeamFeedback({ choice, nameOf, now, onChoose }: TeamFeedbackProps) {
  if (choice.chosen === null) {
    return (
      <Text size="sm" c="dimmed">
        Nobody reports to you, so there is no one's shared feedback to read here.
      </Text>
    );
  }
  const person = { id: choice.chosen, name: nameOf(choice.chosen) };
  return (
    <Stack gap="md">
      <Select
        label="Whose feedback"
        description="Feedback given to someone below you and shared with their managers. Private feedback stays between the two people."
        data={choice.options.map((id) => ({ value: id, label: nameOf(id) }))}
        value={person.id}
        allowDeselect={false}
        searchable
        maw={420}
        onChange={(next) => next && onChoose(next)}
      />
      <FeedbackList key={person.id} direction="received" person={person} nameOf={nameOf} now={now} />
    </Stack>
  );
}
