import { Button, Group, Paper, Radio, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Feedback, FeedbackRequest, FeedbackVisibility } from "../../contract";
import { giveFeedback, invalidateFeedback } from "../api/feedback";
import { invalidateInbox } from "../api/inbox";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { plateQuery } from "../api/tasks";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { textProblem } from "../components/textLimits";
import { firstName } from "../plate/PlateView";
import { feedbackFieldFor, visibilityChoices } from "./visibility";

interface GiveValues {
  toId: string | null;
  body: string;
  visibility: FeedbackVisibility;
  taskId: string | null;
}

export interface GiveFeedbackFormProps {
  /** Whom it is for, when that is known (a finished task's owner, a request's subject); else the form asks. */
  toId: string | null;
  /** The finished task it is about, when it was given from one. */
  task: { id: string; title: string } | null;
  /** The request it answers, if any. */
  answering: FeedbackRequest | null;
  onSent: (feedback: Feedback, toName: string) => void;
  onCancel: () => void;
}

/** A finished task of the receiver's it may be about, read when the list is first opened. */
function FinishedTaskSelect({
  ownerId,
  value,
  onChange,
  error,
}: {
  ownerId: string;
  value: string | null;
  onChange: (taskId: string | null) => void;
  error?: string | null;
}) {
  const [wanted, setWanted] = useState(false);
  const done = useQuery({ ...plateQuery(ownerId, "done"), enabled: wanted });
  const data = (done.data?.items ?? []).map((task) => ({ value: task.id, label: task.title }));
  return (
    <Select
      label="About a finished task"
      description="Optional: feedback about a piece of work is the easiest to act on."
      placeholder="No task in particular"
      data={data}
      value={value}
      onChange={onChange}
      onDropdownOpen={() => setWanted(true)}
      clearable
      searchable
      nothingFoundMessage={
        wanted && done.isPending ? "Loading their finished work…" : "No finished task of theirs you can see"
      }
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * Gives feedback to one person, privately or with their managers: fixed once sent. It reaches them
 * through their inbox and their next digest, never as a message of its own.
 */
export function GiveFeedbackForm({ toId, task, answering, onSent, onCancel }: GiveFeedbackFormProps) {
  const me = useSuspenseQuery(meQuery).data;
  const queryClient = useQueryClient();
  const people = useQuery(peopleQuery);
  const [formError, setFormError] = useState<string | null>(null);
  const askedBySomeoneElse = answering !== null && answering.askedBy !== answering.aboutId;
  const form = useForm<GiveValues>({
    initialValues: {
      toId,
      body: "",
      visibility: askedBySomeoneElse ? "with_manager" : "private",
      taskId: task?.id ?? null,
    },
    validate: {
      toId: (value) => (value ? null : "Pick whom it is for"),
      body: (value) => textProblem("feedbackBody", value, "Write what you want to say"),
    },
  });
  const values = form.getValues();
  const receiver = people.data?.find((person) => person.id === values.toId);
  const receiverName = receiver ? receiver.name : "Someone";
  const choices = visibilityChoices(
    { name: firstName(receiverName), hasManager: receiver ? receiver.managerId !== null : true },
    askedBySomeoneElse,
  );
  const others = (people.data ?? [])
    .filter((person) => person.id !== me.id)
    .map((person) => ({ value: person.id, label: person.name }));

  const submit = form.onSubmit(async (submitted) => {
    setFormError(null);
    try {
      const feedback = await giveFeedback({
        toId: submitted.toId ?? "",
        body: submitted.body,
        visibility: submitted.visibility,
        ...(submitted.taskId ? { taskId: submitted.taskId } : {}),
        ...(answering ? { requestId: answering.id } : {}),
      });
      await Promise.all([invalidateFeedback(queryClient), invalidateInbox(queryClient)]);
      onSent(feedback, receiverName);
    } catch (error) {
      const split = splitErrors(error, feedbackFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {answering && (
          <Paper withBorder radius="md" p="sm" bg="var(--docket-color-inset)">
            <Text size="xs" c="dimmed" fw={500}>
              The question
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {answering.question}
            </Text>
          </Paper>
        )}
        {toId ? (
          <Text size="sm">
            To <strong>{receiverName}</strong>
          </Text>
        ) : (
          <Select
            label="To"
            placeholder="Pick a person"
            data={others}
            searchable
            required
            data-autofocus
            nothingFoundMessage={people.isPending ? "Loading people…" : "Nobody by that name"}
            {...form.getInputProps("toId")}
            onChange={(next) => {
              form.setFieldValue("toId", next);
              form.setFieldValue("taskId", null);
            }}
          />
        )}
        {task && (
          <Text size="sm">
            About <strong>“{task.title}”</strong>
          </Text>
        )}
        <LimitedTextarea
          kind="feedbackBody"
          label={answering ? "Your answer" : "Feedback"}
          placeholder={task ? "Thanks for…, what made it work was…" : "What went well, what could be better"}
          autosize
          minRows={3}
          maxRows={10}
          required
          data-autofocus={toId !== null || undefined}
          {...form.getInputProps("body")}
        />
        <Radio.Group
          label="Who reads it"
          description="Fixed once sent."
          {...form.getInputProps("visibility")}
        >
          <Stack gap="xs" mt="xs">
            {choices.map((choice) => (
              <Radio
                key={choice.value}
                value={choice.value}
                label={choice.label}
                description={choice.description}
              />
            ))}
          </Stack>
        </Radio.Group>
        {!task && !answering && values.toId && (
          <FinishedTaskSelect
            key={values.toId}
            ownerId={values.toId}
            value={values.taskId}
            onChange={(taskId) => form.setFieldValue("taskId", taskId)}
            error={typeof form.errors.taskId === "string" ? form.errors.taskId : null}
          />
        )}
        <Text size="xs" c="dimmed">
          {firstName(receiverName)} hears of it in their inbox and their next digest; no e-mail of its own is
          sent.
        </Text>
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {answering ? "Send answer" : "Send feedback"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
