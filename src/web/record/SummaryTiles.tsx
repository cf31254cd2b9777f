import { Paper, SimpleGrid, Text } from "@mantine/core";
import { useId } from "react";
import type { RecordSummary } from "../../contract";
import { completedDetail, onTimeDetail, onTimeFigure } from "./wording";

function Tile({ label, figure, detail }: { label: string; figure: string; detail: string }) {
  const labelId = useId();
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fz={figure.length > 6 ? 20 : 28} fw={700} lh={1.3} mt={4}>
        {figure}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {detail}
      </Text>
    </Paper>
  );
}

/** The period at a glance: how much was completed, how much on time, let go, and finished after slipping. */
export function SummaryTiles({ summary }: { summary: RecordSummary }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Tile label="Completed" figure={String(summary.completed)} detail={completedDetail(summary)} />
      <Tile label="On time" figure={onTimeFigure(summary)} detail={onTimeDetail(summary)} />
      <Tile
        label="No longer needed"
        figure={String(summary.dropped)}
        detail="Dropped with a reason. Letting go of work is part of the job."
      />
      <Tile
        label="Slipped"
        figure={String(summary.slipped)}
        detail="Finished after their due date moved later at least once."
      />
    </SimpleGrid>
  );
}
