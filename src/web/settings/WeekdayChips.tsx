import { Chip, Group, Input, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { WEEKDAYS } from "./settingsValues";
import classes from "./WeekdayChips.module.css";

interface WeekdayChipsProps {
  label: string;
  value: string[];
  onChange: (days: string[]) => void;
  error?: string | null;
}

/** Seven toggles, Monday first; the group is named so each day's toggle can be found within it. */
export function WeekdayChips({ label, value, onChange, error }: WeekdayChipsProps) {
  const labelId = useId();
  const errorId = useId();
  return (
    <Stack gap={6}>
      <Text id={labelId} size="sm" fw={500}>
        {label}
      </Text>
      <Group
        gap={6}
        role="group"
        aria-labelledby={labelId}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
      >
        <Chip.Group multiple value={value} onChange={onChange}>
          {WEEKDAYS.map((day) => (
            <Chip key={day.value} value={day.value} size="sm" title={day.long} classNames={classes}>
              {day.short}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      {error && <Input.Error id={errorId}>{error}</Input.Error>}
    </Stack>
  );
}
