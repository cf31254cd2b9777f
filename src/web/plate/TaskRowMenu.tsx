import { ActionIcon, Menu } from "@mantine/core";
import {
  IconArrowBarToDown,
  IconArrowBarToUp,
  IconArrowDown,
  IconArrowUp,
  IconDots,
  IconHistory,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
} from "@tabler/icons-react";
import type { Task } from "../../contract";
import { usePlateView } from "./PlateView";

interface TaskRowMenuProps {
  task: Task;
  index: number;
  count: number;
}

/** Everything else that can be done to an open task, moves included for those who do not drag. */
export function TaskRowMenu({ task, index, count }: TaskRowMenuProps) {
  const { actions } = usePlateView();
  const last = count - 1;
  return (
    <Menu position="bottom-end" width={220} shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`More actions for “${task.title}”`}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => actions.open(task)}>
          Details and history
        </Menu.Item>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => actions.edit(task)}>
          Edit
        </Menu.Item>
        {task.state === "open" && (
          <Menu.Item
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => actions.update(task, { state: "in_progress" })}
          >
            Start working on it
          </Menu.Item>
        )}
        {task.state === "in_progress" && (
          <Menu.Item
            leftSection={<IconPlayerPause size={16} aria-hidden />}
            onClick={() => actions.update(task, { state: "open" })}
          >
            Stop working on it
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconArrowUp size={16} aria-hidden />}
          disabled={index === 0}
          onClick={() => actions.move(task, index - 1)}
        >
          Move up
        </Menu.Item>
        <Menu.Item
          leftSection={<IconArrowDown size={16} aria-hidden />}
          disabled={index === last}
          onClick={() => actions.move(task, index + 1)}
        >
          Move down
        </Menu.Item>
        <Menu.Item
          leftSection={<IconArrowBarToUp size={16} aria-hidden />}
          disabled={index === 0}
          onClick={() => actions.move(task, 0)}
        >
          Move to the top
        </Menu.Item>
        <Menu.Item
          leftSection={<IconArrowBarToDown size={16} aria-hidden />}
          disabled={index === last}
          onClick={() => actions.move(task, last)}
        >
          Move to the bottom
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => actions.drop(task)}
        >
          Drop…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
