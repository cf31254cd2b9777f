import { Alert, Button, Group, Paper, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import type { Person, Task } from "../../contract";
import { createTask } from "../api/tasks";
import { UNREADABLE_DATE } from "../components/DateField";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { textProblem } from "../components/textLimits";
import { DueDateField } from "../plate/DueDateField";
import { firstName } from "../plate/PlateView";
import { splitTaskErrors } from "../plate/taskFields";
import { UrgentCheckbox } from "../plate/UrgentCheckbox";

interface AskFormProps {
  person: Person;
  viewerZone: string;
}

/** Asks someone outside one's management chain for something: it waits in their triage. */
export function AskForm({ person, viewerZone }: AskFormProps) {
  const [sent, setSent] = useState<Task | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const name = firstName(person.name);
  const form = useForm({
    initialValues: { title: "", notes: "", due: "", dueUnreadable: false, urgent: false },
    validate: {
      title: (value) => textProblem("taskTitle", value, "Say what you are asking for"),
      due: (_due, values) => (values.dueUnreadable ? UNREADABLE_DATE : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const task = await createTask(person.id, {
        title: values.title.trim(),
        notes: values.notes.trim() ? values.notes : undefined,
        due: values.due ? { date: values.due } : undefined,
        urgent: values.urgent || undefined,
      });
      form.reset();
      setSent(task);
    } catch (error) {
      const split = splitTaskErrors(error, values.urgent, "Untick Urgent to send it without an e-mail.");
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  if (sent) {
    return (
      <Alert
        color="teal"
        icon={<IconCircleCheck aria-hidden />}
        title={`Sent to ${name}'s triage`}
        role="status"
      >
        <Stack gap="sm" align="flex-start">
          “{sent.title}” is waiting for {name} or their manager to place it on {name}'s plate or decline it.
          <Button size="xs" variant="white" onClick={() => setSent(null)}>
            Ask for something else
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <LimitedTextInput
            kind="taskTitle"
            label="Title"
            placeholder="What do you need?"
            required
            data-autofocus
            {...form.getInputProps("title")}
          />
          <Textarea
            label="Notes"
            placeholder="Why it matters, links, what done looks like"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps("notes")}
          />
          <DueDateField
            value={form.values.due}
            onChange={(due) => form.setFieldValue("due", due)}
            unreadable={form.values.dueUnreadable}
            onUnreadableChange={(unreadable) => form.setFieldValue("dueUnreadable", unreadable)}
            ownerName={name}
            ownerZone={person.timeZone}
            viewerZone={viewerZone}
            error={typeof form.errors.due === "string" ? form.errors.due : null}
          />
          <UrgentCheckbox ownerName={name} {...form.getInputProps("urgent", { type: "checkbox" })} />
          <FormErrorAlert message={formError} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              Send to {name}'s triage
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
