import { Anchor, Group, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { GoalPicker } from "./GoalPicker";

interface GoalFilterProps {
  ownerId: string;
  goalId: string | null;
  onChange: (goalId: string | null) => void;
}

/** Narrows a plate to the work towards one goal (`?goalId=`), or shows all of it again. */
export function GoalFilter({ ownerId, goalId, onChange }: GoalFilterProps) {
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <div style={{ minWidth: 240 }}>
        <GoalPicker
          personId={ownerId}
          label="Show work towards"
          placeholder="Every goal and none"
          value={goalId}
          onChange={onChange}
        />
      </div>
      {goalId && (
        <Text size="xs" pb={8}>
          <Anchor
            size="xs"
            renderRoot={(props) => <Link to="/goals/$id" params={{ id: goalId }} {...props} />}
          >
            Open the goal
          </Anchor>
        </Text>
      )}
    </Group>
  );
}
