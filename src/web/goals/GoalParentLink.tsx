import { Anchor, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { goalQuery } from "../api/goals";

/** "Supports: Grow the team": the goal this one helps reach, or a word that it is one I cannot see. */
export function GoalParentLink({ parentId }: { parentId: string }) {
  const parent = useQuery(goalQuery(parentId));
  return (
    <Text size="sm">
      Supports:{" "}
      {parent.isError ? (
        <Text span c="dimmed" inherit>
          a goal you cannot see
        </Text>
      ) : (
        <Anchor inherit renderRoot={(props) => <Link to="/goals/$id" params={{ id: parentId }} {...props} />}>
          {parent.data?.title ?? "…"}
        </Anchor>
      )}
    </Text>
  );
}
