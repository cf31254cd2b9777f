import { Badge, Box, Text } from "@mantine/core";
import { IconCornerDownRight } from "@tabler/icons-react";
import classes from "./Plate.module.css";

/** Where the work being added will go, shown in the plate itself. */
export function GhostRow({ position, title }: { position: number; title: string }) {
  return (
    <li className={`${classes.row} ${classes.ghost}`} aria-label={`New task goes here, at #${position}`}>
      <Box w={28} ta="center" c="indigo.5">
        <IconCornerDownRight size={16} aria-hidden />
      </Box>
      <Text className={classes.position} size="sm" fw={700} c="indigo">
        {position}
      </Text>
      <Box w={28} aria-hidden />
      <Text size="sm" fw={500} c={title ? undefined : "dimmed"} flex={1} truncate>
        {title || "The new task"}
      </Text>
      <Badge variant="light" color="indigo" radius="sm" tt="none">
        New
      </Badge>
    </li>
  );
}
