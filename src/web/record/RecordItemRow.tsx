import { Badge, Group, Stack, Text } from "@mantine/core";
import type { RecordItem } from "../../contract";
import { formatDue, formatLocalDate } from "../components/due";
import { FinishedIcon } from "../components/FinishedIcon";
import { SayThanksButton } from "../feedback/SayThanksButton";
import { finishedDate } from "./byMonth";
import { ItemMark } from "./ItemMark";
import { dropText, slipsText } from "./wording";

interface RecordItemRowProps {
  item: RecordItem;
  /** The person's zone: finished dates are their calendar days. */
  timeZone: string;
  viewerZone: string;
  /** The requester's name, or null when the person put it on their plate themselves. */
  requester: string | null;
  now: number;
  /** Whom "Say thanks" thanks for the task, or null where it is not offered. */
  thanksTo: string | null;
}

/** One finished or dropped task: when it finished, against which due, for whom, and how it went. */
export function RecordItemRow({ item, timeZone, viewerZone, requester, now, thanksTo }: RecordItemRowProps) {
  const done = item.state === "done";
  const slips = slipsText(item.slips);
  const facts = [
    `${done ? "Completed" : "Dropped"} ${formatLocalDate(finishedDate(item, timeZone), now)}`,
    item.due ? `due ${formatDue(item.due, viewerZone)}` : null,
    requester ? `asked by ${requester}` : null,
  ].filter((fact) => fact !== null);
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" py={8}>
      <FinishedIcon state={item.state} />
      <Stack gap={4} flex={1} miw={0}>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={500}>
            {item.title}
          </Text>
          <Group gap={4} wrap="nowrap">
            {slips && (
              <Badge color="yellow" variant="light" radius="sm" tt="none">
                {slips}
              </Badge>
            )}
            <ItemMark item={item} />
          </Group>
        </Group>
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            {facts.join(" · ")}
          </Text>
          {thanksTo && <SayThanksButton task={{ id: item.taskId, title: item.title, ownerId: thanksTo }} />}
        </Group>
        {!done && (
          <Text size="sm" c="dimmed" fs="italic">
            {dropText(item.dropReason)}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
