import { type FocusEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Task } from "../../contract";
import { keptSelection, stepSelection } from "./selection";

/** The task selected on the open plate from the keyboard (j and k), and how its row follows it. */
export interface PlateSelection {
  selectedId: string | null;
  /** Selects a task without moving focus (its row was focused). */
  select: (taskId: string) => void;
  /** Steps the selection down (1) or up (-1) and puts focus on its row, scrolled into view. */
  step: (by: 1 | -1) => void;
  /** Keeps focus on the selected row while the plate reorders under it (a move from the keyboard). */
  holdFocus: () => void;
  /** Puts focus back on the selected row, if any, once what opened over the plate (its drawer) closes. */
  returnFocus: () => void;
  /** The ref of a task's row, so that focus can be put there. */
  rowRef: (taskId: string) => (row: HTMLElement | null) => void;
  /** A row lost focus: unless to another row, its focus is no longer followed. */
  onRowBlur: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * The selection lives with the plate, not in a store: cleared when its task leaves the tasks shown
 * (completed, dropped, moved elsewhere, filtered out), kept wherever the task moves. Rows use a
 * roving tab stop: only the selected row is in the tab order, and focus goes to it when the
 * selection moves by key, so screen readers read the task selected.
 */
export function usePlateSelection(shown: readonly Task[]): PlateSelection {
  const [chosenId, setChosenId] = useState<string | null>(null);
  const ids = useMemo(() => shown.map((task) => task.id), [shown]);
  const selectedId = keptSelection(ids, chosenId);
  if (selectedId !== chosenId) setChosenId(selectedId);

  const rows = useRef(new Map<string, HTMLElement>());
  const rowRefs = useRef(new Map<string, (row: HTMLElement | null) => void>());
  // "now": focus the selected row after this render; "follow": put it back if a reorder loses it.
  const focus = useRef<"now" | "follow" | null>(null);

  const focusRow = useCallback((taskId: string) => {
    const row = rows.current.get(taskId);
    if (!row) return;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }, []);

  useLayoutEffect(() => {
    const row = selectedId === null ? undefined : rows.current.get(selectedId);
    if (!row || selectedId === null || focus.current === null) return;
    const active = document.activeElement;
    if (active !== null && row.contains(active)) {
      focus.current = "follow";
      return;
    }
    const lost = active === null || active === document.body;
    if (focus.current === "now" || lost) {
      focusRow(selectedId);
      focus.current = "follow";
    }
  });

  const step = useCallback(
    (by: 1 | -1) => {
      const next = stepSelection(ids, selectedId, by);
      if (next === null) return;
      if (next === selectedId) {
        focusRow(next);
        focus.current = "follow";
        return;
      }
      focus.current = "now";
      setChosenId(next);
    },
    [ids, selectedId, focusRow],
  );
  const select = useCallback((taskId: string) => setChosenId(taskId), []);
  const holdFocus = useCallback(() => {
    focus.current = "follow";
  }, []);
  const returnFocus = useCallback(() => {
    focus.current = "now";
  }, []);
  const rowRef = useCallback((taskId: string) => {
    let ref = rowRefs.current.get(taskId);
    if (!ref) {
      ref = (row: HTMLElement | null) => {
        if (row) rows.current.set(taskId, row);
        else rows.current.delete(taskId);
      };
      rowRefs.current.set(taskId, ref);
    }
    return ref;
  }, []);
  const onRowBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget;
    if (next instanceof HTMLElement && ![...rows.current.values()].some((row) => row.contains(next))) {
      focus.current = null;
    }
  }, []);

  return useMemo(
    () => ({ selectedId, select, step, holdFocus, returnFocus, rowRef, onRowBlur }),
    [selectedId, select, step, holdFocus, returnFocus, rowRef, onRowBlur],
  );
}
