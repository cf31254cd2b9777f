import type { Task } from "../../contract";
import type { LeavingTask } from "./leaving";

/** How long the last change to a plate can be undone, and a finished task holds its place. */
export const UNDO_MS = 6_000;

/** `expiresAt` is null while the server has not answered, or while the pointer or focus is on the notice. */
interface Leaving extends LeavingTask {
  expiresAt: number | null;
}

/** The change the plate offers to undo: the last completion, drop or move. */
export type UndoOffer =
  | {
      kind: "finish";
      outcome: "done" | "dropped";
      /** The task as it was on the plate, in its state then. */
      task: Task;
      /** The task as the change left it: the undo is sent with its version. */
      result: Task;
      order: readonly string[];
      expiresAt: number | null;
    }
  | {
      kind: "move";
      /** The task as the move left it. */
      result: Task;
      /** The plate before the first of the moves of this task in a row. */
      order: readonly string[];
      expiresAt: number | null;
    };

export interface UndoState {
  leaving: readonly Leaving[];
  offer: UndoOffer | null;
}

export const NOTHING_TO_UNDO: UndoState = { leaving: [], offer: null };

export type UndoEvent =
  /** A task was sent to be completed or dropped: it holds its place from now on. */
  | { type: "leaving"; leaving: LeavingTask }
  /** The server completed or dropped it. */
  | { type: "finished"; result: Task; now: number }
  /** The server refused: the task is back on the plate as it was. */
  | { type: "refused"; taskId: string }
  | { type: "moved"; result: Task; order: readonly string[]; now: number }
  | { type: "held" }
  | { type: "released"; now: number }
  | { type: "dismissed" }
  /** Undo was asked for: the notice goes, the finished task holds its place until `restored`. */
  | { type: "undoing" }
  | { type: "restored"; taskId: string }
  | { type: "tick"; now: number };

function offeredTaskId(offer: UndoOffer | null): string | null {
  if (!offer) return null;
  return offer.kind === "finish" ? offer.task.id : offer.result.id;
}

function withExpiry(state: UndoState, expiresAt: number | null): UndoState {
  if (!state.offer) return state;
  const id = offeredTaskId(state.offer);
  return {
    offer: { ...state.offer, expiresAt },
    leaving: state.leaving.map((entry) => (entry.task.id === id ? { ...entry, expiresAt } : entry)),
  };
}

function without(state: UndoState, taskId: string | null): readonly Leaving[] {
  return state.leaving.filter((entry) => entry.task.id !== taskId);
}

/** What the plate holds in place and offers to undo, after each thing that happens to it. */
export function undoReducer(state: UndoState, event: UndoEvent): UndoState {
  switch (event.type) {
    case "leaving":
      return {
        ...state,
        leaving: [...without(state, event.leaving.task.id), { ...event.leaving, expiresAt: null }],
      };
    case "finished": {
      const entry = state.leaving.find((candidate) => candidate.task.id === event.result.id);
      if (!entry) return state;
      const expiresAt = event.now + UNDO_MS;
      return {
        leaving: state.leaving.map((candidate) =>
          candidate === entry ? { ...candidate, expiresAt } : candidate,
        ),
        offer: {
          kind: "finish",
          outcome: entry.outcome,
          task: entry.task,
          result: event.result,
          order: entry.order,
          expiresAt,
        },
      };
    }
    case "refused":
      return {
        leaving: without(state, event.taskId),
        offer: offeredTaskId(state.offer) === event.taskId ? null : state.offer,
      };
    case "moved": {
      const previous = state.offer;
      const sameTask = previous?.kind === "move" && previous.result.id === event.result.id;
      return {
        ...state,
        offer: {
          kind: "move",
          result: event.result,
          order: sameTask ? previous.order : event.order,
          expiresAt: event.now + UNDO_MS,
        },
      };
    }
    case "held":
      return withExpiry(state, null);
    case "released":
      return withExpiry(state, event.now + UNDO_MS);
    case "dismissed":
      return { leaving: without(state, offeredTaskId(state.offer)), offer: null };
    case "undoing":
      return { ...withExpiry(state, null), offer: null };
    case "restored":
      return { ...state, leaving: without(state, event.taskId) };
    case "tick": {
      const live = (expiresAt: number | null) => expiresAt === null || expiresAt > event.now;
      const offer = state.offer && live(state.offer.expiresAt) ? state.offer : null;
      const leaving = state.leaving.filter((entry) => live(entry.expiresAt));
      return offer === state.offer && leaving.length === state.leaving.length ? state : { leaving, offer };
    }
  }
}

/** When the next thing runs out, or null when nothing is counting down. */
export function nextExpiry(state: UndoState): number | null {
  const times = [state.offer?.expiresAt ?? null, ...state.leaving.map((entry) => entry.expiresAt)].filter(
    (time): time is number => time !== null,
  );
  return times.length === 0 ? null : Math.min(...times);
}

/** What the notice says about the change it offers to undo. */
export function undoMessage(offer: UndoOffer): string {
  if (offer.kind === "move") {
    const { title, position } = offer.result;
    return position === null ? `Moved “${title}”.` : `Moved “${title}” to #${position}.`;
  }
  return `${offer.outcome === "done" ? "Completed" : "Dropped"} “${offer.task.title}”.`;
}
