import { Button, Group, Skeleton, Stack } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { type UseQueryResult, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react";
import type { Me, Person, Plate, Task } from "../../contract";
import { isApiError } from "../api/errors";
import { peopleQuery } from "../api/people";
import { plateQuery, taskQuery } from "../api/tasks";
import { LoadSummary } from "../components/LoadSummary";
import { loadedWhenOpen } from "../components/loadedWhenOpen";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { PagePersonError, usePagePerson } from "../people/usePagePerson";
import { NoticeAlert } from "./NoticeAlert";
import { type Notice, noticeFor } from "./notice";
import { PlateCsvMenu } from "./PlateCsvMenu";
import { PlateTabs } from "./PlateTabs";
import { firstName, type PlateView, PlateViewProvider, type TaskActions } from "./PlateView";
import { indexOnWholePlate, type PlateSearch } from "./plateSearch";
import { RecordLink } from "./RecordLink";
import { placementForMove } from "./reorder";
import { UndoNotice } from "./UndoNotice";
import { useMoveTask } from "./useMoveTask";
import { usePlateSelection } from "./usePlateSelection";
import { usePlateShortcuts } from "./usePlateShortcuts";
import { usePlateUndo } from "./usePlateUndo";
import { useTaskUpdate } from "./useTaskUpdate";

// What opens over the plate, and the page shown instead of a plate one may not see, load when needed.
const hasTask = (props: { task: Task | null }) => props.task !== null;
const TaskDrawer = loadedWhenOpen(() => import("./TaskDrawer").then((m) => m.TaskDrawer), hasTask);
const EditTaskModal = loadedWhenOpen(() => import("./EditTaskModal").then((m) => m.EditTaskModal), hasTask);
const DropTaskModal = loadedWhenOpen(() => import("./DropTaskModal").then((m) => m.DropTaskModal), hasTask);
const AcceptTaskModal = loadedWhenOpen(
  () => import("../triage/AcceptTaskModal").then((m) => m.AcceptTaskModal),
  hasTask,
);
const DeclineTaskModal = loadedWhenOpen(
  () => import("../triage/DeclineTaskModal").then((m) => m.DeclineTaskModal),
  hasTask,
);
const AskForSomething = lazy(() =>
  import("../triage/AskForSomething").then((m) => ({ default: m.AskForSomething })),
);
const GoalFilter = lazy(() => import("../goals/GoalFilter").then((m) => ({ default: m.GoalFilter })));

interface PlatePageProps {
  ownerId: string;
  search: PlateSearch;
  onSearchChange: (search: PlateSearch) => void;
}

const NO_TASKS: Task[] = [];

/** The dialog open over the plate, if any; the task drawer is apart, so that editing keeps it open. */
type Dialog = { kind: "edit" | "drop" | "accept" | "decline"; task: Task } | null;

function describePlate(owner: { name: string; timeZone: string }, isMine: boolean, me: Me): string {
  if (isMine) {
    return me.managerId
      ? "Your work in one strict order, most important first. Your manager sees the same plate."
      : "Your work in one strict order, most important first.";
  }
  const name = firstName(owner.name);
  return `${name}'s work in one strict order, most important first. ${name} sees the same plate; due dates follow ${name}'s day in ${owner.timeZone}.`;
}

/** One person's plate, for them or for someone in their management chain. */
export function PlatePage({ ownerId, search, onSearchChange }: PlatePageProps) {
  const { me, isMine, person, subject: owner } = usePagePerson(ownerId);
  // A plate the viewer may not see stays hidden while the page is open: live refreshes leave it be,
  // so that the request being written is never swapped for a loading state.
  const [hidden, setHidden] = useState(false);
  const plate = useQuery({ ...plateQuery(ownerId, "open"), enabled: !hidden });
  if (!hidden && !isMine && isApiError(plate.error, 404)) setHidden(true);

  if (!isMine && person.isError) return <PagePersonError person={person} />;
  if (hidden && person.data) {
    return (
      <Suspense fallback={<PlateSkeleton />}>
        <AskForSomething person={person.data} viewerZone={me.timeZone} />
      </Suspense>
    );
  }
  if (!owner) return <PlateSkeleton />;
  return (
    <PlateScreen
      key={owner.id}
      me={me}
      owner={owner}
      isMine={isMine}
      plate={plate}
      search={search}
      onSearchChange={onSearchChange}
    />
  );
}

function PlateSkeleton() {
  return (
    <Stack gap="sm" aria-label="Loading the plate">
      <Skeleton height={32} width={240} radius="md" />
      <Skeleton height={28} width={420} radius="md" />
      <Skeleton height={240} radius="md" />
    </Stack>
  );
}

interface PlateScreenProps {
  me: Me;
  owner: Pick<Person, "id" | "name" | "timeZone">;
  isMine: boolean;
  plate: UseQueryResult<Plate>;
  search: PlateSearch;
  onSearchChange: (search: PlateSearch) => void;
}

function PlateScreen({ me, owner, isMine, plate, search, onSearchChange }: PlateScreenProps) {
  const queryClient = useQueryClient();
  const people = useQuery(peopleQuery).data;
  const now = useNow();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [viewing, setViewing] = useState<Task | null>(null);
  // A task named in the address (`?task=`, from an inbox entry or a search) opens in the drawer once read.
  const addressed = useQuery({ ...taskQuery(search.task ?? ""), enabled: Boolean(search.task) }).data;
  const drawerTask = viewing ?? (addressed && addressed.id === search.task ? addressed : null);
  const closeDrawer = () => {
    setViewing(null);
    selection.returnFocus();
    if (search.task) onSearchChange({ ...search, task: undefined });
  };
  const [notice, setNotice] = useState<Notice | null>(null);
  const showFailure = useCallback(
    (error: unknown, task: Task) => setNotice(noticeFor(error, task.title)),
    [],
  );
  const update = useTaskUpdate(owner.id, showFailure);
  const move = useMoveTask(owner.id, showFailure);
  const undo = usePlateUndo(owner.id, { update: update.mutateAsync, move: move.mutateAsync });

  const tab = search.tab ?? "open";
  const goalId = search.goalId ?? null;
  const adding = Boolean(search.add) && tab === "open";
  const setAdding = (add: boolean) => onSearchChange({ ...search, tab: undefined, add: add || undefined });

  const names = useMemo(() => new Map((people ?? []).map((person) => [person.id, person.name])), [people]);
  const actions: TaskActions = useMemo(
    () => ({
      open: (task) => setViewing(task),
      edit: (task) => setDialog({ kind: "edit", task }),
      drop: (task) => setDialog({ kind: "drop", task }),
      accept: (task) => setDialog({ kind: "accept", task }),
      decline: (task) => setDialog({ kind: "decline", task }),
      update: (task, patch) => {
        setNotice(null);
        if (patch.state === "done") undo.complete(task);
        else update.mutate({ task, patch });
      },
      move: (task, shownIndex) => {
        const items = queryClient.getQueryData<Plate>(plateQuery(owner.id).queryKey)?.items ?? [];
        const ids = items.map((item) => item.id);
        // On a plate filtered by goal, the task goes next to the one it was moved onto.
        const toIndex = goalId
          ? indexOnWholePlate(
              items.filter((item) => item.goalId === goalId).map((item) => item.id),
              ids,
              shownIndex,
            )
          : shownIndex;
        const placement = placementForMove(ids, task.id, toIndex);
        if (!placement) return;
        setNotice(null);
        undo.moveTo(task, placement, toIndex);
      },
    }),
    [queryClient, owner.id, goalId, update.mutate, undo.complete, undo.moveTo],
  );
  const shownItems = useMemo(() => {
    const items = plate.data?.items ?? NO_TASKS;
    return goalId ? items.filter((task) => task.goalId === goalId) : items;
  }, [plate.data, goalId]);
  const selection = usePlateSelection(tab === "open" ? shownItems : NO_TASKS);
  const composerTitle = useRef<HTMLInputElement>(null);
  usePlateShortcuts({
    shown: shownItems,
    selection,
    actions,
    adding,
    startAdding: () => setAdding(true),
    composerTitle,
  });
  const view: PlateView = {
    owner,
    viewer: { id: me.id, timeZone: me.timeZone },
    isMine,
    now,
    nameOf: (id) => (id === me.id ? me.name : (names.get(id) ?? "Someone")),
    actions,
    leaving: undo.leaving,
    goalId,
    selection,
    composerTitle,
  };
  const closeDialog = () => setDialog(null);
  const dialogTask = (kind: NonNullable<Dialog>["kind"]) => (dialog?.kind === kind ? dialog.task : null);

  return (
    <PlateViewProvider value={view}>
      <PageHeader
        title={isMine ? "My plate" : `${owner.name}'s plate`}
        description={describePlate(owner, isMine, me)}
        actions={
          <Group gap="sm">
            <PlateCsvMenu
              owner={owner}
              isMine={isMine}
              viewerZone={me.timeZone}
              state={tab}
              goalId={goalId}
              onImported={(message) => setNotice({ tone: "calm", message })}
            />
            <RecordLink owner={owner} isMine={isMine} />
            {!adding && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
                Add task
              </Button>
            )}
          </Group>
        }
      />
      {plate.data && (
        <Group mb="lg" gap="sm" justify="space-between" align="flex-end">
          <LoadSummary
            load={plate.data.load}
            label={isMine ? "Your load" : `${owner.name}'s load`}
            onOpenTriage={() => onSearchChange({ tab: "triage" })}
          />
          <Suspense fallback={null}>
            <GoalFilter
              ownerId={owner.id}
              goalId={goalId}
              onChange={(next) => onSearchChange({ ...search, add: undefined, goalId: next ?? undefined })}
            />
          </Suspense>
        </Group>
      )}
      <NoticeAlert notice={notice} onClose={() => setNotice(null)} />
      {plate.isError ? (
        <QueryError error={plate.error} onRetry={() => void plate.refetch()} />
      ) : plate.isPending ? (
        <Skeleton height={240} radius="md" aria-label="Loading the plate" />
      ) : (
        <PlateTabs
          tab={tab}
          onTabChange={(next) => {
            setNotice(null);
            onSearchChange({ tab: next === "open" ? undefined : next, goalId: search.goalId });
          }}
          openItems={shownItems}
          load={plate.data.load}
          adding={adding}
          onAddingChange={setAdding}
        />
      )}
      <TaskDrawer task={drawerTask} onClose={closeDrawer} />
      <EditTaskModal task={dialogTask("edit")} onClose={closeDialog} />
      <DropTaskModal task={dialogTask("drop")} onDropped={undo.dropped} onClose={closeDialog} />
      <AcceptTaskModal task={dialogTask("accept")} onClose={closeDialog} />
      <DeclineTaskModal task={dialogTask("decline")} onClose={closeDialog} />
      <UndoNotice {...undo.notice} />
    </PlateViewProvider>
  );
}
