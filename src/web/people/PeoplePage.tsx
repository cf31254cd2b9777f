import { Button, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserPlus } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { PageHeader } from "../components/PageHeader";
import { canManagePeople } from "../components/roles";
import { InvitationsSection } from "./InvitationsSection";
import { InviteModal } from "./InviteModal";
import { PeopleTable } from "./PeopleTable";

export function PeoplePage() {
  const me = useSuspenseQuery(meQuery).data;
  const people = useQuery(peopleQuery).data ?? [];
  const [inviting, { open: openInvite, close: closeInvite }] = useDisclosure(false);
  const manager = canManagePeople(me.role);

  return (
    <>
      <PageHeader
        title="People"
        description={
          manager
            ? "Everyone in your organization. Set who reports to whom, their role and title, right in the table."
            : "Everyone in your organization and who they report to. Owners and admins can change these."
        }
        actions={
          manager && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={openInvite}>
              Invite people
            </Button>
          )
        }
      />
      <PeopleTable me={me} />
      {people.length === 1 && (
        <Text size="sm" c="dimmed" mt="sm">
          It is just you so far.{" "}
          {manager
            ? "Invite your team: each person gets a link to join."
            : "Ask an admin to invite your team."}
        </Text>
      )}
      {manager && (
        <>
          <InvitationsSection people={people} onInvite={openInvite} />
          <InviteModal opened={inviting} onClose={closeInvite} people={people} />
        </>
      )}
    </>
  );
}
