import { Skeleton, Stack, Text, Timeline } from "@mantine/core";
import {
  IconArrowsSort,
  IconCalendarDue,
  IconCircleCheck,
  IconCircleX,
  IconFlame,
  IconPencil,
  IconPlayerPlay,
  IconPlus,
  IconRotate,
  IconTarget,
} from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { HistoryKind } from "../../contract";
import { taskHistoryQuery } from "../api/tasks";
import { formatDue } from "../components/due";
import { formatDateTime, formatRelative } from "../components/format";
import { QueryError } from "../components/QueryError";
import { ShowMoreButton } from "../components/ShowMoreButton";
import { historySentence } from "./historySentence";
import { usePlateView } from "./PlateView";

const ICON_SIZE = 12;

const ICONS: Record<HistoryKind, ReactNode> = {
  created: <IconPlus size={ICON_SIZE} />,
  accepted: <IconPlus size={ICON_SIZE} />,
  declined: <IconCircleX size={ICON_SIZE} />,
  moved: <IconArrowsSort size={ICON_SIZE} />,
  started: <IconPlayerPlay size={ICON_SIZE} />,
  stopped: <IconPlayerPlay size={ICON_SIZE} />,
  completed: <IconCircleCheck size={ICON_SIZE} />,
  dropped: <IconCircleX size={ICON_SIZE} />,
  reopened: <IconRotate size={ICON_SIZE} />,
  retitled: <IconPencil size={ICON_SIZE} />,
  notes_changed: <IconPencil size={ICON_SIZE} />,
  due_changed: <IconCalendarDue size={ICON_SIZE} />,
  urgency_changed: <IconFlame size={ICON_SIZE} />,
  kept: <IconCircleCheck size={ICON_SIZE} />,
  goal_changed: <IconTarget size={ICON_SIZE} />,
};

/** Every change of a task, oldest first, as sentences naming who made it and when; a long one a page at a time. */
export function TaskHistory({ taskId }: { taskId: string }) {
  const { nameOf, viewer, now } = usePlateView();
  const history = useInfiniteQuery(taskHistoryQuery(taskId));
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.isPending) return <Skeleton height={80} radius="md" aria-label="Loading history" />;
  const entries = history.data.pages.flatMap((page) => page.items);
  return (
    <Stack gap="sm">
      <Timeline bulletSize={22} lineWidth={2} active={entries.length - 1} color="indigo" aria-label="History">
        {entries.map((entry, index) => (
          <Timeline.Item
            // History entries have no id: their order never changes.
            // biome-ignore lint/suspicious/noArrayIndexKey: an append-only list
            key={index}
            bullet={ICONS[entry.kind]}
            title={
              <Text size="sm" fw={500}>
                {historySentence(entry, nameOf(entry.actorId), (due) => formatDue(due, viewer.timeZone))}
              </Text>
            }
          >
            <Text size="xs" c="dimmed" title={formatDateTime(entry.at)}>
              {formatDateTime(entry.at)} · {formatRelative(entry.at, now)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      <ShowMoreButton list={history} label="Show later changes" />
    </Stack>
  );
}
