import { Badge, Tooltip } from "@mantine/core";
import { IconAlertCircle, IconCalendarDue, IconClock } from "@tabler/icons-react";
import type { Task } from "../../contract";
import { dueInViewerZone, dueStatus, formatInZone, formatLocalDate } from "./due";
import { formatRelative } from "./format";

interface DueBadgeProps {
  task: Pick<Task, "due" | "dueAt" | "state">;
  ownerZone: string;
  viewerZone: string;
  now: number;
}

/** The full story of a due: the owner's day, and the moment it falls due on the viewer's clock. */
export function dueDescription({ task, ownerZone, viewerZone }: Omit<DueBadgeProps, "now">): string | null {
  const { due } = task;
  if (!due) return null;
  if ("at" in due) return `Due ${formatInZone(due.at, viewerZone)} (${viewerZone})`;
  const mine = dueInViewerZone(due.date, ownerZone, viewerZone);
  const owners = `Due by the end of ${formatLocalDate(due.date)} (${ownerZone})`;
  return mine ? `${owners}, which is ${mine} your time` : owners;
}

const LOOKS = {
  overdue: { color: "red", fw: 600, icon: <IconAlertCircle size={12} aria-hidden /> },
  soon: { color: "orange", fw: 600, icon: <IconClock size={12} aria-hidden /> },
  later: { color: "gray", fw: 500, icon: <IconCalendarDue size={12} aria-hidden /> },
} as const;

/** A task's due date, marked red once overdue and orange when it falls due within a day. */
export function DueBadge({ task, ownerZone, viewerZone, now }: DueBadgeProps) {
  const status = dueStatus(task, now) ?? "later";
  const { due, dueAt } = task;
  if (!due || !dueAt) return null;
  const day = "date" in due ? formatLocalDate(due.date, now) : formatInZone(due.at, viewerZone);
  const look = LOOKS[status];
  const label =
    status === "overdue"
      ? `Overdue · ${day}`
      : status === "soon"
        ? `Due ${formatRelative(dueAt, now)}`
        : `Due ${day}`;
  return (
    <Tooltip label={dueDescription({ task, ownerZone, viewerZone })} withArrow multiline maw={320}>
      <Badge color={look.color} variant="light" radius="sm" tt="none" fw={look.fw} leftSection={look.icon}>
        {label}
      </Badge>
    </Tooltip>
  );
}
