import { Alert, Badge, Button, FileInput, Group, List, Modal, ScrollArea, Stack, Text } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TasksImport } from "../../contract";
import { errorMessage } from "../api/errors";
import { invalidateTaskViews } from "../api/tasks";
import { type ImportOutcome, importTasksFile } from "../api/tasks-import";
import { formatDue } from "../components/due";
import { FormErrorAlert } from "../components/FormErrorAlert";
import {
  addedLine,
  addLabel,
  moreLine,
  previewHeadline,
  shownOf,
  skippedHeadline,
  sourceLine,
} from "./importPreview";

interface ImportTasksModalProps {
  opened: boolean;
  owner: { id: string; name: string };
  /** "your plate", "Sam's plate". */
  whose: string;
  viewerZone: string;
  onClose: () => void;
  /** Told once the tasks are on the plate, with what to say about it. */
  onImported: (message: string) => void;
}

/**
 * Imports a CSV file onto a plate: the file is read by the server first and nothing is added until
 * the preview (what will be added, what is skipped and why, or which rows are wrong) is confirmed.
 */
export function ImportTasksModal({
  opened,
  owner,
  whose,
  viewerZone,
  onClose,
  onImported,
}: ImportTasksModalProps) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (chosen: File) => importTasksFile(owner.id, chosen, true) });
  const add = useMutation({
    mutationFn: (chosen: File) => importTasksFile(owner.id, chosen, false),
    onSuccess: async (outcome) => {
      if (outcome.kind !== "read") return;
      await invalidateTaskViews(queryClient, { ownerId: owner.id });
      onImported(addedLine(outcome.result.added.length, whose));
      close();
    },
  });
  const close = () => {
    setFile(null);
    preview.reset();
    add.reset();
    onClose();
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    add.reset();
    if (chosen) preview.mutate(chosen);
    else preview.reset();
  };
  // The import answers as the preview did, unless the file or the plate changed in between.
  const outcome: ImportOutcome | undefined = add.data?.kind === "refused" ? add.data : preview.data;
  const read = outcome?.kind === "read" ? outcome.result : null;

  return (
    <Modal opened={opened} onClose={close} title={`Import tasks onto ${whose}`} size="lg">
      <Stack gap="md">
        <Text size="sm">
          Choose a CSV file exported from Asana, Todoist, Trello, Jira, Linear or Docket, or any CSV with a
          Title column. You will see what it holds before anything is added.
        </Text>
        <FileInput
          label="CSV file"
          placeholder="Choose a file"
          accept=".csv,text/csv"
          value={file}
          onChange={choose}
          clearable
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        />
        {preview.isPending && (
          <Text size="sm" c="dimmed" role="status">
            Reading the file…
          </Text>
        )}
        <FormErrorAlert message={preview.error ? errorMessage(preview.error) : null} />
        {outcome?.kind === "refused" && <RefusedFile detail={outcome.detail} errors={outcome.errors} />}
        {read && <Preview result={read} whose={whose} viewerZone={viewerZone} />}
        <FormErrorAlert message={add.error ? errorMessage(add.error) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!file || !read || read.added.length === 0 || add.data?.kind === "refused"}
            loading={add.isPending}
            onClick={() => file && add.mutate(file)}
          >
            {read ? addLabel(read.added.length) : "Add tasks"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RefusedFile({ detail, errors }: { detail: string; errors: { row: number; message: string }[] }) {
  return (
    <Alert color="red" role="alert" title="This file cannot be imported">
      <Text size="sm">{detail}</Text>
      {errors.length > 0 && (
        <ScrollArea.Autosize mah={240} mt="xs">
          <List size="sm" aria-label="Rows that cannot be imported">
            {errors.map((error) => (
              <List.Item key={error.row}>
                Row {error.row}: {error.message}
              </List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      )}
    </Alert>
  );
}

function Preview({ result, whose, viewerZone }: { result: TasksImport; whose: string; viewerZone: string }) {
  const added = shownOf(result.added);
  const skipped = shownOf(result.skipped);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {sourceLine(result.source)}
      </Text>
      <Text size="sm" fw={500}>
        {previewHeadline(result, whose)}
      </Text>
      {added.shown.length > 0 && (
        <ScrollArea.Autosize mah={280}>
          <List size="sm" type="ordered" aria-label="Tasks to add">
            {added.shown.map((task) => (
              <List.Item key={task.row}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">{task.title}</Text>
                  {task.due && (
                    <Badge variant="light" color="gray" size="sm">
                      due {formatDue(task.due, viewerZone)}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    row {task.row}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
          {added.more > 0 && (
            <Text size="xs" c="dimmed">
              {moreLine(added.more, "task")}
            </Text>
          )}
        </ScrollArea.Autosize>
      )}
      {result.skipped.length > 0 && (
        <>
          <Text size="sm" fw={500}>
            {skippedHeadline(result.skipped.length)}
          </Text>
          <ScrollArea.Autosize mah={160}>
            <List size="sm" aria-label="Rows to skip">
              {skipped.shown.map((row) => (
                <List.Item key={row.row}>
                  Row {row.row}: {row.reason}
                </List.Item>
              ))}
            </List>
            {skipped.more > 0 && (
              <Text size="xs" c="dimmed">
                {moreLine(skipped.more, "row")}
              </Text>
            )}
          </ScrollArea.Autosize>
        </>
      )}
    </Stack>
  );
}
