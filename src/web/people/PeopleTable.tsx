import { Paper, Skeleton, Table, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Me } from "../../contract";
import { peopleQuery } from "../api/people";
import { QueryError } from "../components/QueryError";
import { canManagePeople } from "../components/roles";
import { EditablePersonRow } from "./EditablePersonRow";
import { ReadOnlyPersonRow } from "./ReadOnlyPersonRow";
import { isAbove } from "./reportingChain";

const COLUMNS = ["Name", "Email", "Title", "Role", "Manager"];
const PLACEHOLDER_ROWS = ["first", "second", "third", "fourth"];

function SkeletonRows() {
  return PLACEHOLDER_ROWS.map((row) => (
    <Table.Tr key={row}>
      {COLUMNS.map((column) => (
        <Table.Td key={column}>
          <Skeleton height={14} radius="sm" />
        </Table.Td>
      ))}
      <Table.Td />
    </Table.Tr>
  ));
}

export function PeopleTable({ me }: { me: Me }) {
  const people = useQuery(peopleQuery);
  const editable = canManagePeople(me.role);
  const sorted = useMemo(
    () => [...(people.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [people.data],
  );
  const namesById = useMemo(() => new Map(sorted.map((person) => [person.id, person.name])), [sorted]);

  if (people.isError) return <QueryError error={people.error} onRetry={() => void people.refetch()} />;

  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={editable ? 960 : 780}>
        <Table
          verticalSpacing="sm"
          horizontalSpacing="md"
          highlightOnHover
          aria-label="People"
          aria-busy={people.isPending}
        >
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
              <Table.Th>
                <VisuallyHidden>Work</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.isPending ? (
              <SkeletonRows />
            ) : (
              sorted.map((person) => {
                const managesThem = isAbove(sorted, me.id, person.id);
                return editable ? (
                  <EditablePersonRow
                    key={person.id}
                    person={person}
                    people={sorted}
                    meId={me.id}
                    managesThem={managesThem}
                  />
                ) : (
                  <ReadOnlyPersonRow
                    key={person.id}
                    person={person}
                    isMe={person.id === me.id}
                    managerName={person.managerId ? (namesById.get(person.managerId) ?? null) : null}
                    managesThem={managesThem}
                  />
                );
              })
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
