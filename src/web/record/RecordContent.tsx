import { Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { Record as PersonRecord } from "../../contract";
import { RecordEmptyState } from "./RecordEmptyState";
import { RecordFeedback } from "./RecordFeedback";
import { RecordGoals } from "./RecordGoals";
import { RecordItems } from "./RecordItems";
import { SummaryTiles } from "./SummaryTiles";
import { WeeklyFiguresTable } from "./WeeklyFiguresTable";
import { oneOnOnesHeldLine, otherFacts } from "./wording";

/** The chart library is the largest part of the page: it loads with the first record shown. */
const WeeklyChart = lazy(() => import("./WeeklyChart").then((module) => ({ default: module.WeeklyChart })));

interface RecordContentProps {
  record: PersonRecord;
  /** Whose record it is, by first name. */
  firstName: string;
  isMine: boolean;
  meId: string;
  viewerZone: string;
  nameOf: (id: string) => string;
  now: number;
  /** The previous period's record, shown while the new one loads. */
  stale: boolean;
}

/**
 * A period of the record: its summary, its weeks, every item month by month, the person's goals and
 * the feedback they received. A period with nothing finished still shows its one-on-ones, goals and
 * feedback.
 */
export function RecordContent({
  record,
  firstName,
  isMine,
  meId,
  viewerZone,
  nameOf,
  now,
  stale,
}: RecordContentProps) {
  const finished = record.items.length > 0;
  const facts = [oneOnOnesHeldLine(record.oneOnOnesHeld), ...(finished ? otherFacts(record.summary) : [])];
  return (
    <Stack gap="lg" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1, transition: "opacity 150ms" }}>
      <Stack gap="xs">
        {finished ? (
          <SummaryTiles summary={record.summary} />
        ) : (
          <RecordEmptyState firstName={firstName} isMine={isMine} />
        )}
        <Text size="sm" c="dimmed">
          {facts.join(" ")}
        </Text>
      </Stack>
      {finished && (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="record-weekly-heading">
          <Title id="record-weekly-heading" order={2} fz="lg" mb="sm">
            Completions per week
          </Title>
          <Suspense fallback={<Skeleton height={280} radius="sm" aria-label="Loading the chart" />}>
            <WeeklyChart weeks={record.weeks} />
          </Suspense>
          <WeeklyFiguresTable weeks={record.weeks} />
        </Paper>
      )}
      <RecordGoals goals={record.goals} firstName={firstName} isMine={isMine} now={now} />
      <RecordFeedback
        feedback={record.feedback}
        firstName={firstName}
        isMine={isMine}
        meId={meId}
        nameOf={nameOf}
        now={now}
      />
      {finished && (
        <RecordItems
          items={record.items}
          mayThank={!isMine}
          personId={record.personId}
          timeZone={record.timeZone}
          viewerZone={viewerZone}
          nameOf={nameOf}
          now={now}
        />
      )}
    </Stack>
  );
}
