import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Plate, Task, UpdateTask } from "../../contract";
import { queryKeys } from "../api/queryKeys";
import { invalidateTaskViews, plateMutationScope, updateTask } from "../api/tasks";
import { withoutTask } from "./reorder";

export type TaskPatch = Omit<UpdateTask, "version">;

export interface UpdateInput {
  task: Task;
  patch: TaskPatch;
}

/** The open plate as it reads once a change of state lands: finished work leaves it. */
function optimisticPlate(plate: Plate, { task, patch }: UpdateInput): Plate {
  if (patch.state === "done" || patch.state === "dropped") {
    return { ...plate, items: withoutTask(plate.items, task.id) };
  }
  if (patch.state === "in_progress" || patch.state === "open") {
    const state = patch.state;
    return { ...plate, items: plate.items.map((item) => (item.id === task.id ? { ...item, state } : item)) };
  }
  return plate;
}

/** The version of `task` as the open plate now shows it (or as it was read, when the plate does not hold it). */
function shownVersion(plate: Plate | undefined, task: Task): number {
  return plate?.items.find((item) => item.id === task.id)?.version ?? task.version;
}

/**
 * A change to one task (start, complete, drop, reopen), sent with the version it was read at. The
 * open plate shows it at once; a refusal, a stale version included, puts it back and says why.
 */
export function useTaskUpdate(ownerId: string, onFailure: (error: unknown, task: Task) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: plateMutationScope(ownerId),
    // The version is read when the change is sent: a move of this task just before it left a newer one.
    mutationFn: ({ task, patch }: UpdateInput) =>
      updateTask(task.id, {
        version: shownVersion(queryClient.getQueryData<Plate>(queryKeys.plate(ownerId, "open")), task),
        ...patch,
      }),
    onMutate: async (input) => {
      const plateKey = queryKeys.plate(input.task.ownerId, "open");
      await queryClient.cancelQueries({ queryKey: plateKey });
      const previous = queryClient.getQueryData<Plate>(plateKey);
      if (previous) queryClient.setQueryData<Plate>(plateKey, optimisticPlate(previous, input));
      return { previous };
    },
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.task(updated.id), updated),
    onError: (error, { task }, context) => {
      if (context?.previous)
        queryClient.setQueryData(queryKeys.plate(task.ownerId, "open"), context.previous);
      onFailure(error, task);
    },
    onSettled: (_updated, _error, { task }) =>
      invalidateTaskViews(queryClient, { ownerId: task.ownerId, taskId: task.id }),
  });
}
