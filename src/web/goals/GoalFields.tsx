import type { UseFormReturnType } from "@mantine/form";
import { DateField } from "../components/DateField";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { GoalPicker } from "./GoalPicker";
import type { GoalFormValues } from "./goalForm";

interface GoalFieldsProps {
  form: UseFormReturnType<GoalFormValues>;
  /** Whose view of goals the parent is chosen from: the person writing. */
  viewerId: string;
  /** The goal being edited: it cannot support itself nor a goal below it. */
  goalId?: string;
}

/** Title, description, due date and parent of a goal, as both goal forms ask them. */
export function GoalFields({ form, viewerId, goalId }: GoalFieldsProps) {
  const values = form.getValues();
  return (
    <>
      <LimitedTextInput
        kind="goalTitle"
        label="Title"
        required
        data-autofocus
        {...form.getInputProps("title")}
      />
      <LimitedTextarea
        kind="goalDescription"
        label="Description"
        description="What it means and how you will know it is reached. Markdown works."
        autosize
        minRows={3}
        maxRows={10}
        {...form.getInputProps("description")}
      />
      <DateField
        label="Due date"
        value={values.due}
        onChange={(due) => form.setFieldValue("due", due)}
        unreadable={values.dueUnreadable}
        onUnreadableChange={(unreadable) => form.setFieldValue("dueUnreadable", unreadable)}
        description="A day in the owner's calendar; leave empty for none."
        error={typeof form.errors.due === "string" ? form.errors.due : null}
        clearLabel="Clear the due date"
      />
      <GoalPicker
        personId={viewerId}
        label="Supports"
        description="Optional: a goal this one helps reach, such as your manager's."
        placeholder="No parent goal"
        value={values.parentId}
        onChange={(parentId) => form.setFieldValue("parentId", parentId)}
        error={typeof form.errors.parentId === "string" ? form.errors.parentId : null}
        without={goalId}
      />
    </>
  );
}
