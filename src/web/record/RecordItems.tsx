import { Divider, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import type { RecordItem } from "../../contract";
import { groupByMonth, type MonthOfItems, monthLabel } from "./byMonth";
import { RecordItemRow } from "./RecordItemRow";
import { countOf } from "./wording";

interface RecordItemsProps {
  items: readonly RecordItem[];
  personId: string;
  timeZone: string;
  viewerZone: string;
  nameOf: (id: string) => string;
  now: number;
  /** Whether each completed task offers to thank the person for it (not on one's own record). */
  mayThank: boolean;
}

function monthCounts(items: readonly RecordItem[]): string {
  const dropped = items.filter((item) => item.state === "dropped").length;
  const completed = items.length - dropped;
  return dropped === 0 ? `${completed} completed` : `${completed} completed · ${dropped} dropped`;
}

function Month({ month, ...props }: Omit<RecordItemsProps, "items"> & { month: MonthOfItems }) {
  const headingId = useId();
  const label = monthLabel(month.month);
  return (
    <Paper component="section" withBorder radius="md" px="md" py="sm" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs">
        <Title id={headingId} order={3} fz="md">
          {label}
        </Title>
        <Text size="xs" c="dimmed">
          {monthCounts(month.items)}
        </Text>
      </Group>
      <Divider my="xs" />
      <Stack
        component="ul"
        gap={0}
        aria-label={`Finished in ${label}`}
        style={{ listStyle: "none", margin: 0, padding: 0 }}
      >
        {month.items.map((item) => (
          <RecordItemRow
            key={item.taskId}
            item={item}
            timeZone={props.timeZone}
            viewerZone={props.viewerZone}
            requester={item.requesterId === props.personId ? null : props.nameOf(item.requesterId)}
            now={props.now}
            thanksTo={props.mayThank && item.state === "done" ? props.personId : null}
          />
        ))}
      </Stack>
    </Paper>
  );
}

/** Every finished and dropped task of the period, month by month, newest first. */
export function RecordItems({ items, ...props }: RecordItemsProps) {
  const months = groupByMonth(items, props.timeZone);
  return (
    <Stack gap="md">
      <Title order={2} fz="lg">
        Finished and dropped, month by month
      </Title>
      <Text size="sm" c="dimmed">
        {countOf(items.length, "task")}, each judged against the due date in force when it finished.
      </Text>
      {months.map((month) => (
        <Month key={month.month} month={month} {...props} />
      ))}
    </Stack>
  );
}
