import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Task, UpdateTask } from "../../contract";
import { queryKeys } from "../api/queryKeys";
import { invalidateTaskViews, updateTask } from "../api/tasks";
import { UNREADABLE_DATE } from "../components/DateField";
import { formatInZone } from "../components/due";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { OvertakenAlert, overtakenBy } from "../components/OvertakenAlert";
import { textProblem } from "../components/textLimits";
import { GoalPicker } from "../goals/GoalPicker";
import { DueDateField } from "./DueDateField";
import { firstName, usePlateView } from "./PlateView";
import { splitTaskErrors } from "./taskFields";
import { UrgentCheckbox } from "./UrgentCheckbox";

interface EditValues {
  title: string;
  notes: string;
  due: string;
  /** Whether the date field holds something that is not a date (30 February). */
  dueUnreadable: boolean;
  urgent: boolean;
  goalId: string | null;
}

function valuesOf(task: Task): EditValues {
  return {
    title: task.title,
    notes: task.notes,
    due: task.due && "date" in task.due ? task.due.date : "",
    dueUnreadable: false,
    urgent: task.urgent,
    goalId: task.goalId,
  };
}

/** Only what was changed goes to the server, so that an edit never undoes someone else's. */
function changesOf(values: EditValues, base: EditValues): Omit<UpdateTask, "version"> {
  const changes: Omit<UpdateTask, "version"> = {};
  if (values.title.trim() !== base.title) changes.title = values.title.trim();
  if (values.notes !== base.notes) changes.notes = values.notes;
  if (values.due !== base.due) changes.due = values.due ? { date: values.due } : null;
  if (values.urgent !== base.urgent) changes.urgent = values.urgent;
  if (values.goalId !== base.goalId) changes.goalId = values.goalId;
  return changes;
}

interface EditTaskFormProps {
  task: Task;
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * Title, notes, due date, urgency and goal of a task, saved with the version they were read at. When
 * someone else saved first, the form shows their version and offers to put one's edits back.
 */
export function EditTaskForm({ task: initial, onSaved, onCancel }: EditTaskFormProps) {
  const { owner, viewer, isMine } = usePlateView();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initial);
  const [formError, setFormError] = useState<string | null>(null);
  const [overtaken, setOvertaken] = useState<EditValues | null>(null);
  const form = useForm<EditValues>({
    initialValues: valuesOf(initial),
    validate: {
      title: (value) => textProblem("taskTitle", value, "A task needs a title"),
      due: (_due, values) => (values.dueUnreadable ? UNREADABLE_DATE : null),
    },
  });
  const fixedDue = base.due && "at" in base.due ? base.due.at : null;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const changes = changesOf(values, valuesOf(base));
    if (Object.keys(changes).length === 0) return onSaved();
    try {
      const updated = await updateTask(base.id, { version: base.version, ...changes });
      queryClient.setQueryData(queryKeys.task(updated.id), updated);
      await invalidateTaskViews(queryClient, { ownerId: updated.ownerId, taskId: updated.id });
      onSaved();
    } catch (error) {
      const current = overtakenBy<Task>(error);
      if (current) {
        setBase(current);
        setOvertaken(values);
        form.setValues(valuesOf(current));
        form.resetDirty(valuesOf(current));
        queryClient.setQueryData(queryKeys.task(current.id), current);
        void invalidateTaskViews(queryClient, { ownerId: current.ownerId, taskId: current.id });
        return;
      }
      const split = splitTaskErrors(
        error,
        changes.urgent === true,
        "Untick Urgent to save your other changes without an e-mail.",
      );
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  const restoreEdits = () => {
    if (overtaken) form.setValues(overtaken);
    setOvertaken(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {overtaken && (
          <OvertakenAlert
            title="Someone else just saved this task"
            onRestore={restoreEdits}
            onKeepTheirs={() => setOvertaken(null)}
          />
        )}
        <LimitedTextInput
          kind="taskTitle"
          label="Title"
          required
          data-autofocus
          {...form.getInputProps("title")}
        />
        <Textarea label="Notes" autosize minRows={3} maxRows={12} {...form.getInputProps("notes")} />
        <DueDateField
          value={form.values.due}
          onChange={(due) => form.setFieldValue("due", due)}
          unreadable={form.values.dueUnreadable}
          onUnreadableChange={(unreadable) => form.setFieldValue("dueUnreadable", unreadable)}
          ownerName={isMine ? null : firstName(owner.name)}
          ownerZone={owner.timeZone}
          viewerZone={viewer.timeZone}
          error={typeof form.errors.due === "string" ? form.errors.due : null}
        />
        {fixedDue && !form.values.due && (
          <Text size="xs" c="dimmed">
            Due at a set moment: {formatInZone(fixedDue, viewer.timeZone)} your time. Pick a date to replace
            it.
          </Text>
        )}
        <GoalPicker
          personId={owner.id}
          label="Goal"
          description="The goal this work moves forward, if any."
          value={form.values.goalId}
          onChange={(goal) => form.setFieldValue("goalId", goal)}
          error={typeof form.errors.goalId === "string" ? form.errors.goalId : null}
        />
        <UrgentCheckbox
          ownerName={isMine ? null : firstName(owner.name)}
          {...form.getInputProps("urgent", { type: "checkbox" })}
        />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
