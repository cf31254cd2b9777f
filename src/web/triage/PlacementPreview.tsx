import { Badge, Group, Paper, ScrollArea, Text } from "@mantine/core";
import { IconArrowDown } from "@tabler/icons-react";
import type { Task } from "../../contract";

interface PlacementPreviewProps {
  plate: Task[];
  index: number;
  title: string;
}

function Line({ position, children, moved }: { position: number; children: string; moved?: boolean }) {
  return (
    <Group component="li" gap="xs" wrap="nowrap" py={4}>
      <Text size="sm" fw={600} c={moved ? "indigo" : "dimmed"} w={28} ta="right" style={{ flexShrink: 0 }}>
        {position}
      </Text>
      <Text size="sm" truncate flex={1}>
        {children}
      </Text>
      {moved && <IconArrowDown size={14} color="var(--mantine-color-indigo-5)" aria-label="moves down" />}
    </Group>
  );
}

/** The open plate as it will read with the work in place: where it lands and what moves down. */
export function PlacementPreview({ plate, index, title }: PlacementPreviewProps) {
  return (
    <Paper withBorder radius="md" px="sm" py={4} bg="var(--docket-color-inset)">
      <ScrollArea.Autosize mah={240}>
        <ol aria-label="The plate with it in place" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {plate.slice(0, index).map((task, at) => (
            <Line key={task.id} position={at + 1}>
              {task.title}
            </Line>
          ))}
          <Group
            component="li"
            gap="xs"
            wrap="nowrap"
            py={4}
            bg="var(--docket-color-highlight)"
            style={{ borderRadius: 6 }}
          >
            <Text size="sm" fw={700} c="indigo" w={28} ta="right" style={{ flexShrink: 0 }}>
              {index + 1}
            </Text>
            <Text size="sm" fw={600} truncate flex={1}>
              {title}
            </Text>
            <Badge size="sm" variant="light" color="indigo" radius="sm" tt="none" mr={4}>
              Here
            </Badge>
          </Group>
          {plate.slice(index).map((task, at) => (
            <Line key={task.id} position={index + at + 2} moved>
              {task.title}
            </Line>
          ))}
        </ol>
      </ScrollArea.Autosize>
    </Paper>
  );
}
