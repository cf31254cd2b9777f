import type { RefObject } from "react";
import type { Task } from "../../contract";
import { usePlateKeys } from "../palette/KeyboardProvider";
import type { TaskActions } from "./PlateView";
import type { PlateSelection } from "./usePlateSelection";

interface PlateShortcuts {
  /** The open tasks shown, top first (only a goal's, when the plate is filtered by one). */
  shown: readonly Task[];
  selection: PlateSelection;
  /** The plate's own actions: the keys complete and move through them, as the row and its menu do. */
  actions: TaskActions;
  adding: boolean;
  startAdding: () => void;
  composerTitle: RefObject<HTMLInputElement | null>;
}

/** What the keyboard shortcuts and the palette's commands do on this plate while it is shown. */
export function usePlateShortcuts({
  shown,
  selection,
  actions,
  adding,
  startAdding,
  composerTitle,
}: PlateShortcuts) {
  const index = shown.findIndex((task) => task.id === selection.selectedId);
  const selected = shown[index] ?? null;
  const moveTo = (toIndex: number) => {
    if (!selected || toIndex === index || toIndex < 0 || toIndex >= shown.length) return;
    selection.holdFocus();
    actions.move(selected, toIndex);
  };
  usePlateKeys({
    add: () => {
      if (adding) composerTitle.current?.focus();
      else startAdding();
    },
    selected: () => selected,
    step: selection.step,
    complete: () => {
      if (selected) actions.update(selected, { state: "done" });
    },
    move: (by) => moveTo(index + by),
    moveTo: (end) => moveTo(end === "top" ? 0 : shown.length - 1),
    open: () => {
      if (selected) actions.open(selected);
    },
  });
}
