import { Anchor, Button, EmptyState, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconLinkOff } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { isApiError } from "../api/errors";
import { invitationPreviewQuery } from "../api/invitations";
import { CenteredLayout } from "../components/CenteredLayout";
import { QueryError } from "../components/QueryError";
import { usePageTitle } from "../components/usePageTitle";
import { AcceptInvitationForm } from "./AcceptInvitationForm";

function InvalidInvitation() {
  return (
    <Paper withBorder shadow="sm" p="xl" radius="lg">
      <EmptyState
        icon={<IconLinkOff aria-hidden />}
        title="This invitation link no longer works"
        description="It may have been used already, revoked, or it expired. Ask the person who invited you for a new link."
      >
        <EmptyState.Actions>
          <Button variant="default" renderRoot={(props) => <Link to="/sign-in" {...props} />}>
            Sign in instead
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}

function LoadingInvitation() {
  return (
    <Paper withBorder shadow="sm" p="xl" radius="lg" aria-label="Loading invitation">
      <Stack>
        <Skeleton height={24} width="80%" />
        <Skeleton height={14} width="60%" />
        <Skeleton height={36} mt="md" />
        <Skeleton height={36} />
      </Stack>
    </Paper>
  );
}

export function AcceptInvitationPage({ token }: { token: string }) {
  const preview = useQuery(invitationPreviewQuery(token));
  usePageTitle(preview.data ? `Join ${preview.data.organizationName}` : "Invitation");
  return (
    <CenteredLayout>
      {preview.isPending ? (
        <LoadingInvitation />
      ) : preview.isError ? (
        isApiError(preview.error, 404) || isApiError(preview.error, 400) ? (
          <InvalidInvitation />
        ) : (
          <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
        )
      ) : (
        <>
          <AcceptInvitationForm token={token} preview={preview.data} />
          <Text ta="center" size="sm" mt="md">
            Already have an account?{" "}
            <Anchor renderRoot={(props) => <Link to="/sign-in" {...props} />}>Sign in</Anchor>
          </Text>
        </>
      )}
    </CenteredLayout>
  );
}
