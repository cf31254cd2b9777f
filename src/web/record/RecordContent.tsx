import { Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { Record as PersonRecord } from "../../contract";
import { RecordEmptyState } from "./RecordEmptyState";
import { RecordItems } from "./RecordItems";
import { SummaryTiles } from "./SummaryTiles";
import { WeeklyFiguresTable } from "./WeeklyFiguresTable";
import { otherFacts } from "./wording";

/** The chart library is the largest part of the page: it loads with the first record shown. */
const WeeklyChart = lazy(() => import("./WeeklyChart").then((module) => ({ default: module.WeeklyChart })));

interface RecordContentProps {
  record: PersonRecord;
  /** Whose record it is, by first name. */
  firstName: string;
  isMine: boolean;
  viewerZone: string;
  nameOf: (id: string) => string;
  now: number;
  /** The previous period's record, shown while the new one loads. */
  stale: boolean;
}

/** A period of the record: its summary, its weeks, and every item month by month. */
export function RecordContent({
  record,
  firstName,
  isMine,
  viewerZone,
  nameOf,
  now,
  stale,
}: RecordContentProps) {
  if (record.items.length === 0) return <RecordEmptyState firstName={firstName} isMine={isMine} />;
  const facts = otherFacts(record.summary);
  return (
    <Stack gap="lg" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1, transition: "opacity 150ms" }}>
      <Stack gap="xs">
        <SummaryTiles summary={record.summary} />
        {facts.length > 0 && (
          <Text size="sm" c="dimmed">
            {facts.join(" ")}
          </Text>
        )}
      </Stack>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="record-weekly-heading">
        <Title id="record-weekly-heading" order={2} fz="lg" mb="sm">
          Completions per week
        </Title>
        <Suspense fallback={<Skeleton height={280} radius="sm" aria-label="Loading the chart" />}>
          <WeeklyChart weeks={record.weeks} />
        </Suspense>
        <WeeklyFiguresTable weeks={record.weeks} />
      </Paper>
      <RecordItems
        items={record.items}
        mayThank={!isMine}
        personId={record.personId}
        timeZone={record.timeZone}
        viewerZone={viewerZone}
        nameOf={nameOf}
        now={now}
      />
    </Stack>
  );
}
