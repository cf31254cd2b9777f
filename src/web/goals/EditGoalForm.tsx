import { Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Goal } from "../../contract";
import { invalidateGoals, updateGoal } from "../api/goals";
import { queryKeys } from "../api/queryKeys";
import { UNREADABLE_DATE } from "../components/DateField";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { OvertakenAlert, overtakenBy } from "../components/OvertakenAlert";
import { textProblem } from "../components/textLimits";
import { GoalFields } from "./GoalFields";
import { type GoalFormValues, goalChanges, goalFieldFor, goalValues } from "./goalForm";

interface EditGoalFormProps {
  goal: Goal;
  viewerId: string;
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * A goal's title, description, due date and parent, saved with the version they were read at. When
 * someone else saved first, the form shows their version and offers to put one's edits back.
 */
export function EditGoalForm({ goal: initial, viewerId, onSaved, onCancel }: EditGoalFormProps) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initial);
  const [formError, setFormError] = useState<string | null>(null);
  const [overtaken, setOvertaken] = useState<GoalFormValues | null>(null);
  const form = useForm<GoalFormValues>({
    initialValues: goalValues(initial),
    validate: {
      title: (value) => textProblem("goalTitle", value, "A goal needs a title"),
      description: (value) => textProblem("goalDescription", value),
      due: (_due, values) => (values.dueUnreadable ? UNREADABLE_DATE : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const changes = goalChanges(values, goalValues(base));
    if (Object.keys(changes).length === 0) return onSaved();
    try {
      const updated = await updateGoal(base.id, { version: base.version, ...changes });
      queryClient.setQueryData(queryKeys.goal(updated.id), updated);
      await invalidateGoals(queryClient);
      onSaved();
    } catch (error) {
      const current = overtakenBy<Goal>(error);
      if (current) {
        setBase(current);
        setOvertaken(values);
        form.setValues(goalValues(current));
        form.resetDirty(goalValues(current));
        queryClient.setQueryData(queryKeys.goal(current.id), current);
        void invalidateGoals(queryClient);
        return;
      }
      const split = splitErrors(error, goalFieldFor);
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
            title="Someone else just saved this goal"
            onRestore={restoreEdits}
            onKeepTheirs={() => setOvertaken(null)}
          />
        )}
        <GoalFields form={form} viewerId={viewerId} goalId={base.id} />
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
