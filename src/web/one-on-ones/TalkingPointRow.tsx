import { ActionIcon, Badge, Button, Checkbox, Group, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconCheck, IconPencil, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import type { TalkingPoint } from "../../contract";
import { errorMessage } from "../api/errors";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { PersonAvatar } from "../components/PersonAvatar";
import { textProblem } from "../components/textLimits";
import { carriedOftenLabel } from "./talkingPoints";

export interface TalkingPointActions {
  move: (point: TalkingPoint, step: -1 | 1) => void;
  tick: (point: TalkingPoint, discussed: boolean) => void;
  reword: (point: TalkingPoint, text: string) => Promise<void>;
  remove: (point: TalkingPoint) => void;
}

interface TalkingPointRowProps {
  point: TalkingPoint;
  authorName: string;
  isMine: boolean;
  /** "Carried from Mar 3", when it came from an earlier meeting. */
  carried: string | null;
  /** Whether the meeting is still to be held: a finished meeting's points are read only. */
  editable: boolean;
  first: boolean;
  last: boolean;
  actions: TalkingPointActions;
}

/** The same text as the row shows it, short enough for a button's name. */
function shortText(text: string): string {
  const line = text.split("\n")[0] ?? text;
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

function RewordForm({
  point,
  onSave,
  onCancel,
}: {
  point: TalkingPoint;
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(point.text);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const problem = textProblem("talkingPoint", text, "A talking point needs some text");
    if (problem) return setError(problem);
    setSaving(true);
    try {
      await onSave(text.trim());
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <Stack gap="xs">
        <LimitedTextarea
          kind="talkingPoint"
          label="Reword the point"
          autosize
          minRows={1}
          maxRows={8}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={error}
          data-autofocus
          autoFocus
        />
        <Group gap="xs">
          <Button size="xs" type="submit" loading={saving}>
            Save
          </Button>
          <Button size="xs" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One talking point: ticked when discussed, who raised it, whether it was carried, and its controls. */
export function TalkingPointRow({
  point,
  authorName,
  isMine,
  carried,
  editable,
  first,
  last,
  actions,
}: TalkingPointRowProps) {
  const [editing, setEditing] = useState(false);
  const name = shortText(point.text);
  const often = carriedOftenLabel(point.timesCarried);
  return (
    <Group component="li" wrap="nowrap" align="flex-start" gap="sm" py={6} aria-label={name}>
      {editable ? (
        <Checkbox
          mt={2}
          checked={point.discussed}
          onChange={(event) => actions.tick(point, event.currentTarget.checked)}
          aria-label={`Discussed: ${name}`}
        />
      ) : (
        <ThemeIcon
          size={20}
          radius="sm"
          variant={point.discussed ? "light" : "default"}
          color={point.discussed ? "teal" : "gray"}
          aria-label={point.discussed ? "Discussed" : "Not discussed"}
          role="img"
        >
          {point.discussed ? <IconCheck size={14} aria-hidden /> : null}
        </ThemeIcon>
      )}
      <Stack gap={4} flex={1} miw={0}>
        {editing ? (
          <RewordForm
            point={point}
            onSave={async (text) => {
              await actions.reword(point, text);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Text
            size="sm"
            c={point.discussed ? "dimmed" : undefined}
            style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
          >
            {point.text}
          </Text>
        )}
        <Group gap={6}>
          <PersonAvatar name={authorName} size={18} />
          <Text size="xs" c="dimmed">
            {authorName}
          </Text>
          {carried && (
            <Text size="xs" c="dimmed">
              · {carried}
            </Text>
          )}
          {often && (
            <Badge color="orange" variant="filled" radius="sm" size="sm" tt="none">
              {often}
            </Badge>
          )}
          {point.discussed && (
            <Badge color="teal" variant="light" radius="sm" size="sm" tt="none">
              Discussed
            </Badge>
          )}
        </Group>
      </Stack>
      {editable && !editing && (
        // At an end a move button looks and reads disabled yet stays focusable: a focused button that
        // turned `disabled` would drop the keyboard's focus to the page.
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Move up">
            <ActionIcon
              variant="subtle"
              color="gray"
              data-disabled={first}
              aria-disabled={first}
              onClick={() => {
                if (!first) actions.move(point, -1);
              }}
              aria-label={`Move “${name}” up`}
              data-point-move={`${point.id}:up`}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down">
            <ActionIcon
              variant="subtle"
              color="gray"
              data-disabled={last}
              aria-disabled={last}
              onClick={() => {
                if (!last) actions.move(point, 1);
              }}
              aria-label={`Move “${name}” down`}
              data-point-move={`${point.id}:down`}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          {isMine && (
            <>
              <Tooltip label="Reword">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => setEditing(true)}
                  aria-label={`Reword “${name}”`}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Delete">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => actions.remove(point)}
                  aria-label={`Delete “${name}”`}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
      )}
    </Group>
  );
}
