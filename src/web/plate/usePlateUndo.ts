import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from "react";
import type { Placement, Plate, Task } from "../../contract";
import { queryKeys } from "../api/queryKeys";
import { indexOfPlacement, type LeavingTask, placeAmong, withLeaving } from "./leaving";
import { NOTHING_TO_UNDO, nextExpiry, undoReducer } from "./undoState";
import type { MoveInput } from "./useMoveTask";
import type { UpdateInput } from "./useTaskUpdate";

interface PlateWrites {
  /** The plate's task update (useTaskUpdate): it shows the change at once and reports refusals. */
  update: (input: UpdateInput) => Promise<Task>;
  /** The plate's move (useMoveTask). */
  move: (input: MoveInput) => Promise<Task>;
}

const ignoreRefusal = () => {};

/**
 * Completing, dropping and moving with an undo: a finished task holds its place while it can be
 * undone, and the last change is offered back for a few seconds. Undo is sent with the version the
 * change left, and puts the task back next to the tasks it stood between (those still there).
 * Refusals are told by the plate's writes themselves.
 */
export function usePlateUndo(ownerId: string, writes: PlateWrites) {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(undoReducer, NOTHING_TO_UNDO);
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  }, [state]);
  // Tasks whose completion is on its way: a second click (a double click) does nothing.
  const sending = useRef(new Set<string>());

  useEffect(() => {
    const at = nextExpiry(state);
    if (at === null) return;
    const timer = setTimeout(() => dispatch({ type: "tick", now: Date.now() }), Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  }, [state]);

  const openIds = useCallback(
    () =>
      (queryClient.getQueryData<Plate>(queryKeys.plate(ownerId, "open"))?.items ?? []).map((task) => task.id),
    [queryClient, ownerId],
  );
  /** The plate as shown, leaving tasks in their places, top first. */
  const shownOrder = useCallback(() => {
    const items = queryClient.getQueryData<Plate>(queryKeys.plate(ownerId, "open"))?.items ?? [];
    return withLeaving(items, latest.current.leaving).map((row) =>
      row.kind === "open" ? row.task.id : row.leaving.task.id,
    );
  }, [queryClient, ownerId]);

  const { update, move } = writes;

  const complete = useCallback(
    (task: Task) => {
      if (sending.current.has(task.id)) return;
      sending.current.add(task.id);
      const leaving: LeavingTask = { task, outcome: "done", order: shownOrder() };
      dispatch({ type: "leaving", leaving });
      update({ task, patch: { state: "done" } })
        .then(
          (result) => dispatch({ type: "finished", result, now: Date.now() }),
          () => dispatch({ type: "refused", taskId: task.id }),
        )
        .finally(() => sending.current.delete(task.id));
    },
    [update, shownOrder],
  );

  /** A drop the server has made (the plate still shows the task): it holds its place like a completion. */
  const dropped = useCallback(
    (task: Task, result: Task) => {
      dispatch({ type: "leaving", leaving: { task, outcome: "dropped", order: shownOrder() } });
      dispatch({ type: "finished", result, now: Date.now() });
    },
    [shownOrder],
  );

  const moveTo = useCallback(
    (task: Task, placement: Placement, toIndex: number) => {
      const order = openIds();
      move({ task, placement, toIndex }).then(
        (result) => dispatch({ type: "moved", result, order, now: Date.now() }),
        ignoreRefusal,
      );
    },
    [move, openIds],
  );

  const undo = useCallback(() => {
    const offer = latest.current.offer;
    if (!offer) return;
    dispatch({ type: "undoing" });
    if (offer.kind === "finish") {
      const placement = placeAmong(offer.order, offer.task.id, openIds());
      const state = offer.task.state === "in_progress" ? "in_progress" : "open";
      update({ task: offer.result, patch: { state, placement } })
        .catch(ignoreRefusal)
        .finally(() => dispatch({ type: "restored", taskId: offer.task.id }));
      return;
    }
    const others = openIds().filter((id) => id !== offer.result.id);
    const placement = placeAmong(offer.order, offer.result.id, others);
    move({
      task: offer.result,
      placement,
      toIndex: indexOfPlacement(placement, others),
      version: offer.result.version,
    }).catch(ignoreRefusal);
  }, [update, move, openIds]);

  const notice = useMemo(
    () => ({
      offer: state.offer,
      onUndo: undo,
      onDismiss: () => dispatch({ type: "dismissed" }),
      onHold: () => dispatch({ type: "held" }),
      onRelease: () => dispatch({ type: "released", now: Date.now() }),
    }),
    [state.offer, undo],
  );

  return { leaving: state.leaving, complete, dropped, moveTo, notice };
}
