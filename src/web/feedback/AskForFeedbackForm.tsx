import { Button, Group, MultiSelect, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { feedbackAskLimit } from "../../contract/feedback";
import { askForFeedback, invalidateFeedback } from "../api/feedback";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { textProblem } from "../components/textLimits";
import { meAndBelow } from "../goals/goalOwners";
import { askFieldFor } from "./visibility";

interface AskValues {
  aboutId: string;
  fromIds: string[];
  question: string;
}

/**
 * Asks people for feedback about myself, or, as their manager, about someone who reports to me.
 * Each person asked hears of it in their inbox and digest, and answers once.
 */
export function AskForFeedbackForm({ onAsked, onCancel }: { onAsked: () => void; onCancel: () => void }) {
  const me = useSuspenseQuery(meQuery).data;
  const queryClient = useQueryClient();
  const people = useQuery(peopleQuery);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AskValues>({
    initialValues: { aboutId: me.id, fromIds: [], question: "" },
    validate: {
      fromIds: (value) => (value.length > 0 ? null : "Pick at least one person to ask"),
      question: (value) => textProblem("feedbackQuestion", value, "Ask a question"),
    },
  });
  const values = form.getValues();
  const nameOf = (id: string) => people.data?.find((person) => person.id === id)?.name ?? "Someone";
  const about = people.data
    ? meAndBelow(people.data, me.id).map((id) => ({ value: id, label: id === me.id ? "Me" : nameOf(id) }))
    : [{ value: me.id, label: "Me" }];
  const askable = (people.data ?? [])
    .filter((person) => person.id !== values.aboutId)
    .map((person) => ({
      value: person.id,
      label: person.id === me.id ? `${person.name} (you)` : person.name,
    }));

  const submit = form.onSubmit(async (submitted) => {
    setFormError(null);
    try {
      await askForFeedback(submitted);
      await invalidateFeedback(queryClient);
      onAsked();
    } catch (error) {
      const split = splitErrors(error, askFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {about.length > 1 && (
          <Select
            label="About"
            description="Yourself, or someone who reports to you."
            data={about}
            allowDeselect={false}
            searchable
            {...form.getInputProps("aboutId")}
            onChange={(next) => {
              if (!next) return;
              form.setFieldValue("aboutId", next);
              form.setFieldValue(
                "fromIds",
                form.getValues().fromIds.filter((id) => id !== next),
              );
            }}
          />
        )}
        <MultiSelect
          label="Whom to ask"
          description={`Up to ${feedbackAskLimit} people. Each answers once.`}
          placeholder={values.fromIds.length === 0 ? "Pick people" : undefined}
          data={askable}
          searchable
          required
          maxValues={feedbackAskLimit}
          nothingFoundMessage={people.isPending ? "Loading people…" : "Nobody by that name"}
          data-autofocus
          {...form.getInputProps("fromIds")}
        />
        <LimitedTextarea
          kind="feedbackQuestion"
          label="Question"
          placeholder="What should I keep doing, and what could I do better?"
          autosize
          minRows={2}
          maxRows={8}
          required
          {...form.getInputProps("question")}
        />
        <Text size="xs" c="dimmed">
          {values.aboutId === me.id
            ? "Each person who answers chooses whether only you read it, or your managers too."
            : `A manager asked, so every answer is shared with ${nameOf(values.aboutId)} and their managers.`}
        </Text>
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Ask
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
