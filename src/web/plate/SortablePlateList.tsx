import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  type Modifier,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Fragment } from "react";
import type { Task } from "../../contract";
import { GhostRow } from "./GhostRow";
import { InsertionSlot } from "./InsertionSlot";
import { LeavingRow } from "./LeavingRow";
import { withLeaving } from "./leaving";
import classes from "./Plate.module.css";
import { PlateRow } from "./PlateRow";
import { usePlateView } from "./PlateView";

/** New work being placed: where it goes (0-based), what it is called, and how to choose another place. */
export interface Insertion {
  index: number;
  title: string;
  onChoose: (index: number) => void;
}

const alongTheList: Modifier = ({ transform }) => ({ ...transform, x: 0 });

const screenReaderInstructions = {
  draggable:
    "To move a task, press Space or Enter, choose its new place with the up and down arrow keys, then press Space or Enter again. Escape puts it back.",
};

/** The open plate in order, reordered by dragging a handle or from the keyboard. */
export function SortablePlateList({
  items,
  insertion,
  label,
}: {
  items: Task[];
  insertion: Insertion | null;
  label: string;
}) {
  const { actions, leaving } = usePlateView();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((task) => task.id);
  const titleOf = (id: UniqueIdentifier) => items.find((task) => task.id === id)?.title ?? "The task";
  const positionOf = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up “${titleOf(active.id)}”, at position ${positionOf(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `“${titleOf(active.id)}” would go to position ${positionOf(over.id)}.` : `Outside the plate.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `“${titleOf(active.id)}” moved to position ${positionOf(over.id)}.`
        : `“${titleOf(active.id)}” stays where it was.`,
    onDragCancel: ({ active }) =>
      `Put back: “${titleOf(active.id)}” stays at position ${positionOf(active.id)}.`,
  };

  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const task = items.find((item) => item.id === active.id);
    const toIndex = ids.indexOf(String(over.id));
    if (task && toIndex !== -1) actions.move(task, toIndex);
  };

  const placeAt = (index: number) => {
    if (!insertion) return null;
    return index === insertion.index ? (
      <GhostRow position={index + 1} title={insertion.title} />
    ) : (
      <InsertionSlot position={index + 1} onChoose={() => insertion.onChoose(index)} />
    );
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[alongTheList]}
      onDragEnd={handleDragEnd}
      accessibility={{ announcements, screenReaderInstructions }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className={classes.list} aria-label={label}>
          {withLeaving(items, leaving).map((row) =>
            row.kind === "leaving" ? (
              <LeavingRow key={row.leaving.task.id} leaving={row.leaving} />
            ) : (
              <Fragment key={row.task.id}>
                {placeAt(row.index)}
                <PlateRow
                  task={row.task}
                  index={row.index}
                  count={items.length}
                  dragDisabled={insertion !== null}
                  pushedTo={insertion && row.index >= insertion.index ? row.index + 2 : null}
                />
              </Fragment>
            ),
          )}
          {placeAt(items.length)}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
