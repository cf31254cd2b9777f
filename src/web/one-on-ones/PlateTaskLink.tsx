import { Anchor } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { TaskState } from "../../contract";
import type { PlateTab } from "../plate/plateSearch";

/** The list of a plate a task in this state is found on. */
function tabOf(state: TaskState): PlateTab | undefined {
  if (state === "triage" || state === "done" || state === "dropped") return state;
  return undefined;
}

interface PlateTaskLinkProps {
  ownerId: string;
  meId: string;
  state: TaskState;
  children: ReactNode;
}

/** A link to the plate a task is on, at the list that holds it: my own plate, or someone's I may see. */
export function PlateTaskLink({ ownerId, meId, state, children }: PlateTaskLinkProps) {
  const tab = tabOf(state);
  const search = tab ? { tab } : {};
  return (
    <Anchor
      size="sm"
      renderRoot={(props) =>
        ownerId === meId ? (
          <Link to="/plate" search={search} {...props} />
        ) : (
          <Link to="/people/$id/plate" params={{ id: ownerId }} search={search} {...props} />
        )
      }
    >
      {children}
    </Anchor>
  );
}
