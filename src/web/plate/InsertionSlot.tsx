import { UnstyledButton } from "@mantine/core";
import classes from "./Plate.module.css";

/** A line between two tasks that, clicked, puts the new work there. */
export function InsertionSlot({ position, onChoose }: { position: number; onChoose: () => void }) {
  return (
    <li>
      <UnstyledButton className={classes.slot} onClick={onChoose} aria-label={`Put it at #${position}`}>
        <span className={classes.slotLabel}>Insert here</span>
      </UnstyledButton>
    </li>
  );
}
