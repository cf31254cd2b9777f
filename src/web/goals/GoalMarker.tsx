import { Anchor } from "@mantine/core";
import { IconTarget } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { goalQuery } from "../api/goals";

/** Under a task's title: the goal it works towards, by its title; opens the goal. */
export function GoalMarker({ goalId }: { goalId: string }) {
  const goal = useQuery(goalQuery(goalId));
  // A goal hidden from the reader (a requester off the owner's chain) is not named.
  if (goal.isError) return null;
  const title = goal.data?.title ?? "Goal";
  return (
    <Anchor
      size="xs"
      c="teal"
      aria-label={`Goal: ${title}`}
      style={{ display: "inline-flex", alignItems: "center", gap: 4, overflowWrap: "anywhere" }}
      renderRoot={(props) => <Link to="/goals/$id" params={{ id: goalId }} {...props} />}
    >
      <IconTarget size={13} aria-hidden /> {title}
    </Anchor>
  );
}
