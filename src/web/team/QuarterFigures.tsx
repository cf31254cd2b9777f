import { Group, Paper, Skeleton, Text, Tooltip } from "@mantine/core";
import type { TeamRecordEntry } from "../../contract";
import { formatPeriod } from "../record/wording";
import { quarterFigures } from "./quarterFigures";

interface QuarterFiguresProps {
  name: string;
  /** Their quarter so far; undefined while it loads or when it could not be read. */
  entry: TeamRecordEntry | undefined;
  pending: boolean;
}

function Cell({ children }: { children: string }) {
  return (
    <Paper withBorder radius="md" px={8} py={2} bg="var(--mantine-color-body)">
      <Text size="xs" style={{ whiteSpace: "nowrap" }}>
        {children}
      </Text>
    </Paper>
  );
}

/** What a report completed this quarter, and how much of it on time, in their own calendar. */
export function QuarterFigures({ name, entry, pending }: QuarterFiguresProps) {
  if (pending)
    return <Skeleton height={22} width={240} radius="md" aria-label={`Loading ${name}'s quarter`} />;
  if (!entry) return null;
  const figures = quarterFigures(entry.summary);
  return (
    <Tooltip label={`${formatPeriod(entry)}, in ${name}'s time zone`} withArrow>
      <Group gap={6} role="group" aria-label={`${name}'s quarter`}>
        <Cell>{figures.completed}</Cell>
        <Cell>{figures.onTime}</Cell>
      </Group>
    </Tooltip>
  );
}
