import { Button, EmptyState, Paper, Skeleton, Text } from "@mantine/core";
import { IconClipboardList, IconPlus } from "@tabler/icons-react";
import { lazy, Suspense, useState } from "react";
import type { Task } from "../../contract";
import { firstName, usePlateView } from "./PlateView";
import { choiceAt, defaultChoice, insertionIndex, type PlacementChoice } from "./placement";
import { SortablePlateList } from "./SortablePlateList";

/** The add form loads when it is first opened. */
const TaskComposer = lazy(() => import("./TaskComposer").then((m) => ({ default: m.TaskComposer })));

interface OpenPlateProps {
  items: Task[];
  adding: boolean;
  onAddingChange: (adding: boolean) => void;
}

/** The open tasks in their one order, and the form that adds to them with the plate in view. */
export function OpenPlate({ items, adding, onAddingChange }: OpenPlateProps) {
  const { owner, isMine, goalId } = usePlateView();
  // Null until a place is chosen, in the form or on the plate: the default follows urgency.
  const [chosen, setChosen] = useState<PlacementChoice | null>(null);
  const [urgent, setUrgent] = useState(false);
  const [newTitle, setNewTitle] = useState("");
  const choice = chosen ?? defaultChoice(urgent);

  const stopAdding = () => {
    onAddingChange(false);
    setNewTitle("");
    setChosen(null);
    setUrgent(false);
  };

  return (
    <>
      {adding && (
        <Suspense fallback={<Skeleton height={180} radius="md" mb="md" aria-label="Loading the form" />}>
          <TaskComposer
            plate={items}
            choice={choice}
            onChoiceChange={setChosen}
            onTitleChange={setNewTitle}
            onUrgentChange={setUrgent}
            onAdded={stopAdding}
            onCancel={stopAdding}
          />
        </Suspense>
      )}
      {items.length === 0 && !adding ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            size="sm"
            icon={<IconClipboardList aria-hidden />}
            title="Nothing open"
            description={
              goalId
                ? "No open work towards this goal. Add some, or show every goal's work again."
                : isMine
                  ? "Your plate is clear. Add what you are working on, most important first."
                  : `${firstName(owner.name)}'s plate is clear.`
            }
          >
            <EmptyState.Actions>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => onAddingChange(true)}
              >
                Add a task
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : (
        <>
          <Paper withBorder radius="md" style={{ overflow: adding ? "visible" : "hidden" }}>
            <SortablePlateList
              items={items}
              label="Open tasks"
              insertion={
                adding
                  ? {
                      index: insertionIndex(choice, items),
                      title: newTitle,
                      onChoose: (index) => setChosen(choiceAt(index, items)),
                    }
                  : null
              }
            />
          </Paper>
          {!adding && items.length > 1 && (
            <Text size="xs" c="dimmed" mt="xs">
              Drag a task by its handle, or use its menu, to change the order.{" "}
              {isMine ? "Your manager sees the same order." : `${firstName(owner.name)} sees the same order.`}
            </Text>
          )}
        </>
      )}
    </>
  );
}
