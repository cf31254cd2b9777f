import { Button, Group, Paper, Skeleton, Stack, Text, Textarea, ThemeIcon, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../api/errors";
import { privateNoteQuery, putPrivateNote } from "../api/one-on-ones";
import { queryKeys } from "../api/queryKeys";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { formatDateTime } from "../components/format";
import { QueryError } from "../components/QueryError";

function PrivateNoteEditor({
  meetingId,
  saved,
}: {
  meetingId: string;
  saved: { text: string; updatedAt: string } | null;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(saved?.text ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = draft !== (saved?.text ?? "");

  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      const note = await putPrivateNote(meetingId, draft);
      queryClient.setQueryData(queryKeys.privateNote(meetingId), note);
      setDraft(note.text);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <Textarea
        aria-label="Private note"
        placeholder="What you want to remember for yourself: the other person never sees this."
        autosize
        minRows={3}
        maxRows={14}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      <FormErrorAlert message={error} />
      <Group justify="space-between" gap="sm">
        <Text size="xs" c="dimmed">
          {saved ? `Saved ${formatDateTime(saved.updatedAt)}` : "Not written yet."}
        </Text>
        <Button variant="light" color="grape" onClick={() => void save()} loading={saving} disabled={!dirty}>
          Save private note
        </Button>
      </Group>
    </Stack>
  );
}

/** My own note on the meeting, marked plainly as mine alone: nobody else can read it, in any way. */
export function PrivateNotePanel({ meetingId }: { meetingId: string }) {
  const note = useQuery(privateNoteQuery(meetingId));
  return (
    <Paper
      component="section"
      aria-labelledby="private-note"
      radius="md"
      p="md"
      bg="var(--docket-color-private)"
      style={{ border: "1px dashed var(--mantine-color-grape-4)" }}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="grape" variant="light" radius="xl" aria-hidden>
            <IconLock size={16} />
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={2} fz="md" id="private-note">
              Private note
            </Title>
            <Text size="sm" fw={600} c="var(--mantine-color-grape-light-color)">
              Only you can read this
            </Text>
          </Stack>
        </Group>
        {note.isError ? (
          <QueryError error={note.error} onRetry={() => void note.refetch()} />
        ) : note.isPending ? (
          <Skeleton height={80} radius="md" />
        ) : (
          <PrivateNoteEditor meetingId={meetingId} saved={note.data} />
        )}
      </Stack>
    </Paper>
  );
}
