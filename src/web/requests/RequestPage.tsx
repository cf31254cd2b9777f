import { Alert, Button, EmptyState, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconBan, IconBellRinging, IconFileUnknown, IconUserPlus } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { Me, Nudged, Request } from "../../contract";
import { isApiError } from "../api/errors";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { requestQuery } from "../api/requests";
import { formatDue } from "../components/due";
import { formatDateTime } from "../components/format";
import { NotesMarkdown } from "../components/NotesMarkdown";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { usePageTitle } from "../components/usePageTitle";
import { AddPeopleModal } from "./AddPeopleModal";
import { CancelRequestModal } from "./CancelRequestModal";
import { NudgeModal } from "./NudgeModal";
import { peopleToRemind, remindedSentence, remindLabel } from "./nudge";
import { RequestAssigneeList } from "./RequestAssigneeList";
import { RequestProgressBar } from "./RequestProgressBar";

type Dialog = "cancel" | "add" | "nudge" | null;

function RequestNotFound() {
  usePageTitle("No request by that link");
  return (
    <EmptyState
      mt="xl"
      icon={<IconFileUnknown aria-hidden />}
      title="No request by that link"
      description="It was not sent to you, or the address is mistyped."
    />
  );
}

function byline(request: Request, requester: string, viewerZone: string): string {
  const sent = `Asked by ${requester} on ${formatDateTime(request.createdAt)}`;
  return request.due ? `${sent} · due ${formatDue(request.due, viewerZone)}` : sent;
}

function RequestScreen({ request, me }: { request: Request; me: Me }) {
  const people = useQuery(peopleQuery).data;
  const now = useNow();
  const [dialog, setDialog] = useState<Dialog>(null);
  const names = useMemo(() => new Map((people ?? []).map((person) => [person.id, person.name])), [people]);
  const nameOf = (id: string) => (id === me.id ? `${me.name} (you)` : (names.get(id) ?? "Someone"));
  const isMine = request.requesterId === me.id;
  const canceled = request.canceledAt !== null;
  const requester = isMine ? "you" : (names.get(request.requesterId) ?? "Someone");
  // Only the requester reminds, and only while someone asked has not finished.
  const toRemind = isMine ? peopleToRemind(request) : [];
  const [reminded, setReminded] = useState<string | null>(null);
  const onReminded = ({ nudged }: Nudged) => {
    setDialog(null);
    setReminded(remindedSentence(nudged.map((id) => names.get(id) ?? "Someone")));
  };

  return (
    <>
      <PageHeader
        title={request.title}
        description={byline(request, requester, me.timeZone)}
        actions={
          isMine &&
          !canceled && (
            <Group gap="sm">
              {toRemind.length > 0 && (
                <Button
                  variant="default"
                  leftSection={<IconBellRinging size={16} aria-hidden />}
                  onClick={() => setDialog("nudge")}
                >
                  {remindLabel(toRemind.length)}
                </Button>
              )}
              <Button
                variant="default"
                leftSection={<IconUserPlus size={16} aria-hidden />}
                onClick={() => setDialog("add")}
              >
                Add people
              </Button>
              <Button
                variant="default"
                color="red"
                leftSection={<IconBan size={16} aria-hidden />}
                onClick={() => setDialog("cancel")}
              >
                Cancel request
              </Button>
            </Group>
          )
        }
      />
      <Stack gap="lg" maw={760}>
        {reminded && (
          <Alert
            color="indigo"
            variant="light"
            icon={<IconBellRinging aria-hidden />}
            role="status"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setReminded(null)}
          >
            {reminded}
          </Alert>
        )}
        {canceled && request.canceledAt && (
          <Alert color="gray" variant="light" icon={<IconBan aria-hidden />} title="Canceled" role="status">
            <Stack gap={4}>
              <Text size="sm">
                Canceled {formatDateTime(request.canceledAt)}. Unfinished tasks were dropped; finished ones
                stay done.
              </Text>
              {request.cancelReason && (
                <Text size="sm" fs="italic">
                  “{request.cancelReason}”
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        <Paper withBorder radius="md" p="md">
          <RequestProgressBar progress={request.progress} />
        </Paper>
        {request.notes && (
          <div>
            <Text size="xs" c="dimmed" fw={500} mb={4}>
              Notes
            </Text>
            <Paper bg="var(--docket-color-inset)" p="sm" radius="md">
              <NotesMarkdown>{request.notes}</NotesMarkdown>
            </Paper>
          </div>
        )}
        <Stack gap="xs">
          <Title order={2} fz="md">
            People asked
          </Title>
          <RequestAssigneeList assignees={request.assignees} nameOf={nameOf} now={now} />
        </Stack>
      </Stack>
      {isMine && (
        <>
          <CancelRequestModal
            request={request}
            opened={dialog === "cancel"}
            onClose={() => setDialog(null)}
          />
          <AddPeopleModal
            request={request}
            meId={me.id}
            opened={dialog === "add"}
            onClose={() => setDialog(null)}
          />
          <NudgeModal
            request={request}
            personIds={toRemind}
            nameOf={(id) => names.get(id) ?? "Someone"}
            timeZone={me.timeZone}
            opened={dialog === "nudge"}
            onClose={() => setDialog(null)}
            onReminded={onReminded}
          />
        </>
      )}
    </>
  );
}

/** One request: who was asked, how far it has come, and for the requester, ways to widen or call it off. */
export function RequestPage({ id }: { id: string }) {
  const me = useSuspenseQuery(meQuery).data;
  const request = useQuery(requestQuery(id));
  if (request.isError) {
    if (isApiError(request.error, 404)) return <RequestNotFound />;
    return <QueryError error={request.error} onRetry={() => void request.refetch()} />;
  }
  if (request.isPending) {
    return (
      <Stack gap="sm" aria-label="Loading the request">
        <Skeleton height={32} width={280} radius="md" />
        <Skeleton height={72} radius="md" maw={760} />
        <Skeleton height={200} radius="md" maw={760} />
      </Stack>
    );
  }
  return <RequestScreen request={request.data} me={me} />;
}
