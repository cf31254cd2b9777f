import { createContext, type ReactNode, type RefObject, useContext } from "react";
import type { Task } from "../../contract";
import type { LeavingTask } from "./leaving";
import type { PlateSelection } from "./usePlateSelection";
import type { TaskPatch } from "./useTaskUpdate";

/** Whose plate is shown, to whom, and what can be done to its tasks. */
export interface PlateView {
  owner: { id: string; name: string; timeZone: string };
  viewer: { id: string; timeZone: string };
  isMine: boolean;
  now: number;
  /** A person's name by id, "Someone" when they are not in the directory. */
  nameOf: (personId: string) => string;
  actions: TaskActions;
  /** Tasks just completed or dropped, shown where they stood while they can be undone. */
  leaving: readonly LeavingTask[];
  /** The goal the plate is filtered by (`?goalId=`): only its tasks show, and new work joins it. */
  goalId: string | null;
  /** The open task selected from the keyboard, and how its row takes focus. */
  selection: PlateSelection;
  /** The add form's title field, where `c` puts the cursor while the form is open. */
  composerTitle: RefObject<HTMLInputElement | null>;
}

export interface TaskActions {
  /** Opens the task's details and history. */
  open: (task: Task) => void;
  edit: (task: Task) => void;
  drop: (task: Task) => void;
  /** Starts, stops, completes (with an undo) or reopens it, with the version it was read at. */
  update: (task: Task, patch: TaskPatch) => void;
  /** Moves it to a 0-based index of the open plate, with an undo. */
  move: (task: Task, toIndex: number) => void;
  accept: (task: Task) => void;
  decline: (task: Task) => void;
}

const PlateViewContext = createContext<PlateView | null>(null);

export function PlateViewProvider({ value, children }: { value: PlateView; children: ReactNode }) {
  return <PlateViewContext value={value}>{children}</PlateViewContext>;
}

export function usePlateView(): PlateView {
  const view = useContext(PlateViewContext);
  if (!view) throw new Error("usePlateView is used outside a plate");
  return view;
}

/** "Rita" of "Rita Report": how a page speaks of someone. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
