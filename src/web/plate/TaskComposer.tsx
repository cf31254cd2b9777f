import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Task } from "../../contract";
import { createTask, invalidateTaskViews } from "../api/tasks";
import { UNREADABLE_DATE } from "../components/DateField";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { textProblem } from "../components/textLimits";
import { GoalPicker } from "../goals/GoalPicker";
import { DueDateField } from "./DueDateField";
import { PlacementSelect } from "./PlacementSelect";
import { firstName, usePlateView } from "./PlateView";
import {
  insertionIndex,
  type PlacementChoice,
  pushedDownSummary,
  toPlacement,
  validChoice,
} from "./placement";
import { splitTaskErrors } from "./taskFields";
import { UrgentCheckbox } from "./UrgentCheckbox";

interface TaskComposerProps {
  plate: Task[];
  choice: PlacementChoice;
  onChoiceChange: (choice: PlacementChoice) => void;
  /** Tells the plate what the new work is called, to show it where it will go. */
  onTitleChange: (title: string) => void;
  /** Tells the plate whether the new work is urgent: until a place is chosen, urgent work goes to the top. */
  onUrgentChange: (urgent: boolean) => void;
  onAdded: (task: Task) => void;
  onCancel: () => void;
}

/** Adds work to the plate on view, at the place chosen in the form or on the plate itself. */
export function TaskComposer({
  plate,
  choice,
  onChoiceChange,
  onTitleChange,
  onUrgentChange,
  onAdded,
  onCancel,
}: TaskComposerProps) {
  const { owner, viewer, isMine, goalId, composerTitle: titleRef } = usePlateView();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      title: "",
      notes: "",
      due: "",
      dueUnreadable: false,
      urgent: false,
      goalId: goalId as string | null,
    },
    validate: {
      title: (value) => textProblem("taskTitle", value, "Give the task a title"),
      due: (_due, values) => (values.dueUnreadable ? UNREADABLE_DATE : null),
    },
    onValuesChange: (values) => {
      onTitleChange(values.title.trim());
      onUrgentChange(values.urgent);
    },
  });
  useEffect(() => titleRef.current?.focus(), [titleRef]);

  const index = insertionIndex(choice, plate);
  const name = firstName(owner.name);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const task = await createTask(owner.id, {
        title: values.title.trim(),
        notes: values.notes.trim() ? values.notes : undefined,
        due: values.due ? { date: values.due } : undefined,
        placement: toPlacement(validChoice(choice, plate)),
        urgent: values.urgent || undefined,
        goalId: values.goalId ?? undefined,
      });
      await invalidateTaskViews(queryClient, { ownerId: owner.id, taskId: task.id });
      form.reset();
      onAdded(task);
    } catch (error) {
      const split = splitTaskErrors(error, values.urgent, "Untick Urgent to add it without an e-mail.");
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <Paper component="section" withBorder radius="md" p="md" mb="md" aria-labelledby="add-task-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="md" id="add-task-heading">
            {isMine ? "Add to your plate" : `Add to ${owner.name}'s plate`}
          </Title>
          <LimitedTextInput
            kind="taskTitle"
            ref={titleRef}
            label="Title"
            placeholder="What needs doing?"
            required
            {...form.getInputProps("title")}
          />
          <Textarea
            label="Notes"
            placeholder="Context, links, what done looks like"
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps("notes")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DueDateField
              value={form.values.due}
              onChange={(due) => form.setFieldValue("due", due)}
              unreadable={form.values.dueUnreadable}
              onUnreadableChange={(unreadable) => form.setFieldValue("dueUnreadable", unreadable)}
              ownerName={isMine ? null : name}
              ownerZone={owner.timeZone}
              viewerZone={viewer.timeZone}
              error={typeof form.errors.due === "string" ? form.errors.due : null}
            />
            <Stack gap={4}>
              <PlacementSelect
                plate={plate}
                value={choice}
                onChange={onChoiceChange}
                error={typeof form.errors.placement === "string" ? form.errors.placement : null}
              />
              {plate.length > 0 && (
                <Text size="xs" c="dimmed" aria-live="polite">
                  Goes in at #{index + 1}. {pushedDownSummary(index, plate)} Or pick a place on the plate
                  below.
                </Text>
              )}
            </Stack>
          </SimpleGrid>
          <GoalPicker
            personId={owner.id}
            label="Goal"
            description="The goal this work moves forward, if any."
            value={form.values.goalId}
            onChange={(goal) => form.setFieldValue("goalId", goal)}
            error={typeof form.errors.goalId === "string" ? form.errors.goalId : null}
          />
          <UrgentCheckbox
            ownerName={isMine ? null : name}
            {...form.getInputProps("urgent", { type: "checkbox" })}
          />
          <FormErrorAlert message={formError} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Add task
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
