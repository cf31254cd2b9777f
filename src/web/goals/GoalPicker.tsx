import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { goalQuery } from "../api/goals";
import { peopleQuery } from "../api/people";
import { goalOptions } from "./goalOptions";
import { goalOwnersFor } from "./goalOwners";
import { useOwnersGoals } from "./useOwnersGoals";

interface GoalPickerProps {
  /** Whose goals it offers: theirs, their managers' and their reports' active goals. */
  personId: string;
  value: string | null;
  onChange: (goalId: string | null) => void;
  label: string;
  description?: string;
  placeholder?: string;
  error?: string | null;
  /** A goal never offered, nor any goal below it: the goal whose parent is chosen. */
  without?: string;
}

/**
 * Picks a goal, or none. The goals are read the first time the list opens, not with the page: a
 * form that never opens it costs nothing.
 */
export function GoalPicker({
  personId,
  value,
  onChange,
  label,
  description,
  placeholder = "No goal",
  error,
  without,
}: GoalPickerProps) {
  const [wanted, setWanted] = useState(false);
  const people = useQuery({ ...peopleQuery, enabled: wanted });
  const ownerIds = people.data ? goalOwnersFor(people.data, personId) : [];
  const read = useOwnersGoals(ownerIds, "active", wanted && people.data !== undefined);
  const current = useQuery({ ...goalQuery(value ?? ""), enabled: value !== null });
  const groups = goalOptions(read.owners, { keep: value, without });
  const listed = groups.some((group) => group.items.some((item) => item.value === value));
  const chosen =
    value !== null && !listed
      ? [{ group: "Chosen", items: [{ value, label: current.data?.title ?? "A goal" }] }]
      : [];
  const loading = wanted && (people.isPending || read.isPending);
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      data={[...chosen, ...groups]}
      value={value}
      onChange={onChange}
      onDropdownOpen={() => setWanted(true)}
      clearable
      searchable
      nothingFoundMessage={loading ? "Loading goals…" : "No active goal to choose"}
      error={error}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
