import { Group, Progress, Text } from "@mantine/core";
import type { GoalProgress } from "../../contract";
import { progressLabel, progressPercent } from "./progress";

/** How far a goal has come: a bar of its tasks done, and `done / total` in words. */
export function GoalProgressBar({ progress, size = "md" }: { progress: GoalProgress; size?: "sm" | "md" }) {
  const label = progressLabel(progress);
  return (
    <Group gap="sm" wrap="nowrap">
      <Progress
        value={progressPercent(progress)}
        color="teal"
        size={size === "sm" ? "sm" : "lg"}
        radius="xl"
        flex={1}
        aria-label={`Progress: ${label}`}
      />
      <Text size={size === "sm" ? "xs" : "sm"} c="dimmed" style={{ whiteSpace: "nowrap" }}>
        {label}
      </Text>
    </Group>
  );
}
