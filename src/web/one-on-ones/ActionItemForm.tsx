import { Button, Group, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Plate } from "../../contract";
import { addActionItem, invalidateMeetingViews } from "../api/one-on-ones";
import { queryKeys } from "../api/queryKeys";
import { invalidateTaskViews, plateQuery } from "../api/tasks";
import { UNREADABLE_DATE } from "../components/DateField";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { textProblem } from "../components/textLimits";
import { DueDateField } from "../plate/DueDateField";
import { PlacementSelect } from "../plate/PlacementSelect";
import { firstName } from "../plate/PlateView";
import { type PlacementChoice, toPlacement, validChoice } from "../plate/placement";
import { taskFieldFor } from "../plate/taskFields";

export interface Participant {
  id: string;
  name: string;
  timeZone: string;
  /** Whether I may place work on their plate (mine, or a report's): else it lands in their triage. */
  mayPlace: boolean;
}

interface ActionItemFormProps {
  meetingId: string;
  me: Participant;
  other: Participant;
}

const fieldFor = (path: string) => (path === "ownerId" ? "ownerId" : taskFieldFor(path));

/** Where on the owner's plate the item goes, with the plate in view; only when I may place there. */
function Placement({
  owner,
  value,
  onChange,
  error,
}: {
  owner: Participant;
  value: PlacementChoice;
  onChange: (choice: PlacementChoice) => void;
  error: string | null;
}) {
  const plate = useQuery(plateQuery(owner.id, "open"));
  if (plate.isPending) return null;
  return <PlacementSelect plate={plate.data?.items ?? []} value={value} onChange={onChange} error={error} />;
}

/** Adds an action item: a task on the owner's plate, placed there when I may, else in their triage. */
export function ActionItemForm({ meetingId, me, other }: ActionItemFormProps) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      title: "",
      ownerId: other.id,
      due: "",
      dueUnreadable: false,
      placement: "bottom" as PlacementChoice,
    },
    validate: {
      title: (value) => textProblem("taskTitle", value, "Give the action item a title"),
      due: (_due, values) => (values.dueUnreadable ? UNREADABLE_DATE : null),
    },
  });
  const values = form.getValues();
  const owner = values.ownerId === me.id ? me : other;
  const isMine = owner.id === me.id;

  const submit = form.onSubmit(async (submitted) => {
    setFormError(null);
    try {
      const plate = queryClient.getQueryData<Plate>(queryKeys.plate(owner.id, "open"));
      const task = await addActionItem(meetingId, {
        title: submitted.title.trim(),
        ownerId: owner.id,
        due: submitted.due ? { date: submitted.due } : undefined,
        placement: owner.mayPlace
          ? toPlacement(validChoice(submitted.placement, plate?.items ?? []))
          : undefined,
      });
      form.reset();
      await Promise.all([
        invalidateMeetingViews(queryClient, meetingId),
        invalidateTaskViews(queryClient, { ownerId: task.ownerId, taskId: task.id }),
      ]);
    } catch (error) {
      const split = splitErrors(error, fieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add an action item">
      <Stack gap="sm">
        <LimitedTextInput
          kind="taskTitle"
          label="Action item"
          placeholder="What needs doing after this meeting?"
          required
          {...form.getInputProps("title")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Owner"
            data={[
              { value: other.id, label: other.name },
              { value: me.id, label: `${me.name} (you)` },
            ]}
            allowDeselect={false}
            {...form.getInputProps("ownerId")}
          />
          <DueDateField
            value={values.due}
            onChange={(due) => form.setFieldValue("due", due)}
            unreadable={values.dueUnreadable}
            onUnreadableChange={(unreadable) => form.setFieldValue("dueUnreadable", unreadable)}
            ownerName={isMine ? null : firstName(owner.name)}
            ownerZone={owner.timeZone}
            viewerZone={me.timeZone}
            error={typeof form.errors.due === "string" ? form.errors.due : null}
          />
        </SimpleGrid>
        {owner.mayPlace ? (
          <Placement
            key={owner.id}
            owner={owner}
            value={values.placement}
            onChange={(choice) => form.setFieldValue("placement", choice)}
            error={typeof form.errors.placement === "string" ? form.errors.placement : null}
          />
        ) : (
          <Text size="sm" c="dimmed">
            It goes to {firstName(owner.name)}'s triage, where they choose its place on their plate.
          </Text>
        )}
        <FormErrorAlert message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Add action item
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
