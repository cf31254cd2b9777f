import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Meeting, TalkingPoint } from "../../contract";
import { errorMessage } from "../api/errors";
import {
  addTalkingPoint,
  deleteTalkingPoint,
  invalidateMeetingViews,
  updateTalkingPoint,
} from "../api/one-on-ones";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { textProblem } from "../components/textLimits";
import { type TalkingPointActions, TalkingPointRow } from "./TalkingPointRow";
import { moveButtonToFocus, stepPlacement, stepped } from "./talkingPoints";

interface PendingChange {
  key: number;
  apply: (points: TalkingPoint[]) => TalkingPoint[];
}

/** The `data-point-move` of the move button an event happened on ("<point id>:up"), if any. */
function moveButtonOf(target: EventTarget | null): string | null {
  return target instanceof Element
    ? (target.closest("[data-point-move]")?.getAttribute("data-point-move") ?? null)
    : null;
}

function moveButton(name: string): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>(`[data-point-move="${name}"]`);
}

interface TalkingPointsProps {
  meeting: Meeting;
  meId: string;
  nameOf: (personId: string) => string;
  /** "Carried from Mar 3" for the meeting a point came from. */
  carriedLabel: (meetingId: string) => string;
}

function AddTalkingPoint({ meetingId, onAdded }: { meetingId: string; onAdded: () => Promise<void> }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const problem = textProblem("talkingPoint", text, "Write the point first");
    if (problem) return setError(problem);
    setError(null);
    setSaving(true);
    try {
      await addTalkingPoint(meetingId, text.trim());
      setText("");
      await onAdded();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <LimitedTextarea
          kind="talkingPoint"
          label="Add a talking point"
          placeholder="What do you want to talk about?"
          autosize
          minRows={1}
          maxRows={6}
          flex={1}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              void submit();
            }
          }}
          error={error}
        />
        <Button type="submit" loading={saving} leftSection={<IconPlus size={16} aria-hidden />}>
          Add point
        </Button>
      </Group>
    </form>
  );
}

/**
 * The pair's talking points in the order they gave them: added, reordered from the keyboard or the
 * pointer, ticked, reworded and deleted by their author while the meeting is to come; read only after.
 */
export function TalkingPoints({ meeting, meId, nameOf, carriedLabel }: TalkingPointsProps) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const refocus = useRef<{ id: string; step: -1 | 1; from: number } | null>(null);
  // The move button the focus is on, until the person puts it elsewhere: a render that moves its row
  // (a re-read showing the points in another order for a moment) drops the focus, and it comes back.
  const held = useRef<string | null>(null);
  // Changes on their way, shown at once over the points as last read, until the points are read again.
  const [pending, setPending] = useState<PendingChange[]>([]);
  const nextKey = useRef(0);
  const editable = meeting.state === "upcoming";
  const points = pending.reduce((shown, one) => one.apply(shown), meeting.talkingPoints);

  useEffect(() => {
    const focused = (event: FocusEvent) => {
      held.current = moveButtonOf(event.target);
    };
    const pressed = (event: PointerEvent) => {
      if (moveButtonOf(event.target) === null) held.current = null;
    };
    document.addEventListener("focusin", focused);
    document.addEventListener("pointerdown", pressed);
    return () => {
      document.removeEventListener("focusin", focused);
      document.removeEventListener("pointerdown", pressed);
    };
  }, []);

  // A moved point's button keeps the focus, or its other button once it reached an end; and whatever
  // order the points are read in meanwhile, a move button that lost the focus to the page gets it back.
  useLayoutEffect(() => {
    const target = refocus.current;
    if (target && points.findIndex((point) => point.id === target.id) !== target.from) {
      refocus.current = null;
      const direction = moveButtonToFocus(points, target.id, target.step);
      if (direction) {
        held.current = `${target.id}:${direction}`;
        moveButton(held.current)?.focus();
      }
    }
    if (!held.current) return;
    const button = moveButton(held.current);
    if (!button) held.current = null;
    else if (document.activeElement === null || document.activeElement === document.body) button.focus();
  });

  const refresh = () => invalidateMeetingViews(queryClient, meeting.id);
  const change = async (apply: PendingChange["apply"], send: () => Promise<unknown>): Promise<void> => {
    const key = nextKey.current++;
    setError(null);
    setPending((list) => [...list, { key, apply }]);
    try {
      await send();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      await refresh();
      setPending((list) => list.filter((one) => one.key !== key));
    }
  };

  const actions: TalkingPointActions = {
    move: (point, step) => {
      const placement = stepPlacement(points, point.id, step);
      if (!placement) return;
      const target = { id: point.id, step, from: points.findIndex((one) => one.id === point.id) };
      refocus.current = target;
      void change(
        (current) => stepped(current, point.id, step),
        () => updateTalkingPoint(point.id, { placement }),
      ).then(() => {
        // A refused move leaves the point where it was: no later change should take the focus there.
        if (refocus.current === target) refocus.current = null;
      });
    },
    tick: (point, discussed) =>
      void change(
        (current) => current.map((one) => (one.id === point.id ? { ...one, discussed } : one)),
        () => updateTalkingPoint(point.id, { discussed }),
      ),
    reword: async (point, text) => {
      await updateTalkingPoint(point.id, { text });
      await refresh();
    },
    remove: (point) =>
      void change(
        (current) => current.filter((one) => one.id !== point.id),
        () => deleteTalkingPoint(point.id),
      ),
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="talking-points">
      <Title order={2} fz="md" id="talking-points">
        Talking points
      </Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          {points.length === 0 ? (
            <Text size="sm" c="dimmed">
              {editable
                ? "No talking points yet. Add what you want to talk about; the other person sees it at once."
                : "No talking points."}
            </Text>
          ) : (
            <Stack
              component="ol"
              gap={0}
              aria-label="Talking points"
              style={{ listStyle: "none", padding: 0, margin: 0 }}
            >
              {points.map((point, index) => (
                <TalkingPointRow
                  key={point.id}
                  point={point}
                  authorName={nameOf(point.authorId)}
                  isMine={point.authorId === meId}
                  carried={point.carriedFrom ? carriedLabel(point.carriedFrom) : null}
                  editable={editable}
                  first={index === 0}
                  last={index === points.length - 1}
                  actions={actions}
                />
              ))}
            </Stack>
          )}
          <FormErrorAlert message={error} />
          {editable && <AddTalkingPoint meetingId={meeting.id} onAdded={refresh} />}
        </Stack>
      </Paper>
    </Stack>
  );
}
