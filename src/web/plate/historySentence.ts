import type { Due, HistoryEntry, HistoryValue } from "../../contract";

const isDue = (value: HistoryValue | undefined): value is Due =>
  typeof value === "object" && value !== null && ("date" in value || "at" in value);

const text = (value: HistoryValue | undefined) =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

/**
 * One change of a task as a sentence, "Manny Manager added it at position 2": `actor` is who made
 * it, `formatDue` reads a due date the way the rest of the page does.
 */
export function historySentence(entry: HistoryEntry, actor: string, formatDue: (due: Due) => string): string {
  const { from, to } = entry;
  switch (entry.kind) {
    case "created":
      return to === "triage" ? `${actor} asked for it` : `${actor} added it at position ${text(to)}`;
    case "accepted":
      return `${actor} accepted it at position ${text(to)}`;
    case "declined":
      return `${actor} declined it: ${text(to)}`;
    case "moved":
      return `${actor} moved it from ${text(from)} to ${text(to)}`;
    case "started":
      return `${actor} started it`;
    case "stopped":
      return `${actor} stopped working on it`;
    case "completed":
      return `${actor} completed it`;
    case "dropped":
      return `${actor} dropped it: ${text(to)}`;
    case "reopened":
      return typeof to === "number" ? `${actor} reopened it at position ${to}` : `${actor} reopened it`;
    case "retitled":
      return `${actor} renamed it from “${text(from)}” to “${text(to)}”`;
    case "notes_changed":
      return `${actor} edited the notes`;
    case "due_changed":
      if (isDue(to) && isDue(from))
        return `${actor} moved the due date from ${formatDue(from)} to ${formatDue(to)}`;
      if (isDue(to)) return `${actor} set the due date to ${formatDue(to)}`;
      return isDue(from)
        ? `${actor} removed the due date (was ${formatDue(from)})`
        : `${actor} removed the due date`;
    case "urgency_changed":
      return to === true ? `${actor} marked it urgent` : `${actor} marked it not urgent`;
    case "kept":
      return `${actor} said it is still needed`;
    case "goal_changed":
      if (!to) return `${actor} took it off its goal`;
      return from ? `${actor} moved it to another goal` : `${actor} linked it to a goal`;
  }
}
