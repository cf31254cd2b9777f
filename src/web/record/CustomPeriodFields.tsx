import { Group, TextInput } from "@mantine/core";
import { useState } from "react";
import { isLocalDate, type Period } from "./period";

interface CustomPeriodFieldsProps {
  period: Period;
  onChange: (period: Period) => void;
}

/**
 * The first and last day of a period of one's own. A date being typed stays in its field; the
 * period changes once both fields hold a whole date, and dates set elsewhere (the address) show.
 */
export function CustomPeriodFields({ period, onChange }: CustomPeriodFieldsProps) {
  const [draft, setDraft] = useState(period);
  const [shown, setShown] = useState(period);
  if (shown.from !== period.from || shown.to !== period.to) {
    setShown(period);
    setDraft(period);
  }
  const change = (next: Period) => {
    setDraft(next);
    if (isLocalDate(next.from) && isLocalDate(next.to)) onChange(next);
  };
  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        type="date"
        label="First day"
        value={draft.from}
        onChange={(event) => change({ ...draft, from: event.currentTarget.value })}
        w={180}
      />
      <TextInput
        type="date"
        label="Last day"
        value={draft.to}
        onChange={(event) => change({ ...draft, to: event.currentTarget.value })}
        w={180}
      />
    </Group>
  );
}
