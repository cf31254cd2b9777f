import { Alert, Badge, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconInbox, IconListNumbers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { AssigneePreview } from "../../contract";
import { isApiError } from "../api/errors";
import { requestPreviewQuery } from "../api/requests";
import { PersonAvatar } from "../components/PersonAvatar";
import { QueryError } from "../components/QueryError";
import type { AssigneeChoice } from "./assignees";
import { askSentence, landingSentence } from "./progress";
import classes from "./Requests.module.css";

function Figure({ value, label, color }: { value: number; label: string; color?: string }) {
  return (
    <Text size="xs" c={value > 0 ? color : "dimmed"} style={{ whiteSpace: "nowrap" }}>
      <Text span fw={650} inherit>
        {value}
      </Text>{" "}
      {label}
    </Text>
  );
}

function PreviewRow({ preview }: { preview: AssigneePreview }) {
  return (
    <li className={classes.row} aria-label={preview.name}>
      <PersonAvatar name={preview.name} />
      <Stack gap={0} flex={1} miw={0}>
        <Text size="sm" fw={500} truncate>
          {preview.name}
        </Text>
        {preview.load ? (
          <Group gap={10} role="group" aria-label={`${preview.name}'s load`}>
            <Figure value={preview.load.open} label="open" />
            <Figure value={preview.load.dueThisWeek} label="due this week" />
            <Figure value={preview.load.overdue} label="overdue" color="red" />
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            Their plate is for them and their managers to see.
          </Text>
        )}
      </Stack>
      {preview.lands === "plate" ? (
        <Badge
          variant="light"
          color="indigo"
          radius="sm"
          tt="none"
          leftSection={<IconListNumbers size={12} aria-hidden />}
        >
          Bottom of their plate
        </Badge>
      ) : (
        <Badge
          variant="light"
          color="grape"
          radius="sm"
          tt="none"
          leftSection={<IconInbox size={12} aria-hidden />}
        >
          Their triage
        </Badge>
      )}
    </li>
  );
}

/** Before a request is sent: everyone it would reach, their load, and where their task lands. */
export function AssigneePreviewList({
  choice,
  alreadyAsked = [],
}: {
  choice: AssigneeChoice;
  /** People the request went to before: a group that names them again does not ask them twice. */
  alreadyAsked?: readonly string[];
}) {
  const preview = useQuery({
    ...requestPreviewQuery(choice.ids, choice.groups),
    placeholderData: (last) => last,
  });
  if (choice.ids.length === 0 && choice.groups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Choose people or a group to see who this asks, and how much is already on their plates.
      </Text>
    );
  }
  // The server refuses a choice that reaches nobody (empty groups, someone who left): say why, calmly.
  if (isApiError(preview.error, 422)) {
    return (
      <Alert color="yellow" variant="light" role="status">
        {preview.error.detail}
      </Alert>
    );
  }
  if (preview.isError) return <QueryError error={preview.error} onRetry={() => void preview.refetch()} />;
  if (preview.isPending) return <Skeleton height={96} radius="md" aria-label="Loading who this asks" />;
  const items = preview.data.filter((item) => !alreadyAsked.includes(item.personId));
  if (items.length === 0) {
    return (
      <Alert color="yellow" variant="light">
        {alreadyAsked.length > 0
          ? "Everyone you chose was asked already."
          : "Nobody is in the groups you chose yet."}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={600}>
          {askSentence(items.length)}
        </Text>
        <Text size="xs" c="dimmed">
          {landingSentence(items)}
        </Text>
      </div>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <ul className={classes.list} aria-label="Who this asks">
          {items.map((item) => (
            <PreviewRow key={item.personId} preview={item} />
          ))}
        </ul>
      </Paper>
    </Stack>
  );
}
