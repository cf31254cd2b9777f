import { Checkbox, Group, MultiSelect, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import type { AssigneeGroup, Person } from "../../contract";
import { type AssigneeChoice, GROUP_LABELS } from "./assignees";

interface AssigneePickerProps {
  people: Person[];
  /** Whoever asks: never offered as an assignee. */
  meId: string;
  /** People already asked, who are not offered again. */
  excludeIds?: readonly string[];
  value: AssigneeChoice;
  onChange: (choice: AssigneeChoice) => void;
  error?: string | null;
}

const GROUPS: AssigneeGroup[] = ["direct_reports", "everyone_below"];

/** Who to ask: people searched by name, and the requester's reports as a group. */
export function AssigneePicker({
  people,
  meId,
  excludeIds = [],
  value,
  onChange,
  error,
}: AssigneePickerProps) {
  const data = useMemo(() => {
    const excluded = new Set([meId, ...excludeIds]);
    return people
      .filter((person) => !excluded.has(person.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((person) => ({ value: person.id, label: person.name }));
  }, [people, meId, excludeIds]);
  const hasReports = people.some((person) => person.managerId === meId);

  const toggleGroup = (group: AssigneeGroup, checked: boolean) =>
    onChange({
      ...value,
      groups: checked ? [...value.groups, group] : value.groups.filter((each) => each !== group),
    });

  return (
    <Stack gap="xs">
      <MultiSelect
        label="People"
        placeholder={value.ids.length === 0 ? "Search by name" : undefined}
        data={data}
        value={value.ids}
        onChange={(ids) => onChange({ ...value, ids })}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage="Nobody by that name"
        error={error}
      />
      {hasReports ? (
        <Group gap="lg" role="group" aria-label="Groups">
          {GROUPS.map((group) => (
            <Checkbox
              key={group}
              label={GROUP_LABELS[group]}
              checked={value.groups.includes(group)}
              onChange={(event) => toggleGroup(group, event.currentTarget.checked)}
            />
          ))}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          Ask people one by one; groups of your reports appear here once someone reports to you.
        </Text>
      )}
    </Stack>
  );
}
