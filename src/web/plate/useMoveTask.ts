import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Placement, Plate, Task } from "../../contract";
import { queryKeys } from "../api/queryKeys";
import { invalidateTaskViews, moveMutationKey, moveTask, plateMutationScope } from "../api/tasks";
import { reorderPlate } from "./reorder";

export interface MoveInput {
  task: Task;
  placement: Placement;
  /** The 0-based index the task takes, to show the new order before the server answers. */
  toIndex: number;
  /** Sent when the move must not pass over someone else's change (an undo): 409 if the task changed since. */
  version?: number;
}

/**
 * Reorders a plate: the new order shows at once and goes back if the server refuses it. The plate
 * is read again once the last of several quick moves has landed.
 */
export function useMoveTask(ownerId: string, onFailure: (error: unknown, task: Task) => void) {
  const queryClient = useQueryClient();
  const plateKey = queryKeys.plate(ownerId, "open");
  return useMutation({
    mutationKey: moveMutationKey(ownerId),
    scope: plateMutationScope(ownerId),
    mutationFn: ({ task, placement, version }: MoveInput) => moveTask(task.id, { placement, version }),
    onMutate: async ({ task, toIndex }) => {
      await queryClient.cancelQueries({ queryKey: plateKey });
      const previous = queryClient.getQueryData<Plate>(plateKey);
      if (previous) {
        queryClient.setQueryData<Plate>(plateKey, {
          ...previous,
          items: reorderPlate(previous.items, task.id, toIndex),
        });
      }
      return { previous };
    },
    onSuccess: (moved) => {
      // Keep the order shown, with the version the move left: the next change is sent with it.
      queryClient.setQueryData<Plate>(plateKey, (plate) =>
        plate
          ? {
              ...plate,
              items: plate.items.map((item) =>
                item.id === moved.id ? { ...item, version: moved.version } : item,
              ),
            }
          : plate,
      );
    },
    onError: (error, { task }, context) => {
      if (context?.previous) queryClient.setQueryData(plateKey, context.previous);
      onFailure(error, task);
    },
    onSettled: (_moved, _error, { task }) => {
      if (queryClient.isMutating({ mutationKey: moveMutationKey(ownerId) }) > 1) return;
      return invalidateTaskViews(queryClient, { ownerId, taskId: task.id });
    },
  });
}
