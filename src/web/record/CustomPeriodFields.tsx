import { Box, Group } from "@mantine/core";
import { useState } from "react";
import { DateField } from "../components/DateField";
import { isLocalDate, type Period } from "./period";

interface CustomPeriodFieldsProps {
  period: Period;
  onChange: (period: Period) => void;
}

type End = keyof Period;

const FIELDS: { end: End; label: string; clearLabel: string }[] = [
  { end: "from", label: "First day", clearLabel: "Clear the start of the period" },
  { end: "to", label: "Last day", clearLabel: "Clear the end of the period" },
];

/**
 * The first and last day of a period of one's own. A date being typed stays in its field; the
 * period changes once both fields hold a whole date, and dates set elsewhere (the address) show.
 * A date that does not exist (30 February) is said to be so, and the period shown stays as it was.
 */
export function CustomPeriodFields({ period, onChange }: CustomPeriodFieldsProps) {
  const [draft, setDraft] = useState(period);
  const [shown, setShown] = useState(period);
  const [unreadable, setUnreadable] = useState({ from: false, to: false });
  if (shown.from !== period.from || shown.to !== period.to) {
    setShown(period);
    setDraft(period);
  }
  const change = (end: End, date: string) => {
    const next = { ...draft, [end]: date };
    setDraft(next);
    if (isLocalDate(next.from) && isLocalDate(next.to)) onChange(next);
  };
  return (
    <Group gap="sm" align="flex-start">
      {FIELDS.map(({ end, label, clearLabel }) => (
        <Box key={end} w={200}>
          <DateField
            label={label}
            value={draft[end]}
            onChange={(date) => change(end, date)}
            unreadable={unreadable[end]}
            onUnreadableChange={(bad) => setUnreadable((current) => ({ ...current, [end]: bad }))}
            clearLabel={clearLabel}
          />
        </Box>
      ))}
    </Group>
  );
}
