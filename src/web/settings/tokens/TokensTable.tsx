import { Badge, Button, EmptyState, Paper, Skeleton, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiToken } from "../../../contract";
import { errorMessage } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { revokeToken, tokensQuery } from "../../api/tokens";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { formatDate, formatDateTime, formatRelative } from "../../components/format";
import { QueryError } from "../../components/QueryError";
import { useNow } from "../../components/useNow";
import { expiryState } from "./tokenLifetime";

function TokenExpiry({ expiresAt, now }: { expiresAt: string | null; now: number }) {
  const state = expiryState(expiresAt, now);
  const title = expiresAt ? formatDateTime(expiresAt) : undefined;
  if (state.kind === "expired") {
    return (
      <Badge color="red" variant="light" title={title}>
        {state.text}
      </Badge>
    );
  }
  return (
    <Text size="sm" c="dimmed" title={title}>
      {state.text}
    </Text>
  );
}

function TokenRow({ token, now, onRevoke }: { token: ApiToken; now: number; onRevoke: () => void }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" title={formatDateTime(token.createdAt)}>
          {formatDate(token.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" title={token.lastUsedAt ? formatDateTime(token.lastUsedAt) : undefined}>
          {token.lastUsedAt ? formatRelative(token.lastUsedAt) : "Never used"}
        </Text>
      </Table.Td>
      <Table.Td>
        <TokenExpiry expiresAt={token.expiresAt} now={now} />
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={onRevoke}
          aria-label={`Revoke token ${token.name}`}
        >
          Revoke
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function TokensTable() {
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQuery);
  const now = useNow();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
      setRevoking(null);
    },
  });
  const closeDialog = () => {
    setRevoking(null);
    revoke.reset();
  };

  if (tokens.isError) return <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />;
  if (tokens.isPending) return <Skeleton height={96} radius="md" aria-label="Loading tokens" />;
  if (tokens.data.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <EmptyState
          size="sm"
          icon={<IconKey aria-hidden />}
          title="No tokens yet"
          description="Create one above for the command-line client, a script or an integration."
        />
      </Paper>
    );
  }

  return (
    <>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Your API tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <TokenRow key={token.id} token={token} now={now} onRevoke={() => setRevoking(token)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={closeDialog}
      >
        Anything using “{revoking?.name}” will lose access at once. This cannot be undone.
        {revoke.isError && (
          <Text component="span" display="block" c="red" size="sm" mt="sm" role="alert">
            {errorMessage(revoke.error)}
          </Text>
        )}
      </ConfirmDialog>
    </>
  );
}
