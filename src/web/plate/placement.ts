import type { Placement } from "../../contract";

/** Where new or accepted work goes, as a select holds it: the top, the bottom, or after a task. */
export type PlacementChoice = "top" | "bottom" | `after:${string}`;

interface Placed {
  id: string;
  title: string;
}

/** Where new work goes until a place is chosen, as the server places it: urgent work on top, else the bottom. */
export function defaultChoice(urgent: boolean): PlacementChoice {
  return urgent ? "top" : "bottom";
}

export function afterChoice(taskId: string): PlacementChoice {
  return `after:${taskId}`;
}

/** A choice that still fits the plate: "after" a task that has left it falls back to the bottom. */
export function validChoice(choice: PlacementChoice, plate: readonly Placed[]): PlacementChoice {
  if (choice === "top" || choice === "bottom") return choice;
  const id = choice.slice("after:".length);
  const index = plate.findIndex((task) => task.id === id);
  if (index === -1 || index === plate.length - 1) return "bottom";
  return choice;
}

export function toPlacement(choice: PlacementChoice): Placement {
  if (choice === "top" || choice === "bottom") return choice;
  return { after: choice.slice("after:".length) };
}

/** The 0-based index the work takes among the plate's open tasks. */
export function insertionIndex(choice: PlacementChoice, plate: readonly Placed[]): number {
  const valid = validChoice(choice, plate);
  if (valid === "top") return 0;
  if (valid === "bottom") return plate.length;
  const id = valid.slice("after:".length);
  return plate.findIndex((task) => task.id === id) + 1;
}

/** The choice that puts work at a 0-based index of the plate. */
export function choiceAt(index: number, plate: readonly Placed[]): PlacementChoice {
  if (index <= 0) return "top";
  const before = plate[index - 1];
  if (index >= plate.length || !before) return "bottom";
  return afterChoice(before.id);
}

/** Every place on the plate, top to bottom: the top, after each task but the last, the bottom. */
export function placementOptions(plate: readonly Placed[]): { value: PlacementChoice; label: string }[] {
  if (plate.length === 0) return [{ value: "top", label: "Top of the plate" }];
  return [
    { value: "top", label: "Top of the plate" },
    ...plate
      .slice(0, -1)
      .map((task, index) => ({ value: afterChoice(task.id), label: `After #${index + 1} “${task.title}”` })),
    { value: "bottom", label: "Bottom of the plate" },
  ];
}

/** "Nothing moves", "“Review PRs” moves down to #3", "3 tasks move down one place". */
export function pushedDownSummary(index: number, plate: readonly Placed[]): string {
  const pushed = plate.slice(index);
  const first = pushed[0];
  if (!first) return "Nothing moves down.";
  if (pushed.length === 1) return `“${first.title}” moves down to #${index + 2}.`;
  return `${pushed.length} tasks move down one place, from “${first.title}” on.`;
}
