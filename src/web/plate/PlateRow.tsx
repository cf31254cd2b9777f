import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ActionIcon, Box, Button, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { useMergedRef } from "@mantine/hooks";
import { IconCircle, IconCircleCheck, IconGripVertical, IconPlayerPlay } from "@tabler/icons-react";
import type { Task } from "../../contract";
import classes from "./Plate.module.css";
import { usePlateView } from "./PlateView";
import { TaskMeta } from "./TaskMeta";
import { TaskRowMenu } from "./TaskRowMenu";

interface PlateRowProps {
  task: Task;
  index: number;
  count: number;
  /** While new work is being placed the order holds still: nothing is dragged. */
  dragDisabled: boolean;
  /** Set while new work is placed above this task: the position it will have then. */
  pushedTo: number | null;
}

/** One open task: its place, a handle to drag it by, and what can be done to it. */
export function PlateRow({ task, index, count, dragDisabled, pushedTo }: PlateRowProps) {
  const { actions, selection } = usePlateView();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: task.id, disabled: dragDisabled });
  const rowRef = useMergedRef(setNodeRef, selection.rowRef(task.id));
  const position = task.position ?? index + 1;
  const selected = selection.selectedId === task.id;
  return (
    // The selected row is the list's one tab stop (a roving tab index): focus follows j and k to it.
    <li
      ref={rowRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={[classes.row, isDragging && classes.dragging, selected && classes.selected]
        .filter(Boolean)
        .join(" ")}
      data-task-row
      tabIndex={selected ? 0 : -1}
      aria-current={selected || undefined}
      aria-label={`#${position} ${task.title}`}
      onFocus={(event) => {
        // The row itself (clicked beside its controls, or tabbed to), not a control in it.
        if (event.target === event.currentTarget) selection.select(task.id);
      }}
      onBlur={selection.onRowBlur}
    >
      <ActionIcon
        ref={setActivatorNodeRef}
        variant="subtle"
        color="gray"
        className={classes.handle}
        aria-label={`Reorder “${task.title}”`}
        disabled={dragDisabled}
        {...attributes}
        {...listeners}
      >
        <IconGripVertical size={16} aria-hidden />
      </ActionIcon>
      {pushedTo === null ? (
        <Text className={classes.position} size="sm" fw={600} c="dimmed">
          {position}
        </Text>
      ) : (
        <Tooltip label={`Moves down from #${position}`}>
          <Text
            className={classes.position}
            size="sm"
            fw={700}
            c="indigo"
            aria-label={`${pushedTo}, was ${position}`}
          >
            {pushedTo}
          </Text>
        </Tooltip>
      )}
      <Tooltip label="Complete">
        <ActionIcon
          variant="transparent"
          radius="xl"
          className={classes.complete}
          aria-label={`Complete “${task.title}”`}
          onClick={() => actions.update(task, { state: "done" })}
        >
          <IconCircle className={classes.unchecked} size={20} stroke={1.6} aria-hidden />
          <IconCircleCheck className={classes.checked} size={20} stroke={1.6} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Box flex={1} miw={0}>
        <UnstyledButton className={classes.title} onClick={() => actions.open(task)}>
          {task.title}
        </UnstyledButton>
        <TaskMeta task={task} />
      </Box>
      {task.state === "open" && (
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconPlayerPlay size={14} aria-hidden />}
          aria-label={`Start “${task.title}”`}
          onClick={() => actions.update(task, { state: "in_progress" })}
          className={classes.revealed}
          visibleFrom="xs"
        >
          Start
        </Button>
      )}
      <TaskRowMenu task={task} index={index} count={count} />
    </li>
  );
}
