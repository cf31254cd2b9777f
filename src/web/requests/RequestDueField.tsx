import { CloseButton, TextInput } from "@mantine/core";
import { formatLocalDate } from "../components/due";

interface RequestDueFieldProps {
  value: string;
  onChange: (date: string) => void;
  error?: string | null;
}

/** The date a request is due by: the end of that day where each person is, since they may be anywhere. */
export function RequestDueField({ value, onChange, error }: RequestDueFieldProps) {
  return (
    <TextInput
      type="date"
      label="Due date"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={
        value
          ? `Due by the end of ${formatLocalDate(value)} in each person's own time zone.`
          : "Due by the end of that day in each person's own time zone."
      }
      error={error}
      rightSection={
        value ? <CloseButton size="sm" aria-label="Clear the due date" onClick={() => onChange("")} /> : null
      }
      rightSectionPointerEvents="all"
      inputWrapperOrder={["label", "input", "description", "error"]}
    />
  );
}
