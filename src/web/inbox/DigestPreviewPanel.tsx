import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconMailOff, IconRefresh } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Me } from "../../contract";
import { digestPreviewQuery } from "../api/inbox";
import { MailPreview } from "../components/MailPreview";
import { QueryError } from "../components/QueryError";
import { digestSchedulePhrase } from "../settings/scheduleSummary";

/** What my next digest would say if it were sent now, exactly as it would be e-mailed. */
export function DigestPreviewPanel({ me }: { me: Me }) {
  const preview = useQuery(digestPreviewQuery);
  return (
    <Stack gap="md" maw={760}>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {digestSchedulePhrase(me.digest, me.timeZone)} It gathers what is new and still unread: entries you
          have read here are left out.{" "}
          <Anchor inherit renderRoot={(props) => <Link to="/settings" {...props} />}>
            Change when
          </Anchor>
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={() => void preview.refetch()}
          loading={preview.isFetching}
        >
          Refresh
        </Button>
      </Group>
      {preview.isError ? (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      ) : preview.isPending ? (
        <Skeleton height={320} radius="md" aria-label="Loading the digest preview" />
      ) : !preview.data.wouldSend ? (
        <Alert
          color="gray"
          variant="light"
          icon={<IconMailOff aria-hidden />}
          title="No e-mail would be sent now"
        >
          Nothing is new and unread since your last digest, so at your next digest time Docket stays quiet.
        </Alert>
      ) : (
        <Paper withBorder radius="md" p="md">
          <MailPreview
            label="Your next digest"
            subject={preview.data.subject}
            text={preview.data.text}
            html={preview.data.html}
          />
        </Paper>
      )}
    </Stack>
  );
}
