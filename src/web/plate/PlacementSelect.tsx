import { Select, Text } from "@mantine/core";
import { type PlacementChoice, placementOptions, validChoice } from "./placement";

interface PlacementSelectProps {
  plate: { id: string; title: string }[];
  value: PlacementChoice;
  onChange: (choice: PlacementChoice) => void;
  error?: string | null;
  label?: string;
}

/** Where on the plate work goes: the top, after a chosen task, or the bottom. */
export function PlacementSelect({ plate, value, onChange, error, label = "Position" }: PlacementSelectProps) {
  if (plate.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The plate is empty: this will be #1.
      </Text>
    );
  }
  return (
    <Select
      label={label}
      data={placementOptions(plate)}
      value={validChoice(value, plate)}
      onChange={(next) => next && onChange(next as PlacementChoice)}
      allowDeselect={false}
      error={error}
      maxDropdownHeight={280}
    />
  );
}
