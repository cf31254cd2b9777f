import { Table, Text } from "@mantine/core";
import type { Person } from "../../contract";
import { RoleBadge } from "../components/RoleBadge";
import { PersonName } from "./PersonName";
import { PlateLink } from "./PlateLink";

interface ReadOnlyPersonRowProps {
  person: Person;
  managerName: string | null;
  isMe: boolean;
  /** Whether the viewer is above this person in the reporting lines, and so sees their plate. */
  managesThem: boolean;
}

export function ReadOnlyPersonRow({ person, managerName, isMe, managesThem }: ReadOnlyPersonRowProps) {
  return (
    <Table.Tr>
      <Table.Td>
        <PersonName name={person.name} isMe={isMe} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {person.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={person.title ? undefined : "dimmed"}>
          {person.title ?? "—"}
        </Text>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={person.role} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={managerName ? undefined : "dimmed"}>
          {managerName ?? "No manager"}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <PlateLink person={person} isMe={isMe} managesThem={managesThem} />
      </Table.Td>
    </Table.Tr>
  );
}
