import { Group, SegmentedControl, Stack } from "@mantine/core";
import { CustomPeriodFields } from "./CustomPeriodFields";
import { PERIOD_CHOICES, PERIOD_LABELS, type Period, type PeriodChoice } from "./period";

interface PeriodPickerProps {
  choice: PeriodChoice;
  /** The dates shown now: a new custom period starts from them. */
  period: Period;
  onChange: (choice: PeriodChoice, dates: Period) => void;
}

const OPTIONS = PERIOD_CHOICES.map((choice) => ({ value: choice, label: PERIOD_LABELS[choice] }));

/** Which stretch of time the record covers: a quarter, the last months, or dates of one's own. */
export function PeriodPicker({ choice, period, onChange }: PeriodPickerProps) {
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <SegmentedControl
          aria-label="Period"
          data={OPTIONS}
          value={choice}
          onChange={(value) => {
            const next = PERIOD_CHOICES.find((option) => option === value);
            if (next) onChange(next, period);
          }}
        />
      </Group>
      {choice === "custom" && (
        <CustomPeriodFields period={period} onChange={(dates) => onChange("custom", dates)} />
      )}
    </Stack>
  );
}
