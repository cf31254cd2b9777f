import { CloseButton, TextInput } from "@mantine/core";
import { dueInViewerZone, formatLocalDate } from "../components/due";

interface DueDateFieldProps {
  value: string;
  onChange: (date: string) => void;
  /** Whose day it is: "your" on one's own plate, else the owner's name. */
  ownerName: string | null;
  ownerZone: string;
  viewerZone: string;
  error?: string | null;
  label?: string;
}

/**
 * What "due on a date" means, said beside the date: the end of that day where the owner is, and
 * when that is on the viewer's clock if theirs reads differently.
 */
export function dueDateExplanation({
  value,
  ownerName,
  ownerZone,
  viewerZone,
}: Pick<DueDateFieldProps, "value" | "ownerName" | "ownerZone" | "viewerZone">): string {
  const whose = ownerName ? `${ownerName}'s time (${ownerZone})` : `your time (${ownerZone})`;
  if (!value) return `Due by the end of that day in ${whose}.`;
  const mine = ownerName ? dueInViewerZone(value, ownerZone, viewerZone) : null;
  const day = formatLocalDate(value);
  return mine
    ? `Due by the end of ${day} in ${whose}, which is ${mine} for you.`
    : `Due by the end of ${day} in ${whose}.`;
}

export function DueDateField({
  value,
  onChange,
  ownerName,
  ownerZone,
  viewerZone,
  error,
  label = "Due date",
}: DueDateFieldProps) {
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={dueDateExplanation({ value, ownerName, ownerZone, viewerZone })}
      error={error}
      rightSection={
        value ? <CloseButton size="sm" aria-label="Clear the due date" onClick={() => onChange("")} /> : null
      }
      rightSectionPointerEvents="all"
      inputWrapperOrder={["label", "input", "description", "error"]}
    />
  );
}
