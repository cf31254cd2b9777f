import { EmptyState, Paper } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";

/** A period with nothing finished: what will show here once there is. */
export function RecordEmptyState({ firstName, isMine }: { firstName: string; isMine: boolean }) {
  const who = isMine ? "you complete or drop" : `${firstName} completes or drops`;
  return (
    <Paper withBorder radius="md" p="lg">
      <EmptyState
        size="sm"
        icon={<IconChartBar aria-hidden />}
        title="Nothing finished in this period"
        description={`As ${who} tasks, they show up here week by week: how many were completed, how many on time, which were no longer needed and why.`}
      />
    </Paper>
  );
}
