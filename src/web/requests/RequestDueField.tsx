import { DateField } from "../components/DateField";
import { formatLocalDate } from "../components/due";

interface RequestDueFieldProps {
  value: string;
  onChange: (date: string) => void;
  /** Whether what is typed is not a date (30 February): the form refuses it rather than drop the due. */
  unreadable: boolean;
  onUnreadableChange: (unreadable: boolean) => void;
  error?: string | null;
}

/** The date a request is due by: the end of that day where each person is, since they may be anywhere. */
export function RequestDueField({
  value,
  onChange,
  unreadable,
  onUnreadableChange,
  error,
}: RequestDueFieldProps) {
  return (
    <DateField
      label="Due date"
      value={value}
      onChange={onChange}
      unreadable={unreadable}
      onUnreadableChange={onUnreadableChange}
      description={
        value
          ? `Due by the end of ${formatLocalDate(value)} in each person's own time zone.`
          : "Due by the end of that day in each person's own time zone."
      }
      error={error}
      clearLabel="Clear the due date"
    />
  );
}
