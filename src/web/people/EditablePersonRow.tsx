import { Select, Table, Text } from "@mantine/core";
import type { Person, Role } from "../../contract";
import { ROLE_OPTIONS } from "../components/roles";
import { ManagerSelect } from "./ManagerSelect";
import { PersonName } from "./PersonName";
import { PlateLink } from "./PlateLink";
import { TitleInput } from "./TitleInput";
import { usePersonUpdate } from "./usePersonUpdate";

interface EditablePersonRowProps {
  person: Person;
  people: Person[];
  meId: string;
  /** Whether the viewer is above this person in the reporting lines, and so sees their plate. */
  managesThem: boolean;
}

/** A row an owner or admin edits in place: title, role and manager, each saved on its own. */
export function EditablePersonRow({ person, people, meId, managesThem }: EditablePersonRowProps) {
  const title = usePersonUpdate(person, "title", meId);
  const role = usePersonUpdate(person, "role", meId);
  const manager = usePersonUpdate(person, "managerId", meId);

  const shownRole = role.mutation.isPending ? role.mutation.variables.role : person.role;
  const shownManager = manager.mutation.isPending ? manager.mutation.variables.managerId : person.managerId;

  return (
    <Table.Tr>
      <Table.Td>
        <PersonName name={person.name} isMe={person.id === meId} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          {person.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <TitleInput
          name={person.name}
          title={person.title}
          onSave={(next) => title.mutation.mutate({ title: next })}
          error={title.error}
          pending={title.mutation.isPending}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${person.name}`}
          data={ROLE_OPTIONS}
          value={shownRole ?? person.role}
          onChange={(next) => {
            if (next && next !== person.role) role.mutation.mutate({ role: next as Role });
          }}
          allowDeselect={false}
          error={role.error}
          w={130}
        />
      </Table.Td>
      <Table.Td miw={170}>
        <ManagerSelect
          ariaLabel={`Manager of ${person.name}`}
          people={people}
          excludeId={person.id}
          value={shownManager ?? null}
          onChange={(next) => {
            if (next !== person.managerId) manager.mutation.mutate({ managerId: next });
          }}
          error={manager.error}
        />
      </Table.Td>
      <Table.Td ta="right">
        <PlateLink person={person} isMe={person.id === meId} managesThem={managesThem} />
      </Table.Td>
    </Table.Tr>
  );
}
