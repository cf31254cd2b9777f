import { Group, Progress, Stack, Text } from "@mantine/core";
import type { Request } from "../../contract";
import { progressDetail, progressHeadline, progressShares } from "./progress";

/** How far a request has come: done in teal, dropped in gray, what is still open left empty. */
export function RequestProgressBar({
  progress,
  size = "md",
}: {
  progress: Request["progress"];
  size?: "sm" | "md";
}) {
  const shares = progressShares(progress);
  const headline = progressHeadline(progress);
  const detail = progressDetail(progress);
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size={size} fw={600}>
          {headline}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
      </Group>
      <Progress.Root
        size={size === "sm" ? "sm" : "lg"}
        radius="xl"
        role="progressbar"
        aria-label={detail ? `${headline}, ${detail}` : headline}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
      >
        {/* The bar as a whole is the progress bar, named above; its parts only draw it. */}
        <Progress.Section value={shares.done} color="teal" withAria={false} />
        <Progress.Section value={shares.dropped} color="gray.5" withAria={false} />
      </Progress.Root>
    </Stack>
  );
}
