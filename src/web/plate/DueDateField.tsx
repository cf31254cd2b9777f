import { DateField } from "../components/DateField";
import { dueInViewerZone, formatLocalDate } from "../components/due";

interface DueDateFieldProps {
  value: string;
  onChange: (date: string) => void;
  /** Whether what is typed is not a date (30 February): the form refuses it rather than drop the due. */
  unreadable: boolean;
  onUnreadableChange: (unreadable: boolean) => void;
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
  unreadable,
  onUnreadableChange,
  ownerName,
  ownerZone,
  viewerZone,
  error,
  label = "Due date",
}: DueDateFieldProps) {
  return (
    <DateField
      label={label}
      value={value}
      onChange={onChange}
      unreadable={unreadable}
      onUnreadableChange={onUnreadableChange}
      description={dueDateExplanation({ value, ownerName, ownerZone, viewerZone })}
      error={error}
      clearLabel="Clear the due date"
    />
  );
}
