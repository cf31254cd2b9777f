import { Button, Group, Select, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { createGoal, invalidateGoals } from "../api/goals";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { UNREADABLE_DATE } from "../components/DateField";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { textProblem } from "../components/textLimits";
import { GoalFields } from "./GoalFields";
import { EMPTY_GOAL, type GoalFormValues, goalFieldFor, newGoal } from "./goalForm";
import { meAndBelow } from "./goalOwners";

/** Sets a goal for myself or someone below me; once set, its page opens. */
export function NewGoalForm({ ownerId, onCancel }: { ownerId: string; onCancel: () => void }) {
  const me = useSuspenseQuery(meQuery).data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const people = useQuery(peopleQuery);
  const [formError, setFormError] = useState<string | null>(null);
  const [owner, setOwner] = useState(ownerId);
  const [ownerError, setOwnerError] = useState<string | null>(null);
  const form = useForm<GoalFormValues>({
    initialValues: EMPTY_GOAL,
    validate: {
      title: (value) => textProblem("goalTitle", value, "Give the goal a title"),
      description: (value) => textProblem("goalDescription", value),
      due: (_due, values) => (values.dueUnreadable ? UNREADABLE_DATE : null),
    },
  });
  const owners = people.data
    ? meAndBelow(people.data, me.id).map((id) => ({
        value: id,
        label:
          id === me.id ? `${me.name} (you)` : (people.data.find((person) => person.id === id)?.name ?? id),
      }))
    : [{ value: me.id, label: `${me.name} (you)` }];

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setOwnerError(null);
    try {
      const goal = await createGoal(newGoal(owner, values));
      await invalidateGoals(queryClient);
      await navigate({ to: "/goals/$id", params: { id: goal.id } });
    } catch (error) {
      const split = splitErrors(error, goalFieldFor);
      const { ownerId: ownerProblem, ...fields } = split.fields;
      form.setErrors(fields);
      setOwnerError(ownerProblem ?? null);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {owners.length > 1 && (
          <Select
            label="Whose goal"
            description="Yours, or the goal of someone who reports to you."
            data={owners}
            allowDeselect={false}
            searchable
            value={owner}
            onChange={(next) => next && setOwner(next)}
            error={ownerError}
          />
        )}
        <GoalFields form={form} viewerId={me.id} />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Set goal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
