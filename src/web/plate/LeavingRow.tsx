import { Box, Text } from "@mantine/core";
import { IconGripVertical } from "@tabler/icons-react";
import { FinishedIcon } from "../components/FinishedIcon";
import type { LeavingTask } from "./leaving";
import classes from "./Plate.module.css";
import { TaskMeta } from "./TaskMeta";

/**
 * A task just completed or dropped, struck through where it stood, for as long as it can be undone:
 * the rows below stay put, so a second click lands here and does nothing. It takes no input and is
 * left out of the accessibility tree; the undo notice says what happened.
 */
export function LeavingRow({ leaving }: { leaving: LeavingTask }) {
  const { task, outcome } = leaving;
  return (
    <li className={`${classes.row} ${classes.leaving}`} inert aria-hidden data-leaving={outcome}>
      <span className={classes.handlePlaceholder}>
        <IconGripVertical size={16} aria-hidden />
      </span>
      <span className={classes.position} />
      <span className={classes.finishedMark}>
        <FinishedIcon state={outcome} />
      </span>
      <Box flex={1} miw={0}>
        <Text className={classes.title} component="span" td="line-through" c="dimmed">
          {task.title}
        </Text>
        <TaskMeta task={task} />
      </Box>
      <Text size="sm" c="dimmed" fw={500}>
        {outcome === "done" ? "Done" : "Dropped"}
      </Text>
    </li>
  );
}
