import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Meeting } from "../../contract";
import { errorMessage } from "../api/errors";
import { invalidateMeetingViews, updateMeeting } from "../api/one-on-ones";
import { queryKeys } from "../api/queryKeys";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { NotesMarkdown } from "../components/NotesMarkdown";
import { OvertakenAlert, overtakenBy } from "../components/OvertakenAlert";
import { afterStaleSave } from "./sharedNotes";

/** The notes as they were read when editing began, with the meeting's version then. */
interface Base {
  notes: string;
  version: number;
}

/** How often a save goes again when only something other than the notes changed meanwhile. */
const RESENDS = 3;

/**
 * The pair's notes in Markdown, written here and shown safely in the preview. What is being typed
 * stays while the meeting is read again live; a save carries the version it was read at, and when
 * the other person saved first, their notes are shown with an offer to put one's own back.
 */
export function SharedNotes({ meeting }: { meeting: Meeting }) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Base>({ notes: meeting.sharedNotes, version: meeting.version });
  const [draft, setDraft] = useState(meeting.sharedNotes);
  const [mode, setMode] = useState<"write" | "preview">("write");
  const [overtaken, setOvertaken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = draft !== base.notes;

  // Untouched notes follow the meeting as it is read again; notes being written are left alone.
  if (!dirty && !saving && (meeting.sharedNotes !== base.notes || meeting.version !== base.version)) {
    setBase({ notes: meeting.sharedNotes, version: meeting.version });
    setDraft(meeting.sharedNotes);
  }
  const changedMeanwhile = dirty && meeting.sharedNotes !== base.notes;

  const adopt = (saved: Meeting) => {
    queryClient.setQueryData(queryKeys.meeting(saved.id), saved);
    setBase({ notes: saved.sharedNotes, version: saved.version });
  };

  const save = async () => {
    setError(null);
    setSaving(true);
    const text = draft;
    let version = base.version;
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const saved = await updateMeeting(meeting.id, { version, sharedNotes: text });
          adopt(saved);
          setDraft(saved.sharedNotes);
          setOvertaken(null);
          break;
        } catch (failure) {
          const current = overtakenBy<Meeting>(failure);
          if (!current) throw failure;
          if (afterStaleSave(base.notes, current.sharedNotes) === "resend" && attempt < RESENDS) {
            version = current.version;
            continue;
          }
          adopt(current);
          setDraft(current.sharedNotes);
          setOvertaken(text);
          break;
        }
      }
      void invalidateMeetingViews(queryClient, meeting.id);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const restore = () => {
    if (overtaken !== null) setDraft(overtaken);
    setOvertaken(null);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="shared-notes">
      <Group justify="space-between" align="flex-end">
        <Title order={2} fz="md" id="shared-notes">
          Shared notes
        </Title>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(value) => setMode(value === "preview" ? "preview" : "write")}
          data={[
            { value: "write", label: "Write" },
            { value: "preview", label: "Preview" },
          ]}
          aria-label="Shared notes view"
        />
      </Group>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          {overtaken !== null && (
            <OvertakenAlert
              title="Someone else just saved these notes"
              onRestore={restore}
              onKeepTheirs={() => setOvertaken(null)}
            />
          )}
          {mode === "write" ? (
            <Textarea
              aria-label="Shared notes"
              description="Both of you see these notes. Markdown works: **bold**, lists, links."
              placeholder="Decisions, follow-ups, anything you both want to remember"
              autosize
              minRows={4}
              maxRows={20}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
            />
          ) : draft.trim() ? (
            <NotesMarkdown>{draft}</NotesMarkdown>
          ) : (
            <Text size="sm" c="dimmed">
              Nothing written yet.
            </Text>
          )}
          {changedMeanwhile && (
            <Text size="xs" c="dimmed" role="status">
              The notes were changed by the other person while you were writing. Saving shows theirs and lets
              you put yours back.
            </Text>
          )}
          <FormErrorAlert message={error} />
          <Group justify="flex-end" gap="sm">
            {dirty && (
              <Button variant="default" onClick={() => setDraft(base.notes)} disabled={saving}>
                Discard changes
              </Button>
            )}
            <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
              Save notes
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
