import { Select } from "@mantine/core";
import { useMemo } from "react";
import type { Person } from "../../contract";

const NO_MANAGER = "none";

interface ManagerSelectProps {
  people: Person[];
  /** The person whose manager is chosen: never offered as their own manager. */
  excludeId?: string;
  value: string | null;
  onChange: (managerId: string | null) => void;
  label?: string;
  ariaLabel?: string;
  error?: string | null;
  disabled?: boolean;
}

/** A searchable pick among the organization's people, with "No manager" first. */
export function ManagerSelect({
  people,
  excludeId,
  value,
  onChange,
  label,
  ariaLabel,
  error,
  disabled,
}: ManagerSelectProps) {
  const data = useMemo(
    () => [
      { value: NO_MANAGER, label: "No manager" },
      ...people
        .filter((person) => person.id !== excludeId)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((person) => ({ value: person.id, label: person.name })),
    ],
    [people, excludeId],
  );
  return (
    <Select
      label={label}
      aria-label={ariaLabel}
      data={data}
      value={value ?? NO_MANAGER}
      onChange={(next) => onChange(next === null || next === NO_MANAGER ? null : next)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="Nobody by that name"
      error={error}
      disabled={disabled}
    />
  );
}
