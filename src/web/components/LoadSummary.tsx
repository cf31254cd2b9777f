import { Group, Paper, Text, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import type { Load } from "../../contract";

interface LoadSummaryProps {
  load: Load;
  /** Names whose load it is, for assistive technology: "Rita Report's load". */
  label: string;
  /** Opens the triage list; without it, triage is only counted. */
  onOpenTriage?: () => void;
  size?: "sm" | "xs";
}

function Figure({
  value,
  label,
  color,
  size,
}: {
  value: number;
  label: string;
  color?: string;
  size: string;
}) {
  return (
    <Text size={size} c={value > 0 ? color : "dimmed"} style={{ whiteSpace: "nowrap" }}>
      <Text span fw={650} c={value > 0 ? color : undefined} inherit>
        {value}
      </Text>{" "}
      {label}
    </Text>
  );
}

function Cell({ children, size }: { children: ReactNode; size: string }) {
  return (
    <Paper
      withBorder
      radius="md"
      px={size === "xs" ? 8 : "sm"}
      py={size === "xs" ? 2 : 6}
      bg="var(--mantine-color-body)"
    >
      {children}
    </Paper>
  );
}

/** How much is on a plate: open work, what falls due this week, what is overdue, what waits in triage. */
export function LoadSummary({ load, label, onOpenTriage, size = "sm" }: LoadSummaryProps) {
  const triage = <Figure value={load.triage} label="in triage" color="grape" size={size} />;
  return (
    <Group gap={6} role="group" aria-label={label}>
      <Cell size={size}>
        <Figure value={load.open} label="open" size={size} />
      </Cell>
      <Cell size={size}>
        <Figure value={load.dueThisWeek} label="due this week" size={size} />
      </Cell>
      <Cell size={size}>
        <Figure value={load.overdue} label="overdue" color="red" size={size} />
      </Cell>
      <Cell size={size}>
        {onOpenTriage && load.triage > 0 ? (
          <UnstyledButton onClick={onOpenTriage} aria-label={`${load.triage} in triage: review them`}>
            {triage}
          </UnstyledButton>
        ) : (
          triage
        )}
      </Cell>
    </Group>
  );
}
