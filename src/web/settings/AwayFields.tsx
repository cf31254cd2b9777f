import { Box, Button, Group } from "@mantine/core";
import { DateField } from "../components/DateField";

/** The first or the last day away. */
export type AwayEnd = "from" | "until";

interface AwayFieldsProps {
  away: { from: string; until: string };
  /** Which field holds something typed that is not a date (30 February): the form refuses to save it. */
  unreadable: { [end in AwayEnd]: boolean };
  onChange: (end: AwayEnd, date: string) => void;
  onUnreadableChange: (end: AwayEnd, unreadable: boolean) => void;
  /** Empties both fields, what was typed in them included. */
  onClear: () => void;
  errorOf: (end: AwayEnd) => string | null;
}

const LABELS: { [end in AwayEnd]: { label: string; clear: string } } = {
  from: { label: "Away from", clear: "Clear the first day away" },
  until: { label: "Away until", clear: "Clear the last day away" },
};

/** Both dates, or neither: an empty pair means "not away". */
export function AwayFields({
  away,
  unreadable,
  onChange,
  onUnreadableChange,
  onClear,
  errorOf,
}: AwayFieldsProps) {
  const field = (end: AwayEnd) => (
    <Box w={200}>
      <DateField
        label={LABELS[end].label}
        value={away[end]}
        onChange={(date) => onChange(end, date)}
        unreadable={unreadable[end]}
        onUnreadableChange={(bad) => onUnreadableChange(end, bad)}
        min={end === "until" ? away.from || undefined : undefined}
        error={errorOf(end)}
        clearLabel={LABELS[end].clear}
      />
    </Box>
  );
  return (
    <Group align="flex-start" gap="md">
      {field("from")}
      {field("until")}
      {(away.from || away.until || unreadable.from || unreadable.until) && (
        <Button variant="subtle" color="gray" mt={25} onClick={onClear}>
          Clear away period
        </Button>
      )}
    </Group>
  );
}
