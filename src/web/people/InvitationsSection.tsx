import {
  Button,
  EmptyState,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconMailForward } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Invitation, Person } from "../../contract";
import { errorMessage } from "../api/errors";
import { invitationsQuery, revokeInvitation } from "../api/invitations";
import { queryKeys } from "../api/queryKeys";
import { formatDate, formatRelative } from "../components/format";
import { QueryError } from "../components/QueryError";
import { RoleBadge } from "../components/RoleBadge";

function isPending(invitation: Invitation, now: number): boolean {
  return !invitation.acceptedAt && !invitation.revokedAt && new Date(invitation.expiresAt).getTime() > now;
}

function InvitationRow({ invitation, managerName }: { invitation: Invitation; managerName: string | null }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeInvitation(invitation.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {invitation.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={invitation.role} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={managerName ? undefined : "dimmed"}>
          {managerName ?? "No manager"}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" title={formatDate(invitation.expiresAt)}>
          {formatRelative(invitation.expiresAt)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Stack gap={4} align="flex-end">
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={revoke.isPending}
            onClick={() => revoke.mutate()}
            aria-label={`Revoke invitation for ${invitation.email}`}
          >
            Revoke
          </Button>
          {revoke.isError && (
            <Text size="xs" c="red" role="alert">
              {errorMessage(revoke.error)}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

export function InvitationsSection({ people, onInvite }: { people: Person[]; onInvite: () => void }) {
  const invitations = useQuery(invitationsQuery);
  const now = Date.now();
  const pending = (invitations.data ?? [])
    .filter((invitation) => isPending(invitation, now))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const nameOf = (id: string | null) =>
    id ? (people.find((person) => person.id === id)?.name ?? null) : null;

  return (
    <section aria-labelledby="pending-invitations">
      <Title order={2} fz="lg" id="pending-invitations" mt="xl" mb="sm">
        Pending invitations
      </Title>
      {invitations.isError ? (
        <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.isPending ? (
        <Skeleton height={72} radius="md" aria-label="Loading invitations" />
      ) : pending.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            size="sm"
            icon={<IconMailForward aria-hidden />}
            title="No pending invitations"
            description="Invite a teammate to get a link they can use to join. Links you create appear here until they are used."
          >
            <EmptyState.Actions>
              <Button variant="light" onClick={onInvite}>
                Invite a teammate
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-labelledby="pending-invitations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Manager</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.map((invitation) => (
                  <InvitationRow
                    key={invitation.id}
                    invitation={invitation}
                    managerName={nameOf(invitation.managerId)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </section>
  );
}
