import { Alert, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Task } from "../../contract";
import { ApiError } from "../api/errors";
import { queryKeys } from "../api/queryKeys";
import { acceptTask, invalidateTaskViews, plateQuery } from "../api/tasks";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { QueryError } from "../components/QueryError";
import { PlacementSelect } from "../plate/PlacementSelect";
import {
  insertionIndex,
  type PlacementChoice,
  pushedDownSummary,
  toPlacement,
  validChoice,
} from "../plate/placement";
import { PlacementPreview } from "./PlacementPreview";

interface AcceptTaskFormProps {
  task: Task;
  onDone: () => void;
  onCancel: () => void;
}

/** Takes asked-for work onto the plate at a chosen place, with the plate it joins in view. */
export function AcceptTaskForm({ task: initial, onDone, onCancel }: AcceptTaskFormProps) {
  const queryClient = useQueryClient();
  const plate = useQuery(plateQuery(initial.ownerId, "open"));
  const [task, setTask] = useState(initial);
  const [choice, setChoice] = useState<PlacementChoice>("bottom");
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [placementError, setPlacementError] = useState<string | null>(null);
  const [overtaken, setOvertaken] = useState(false);

  if (plate.isError) return <QueryError error={plate.error} onRetry={() => void plate.refetch()} />;
  if (plate.isPending) return <Skeleton height={160} radius="md" aria-label="Loading the plate" />;
  const items = plate.data.items;
  const index = insertionIndex(choice, items);

  const accept = async () => {
    setPending(true);
    setFormError(null);
    setPlacementError(null);
    setOvertaken(false);
    try {
      const accepted = await acceptTask(task.id, {
        placement: toPlacement(validChoice(choice, items)),
        version: task.version,
      });
      queryClient.setQueryData(queryKeys.task(accepted.id), accepted);
      await invalidateTaskViews(queryClient, { ownerId: accepted.ownerId, taskId: accepted.id });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.current) {
        setTask(error.current as Task);
        setOvertaken(true);
      } else {
        const split = splitErrors(error, (path) => (path === "placement" ? path : null));
        setPlacementError(split.fields.placement ?? null);
        setFormError(split.form);
      }
      void invalidateTaskViews(queryClient, { ownerId: task.ownerId, taskId: task.id });
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="sm">
      {overtaken && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          Someone changed this request a moment ago. Check it still reads right, then accept again.
        </Alert>
      )}
      <PlacementSelect plate={items} value={choice} onChange={setChoice} error={placementError} />
      {items.length > 0 && (
        <>
          <Text size="xs" c="dimmed" aria-live="polite">
            Goes in at #{index + 1}. {pushedDownSummary(index, items)}
          </Text>
          <PlacementPreview plate={items} index={index} title={task.title} />
        </>
      )}
      <FormErrorAlert message={formError} />
      <Group justify="flex-end" gap="sm" mt="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={accept} loading={pending}>
          Accept onto the plate
        </Button>
      </Group>
    </Stack>
  );
}
