import "@mantine/spotlight/styles.css";
import { Alert } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { createSpotlight, Spotlight } from "@mantine/spotlight";
import { IconAlertTriangle, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useEffect, useId, useMemo, useState } from "react";
import type { SearchResult } from "../../contract";
import { textLimits } from "../../contract/text-limits";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { searchQuery } from "../api/search";
import { taskQuery } from "../api/tasks";
import { isAbove } from "../people/reportingChain";
import classes from "./CommandPalette.module.css";
import { type PaletteMode, useKeyboard } from "./KeyboardProvider";
import { CommandEntry, ResultEntry } from "./PaletteEntries";
import { type PageTarget, type Reader, resultTarget, taskTarget } from "./resultTarget";
import { searchTextOf } from "./searchText";
import { usePaletteCommands } from "./usePaletteCommands";

/** How long typing pauses before the search is sent. */
const SEARCH_DEBOUNCE_MS = 200;

interface Entry {
  id: string;
  content: ReactNode;
  run: () => void;
}

interface EntryGroup {
  title: string;
  entries: Entry[];
}

/** What the live region tells a screen reader about the search (a failure is an alert of its own). */
function searchStatus(
  text: string | null,
  search: { isError: boolean; isFetching: boolean; results: number },
): string {
  if (text === null || search.isError) return "";
  if (search.isFetching) return "Searching…";
  if (search.results === 0) return `Nothing found for “${text}”.`;
  return search.results === 1 ? "1 result." : `${search.results} results.`;
}

/**
 * The command palette (Ctrl+K, Cmd+K, `/`): search results as one types, best first as the API
 * ranks them, and commands. Built on Mantine's Spotlight, with the roles of a combobox: the field
 * names the list and the entry selected (arrow keys), Enter opens it, Escape closes.
 */
export function CommandPalette({ mode, onClose }: { mode: PaletteMode | null; onClose: () => void }) {
  const [store] = useState(() => createSpotlight()[0]);
  const opened = mode !== null;
  const [shownMode, setShownMode] = useState<PaletteMode>(mode ?? "search");
  if (mode !== null && mode !== shownMode) setShownMode(mode);
  useEffect(() => {
    store.setState((state) => ({ ...state, opened }));
  }, [store, opened]);

  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useSuspenseQuery(meQuery).data;
  const people = useQuery(peopleQuery).data;
  const reader: Reader = useMemo(
    () => ({ id: me.id, canSeePlateOf: (ownerId) => isAbove(people ?? [], me.id, ownerId) }),
    [me.id, people],
  );
  const names = useMemo(() => new Map((people ?? []).map((person) => [person.id, person.name])), [people]);

  const [typed, setTyped] = useState("");
  // Each opening starts blank, even one before the last closing has finished.
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setTyped("");
  }
  const text = searchTextOf(typed);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const searching = opened && shownMode === "search" && text !== null && debounced !== null;
  const search = useQuery({
    ...searchQuery(debounced ?? ""),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const results = searching && search.data ? search.data : [];

  const keyboard = useKeyboard();
  const plate = opened ? keyboard.plateKeys() : null;
  const commands = usePaletteCommands(shownMode, typed, plate);

  const go = (target: PageTarget) => void navigate(target);
  const open = (result: SearchResult) => {
    const target = resultTarget(result, reader);
    if (!("readTask" in target)) return go(target);
    // A task on a plate I may not see: where it is shown to me depends on how I came to see it.
    queryClient.fetchQuery(taskQuery(target.readTask)).then(
      (task) => go(taskTarget(task, reader)),
      () => {},
    );
  };

  const groups: EntryGroup[] = [
    ...commands.map((group) => ({
      title: group.title,
      entries: group.commands.map((command) => ({
        id: `command-${command.id}`,
        content: <CommandEntry icon={command.icon} label={command.label} />,
        run: command.run,
      })),
    })),
    {
      title: "Search results",
      entries: results.map((result) => ({
        id: `${result.kind}-${result.id}`,
        content: (
          <ResultEntry
            result={result}
            ownerName={
              result.kind === "task" && result.ownerId && result.ownerId !== me.id
                ? (names.get(result.ownerId) ?? "someone else")
                : null
            }
          />
        ),
        run: () => open(result),
      })),
    },
  ].filter((group) => group.entries.length > 0);
  const entries = groups.flatMap((group) => group.entries);

  /*
   * The entry selected, by its place in the list. Spotlight moves its own selection with the arrow
   * keys and selects the first entry as one types, without telling anyone: the palette keeps the
   * index here, for the roles that name it, gives it to Spotlight, and reads it back after each key.
   * Results arrive after the typing: the list selects its first entry again whenever it changes.
   */
  const [selected, setSelected] = useState(-1);
  useEffect(() => {
    store.updateState((state) => ({ ...state, selected }));
  }, [store, selected]);
  const entryKey = entries.map((entry) => entry.id).join(" ");
  useEffect(() => {
    if (opened) setSelected(entryKey === "" ? -1 : 0);
  }, [opened, entryKey]);
  const readSelection = () => queueMicrotask(() => setSelected(store.getState().selected));

  const listId = `palette-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const optionId = (entry: Entry) => `${listId}-${entry.id}`;
  const active = entries[selected];
  const status =
    shownMode === "search"
      ? searchStatus(text, {
          isError: search.isError,
          isFetching: search.isFetching,
          results: results.length,
        })
      : "";

  return (
    <Spotlight.Root
      store={store}
      query={typed}
      onQueryChange={(next) => {
        setTyped(next);
        setSelected(0);
      }}
      shortcut={null}
      onSpotlightClose={onClose}
      scrollable
      maxHeight={440}
      attributes={{ content: { "aria-label": "Command palette" } }}
    >
      <Spotlight.Search
        role="combobox"
        aria-label={shownMode === "add" ? "Whose plate to add a task to" : "Search or run a command"}
        aria-expanded={entries.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(active) : undefined}
        onKeyDown={readSelection}
        placeholder={
          shownMode === "add" ? "Add a task to…" : "Search tasks, people, requests, goals, or a command"
        }
        maxLength={textLimits.searchText}
        leftSection={<IconSearch size={18} aria-hidden />}
      />
      <Spotlight.ActionsList id={listId} role="listbox" aria-label="Commands and results">
        {groups.map((group) => (
          <Spotlight.ActionsGroup key={group.title} label={group.title} role="group" aria-label={group.title}>
            {group.entries.map((entry) => {
              const isSelected = entry === active;
              return (
                <Spotlight.Action
                  key={entry.id}
                  // Spotlight keeps an action's id to itself: the field names the active option by this one.
                  ref={(option) => option?.setAttribute("id", optionId(entry))}
                  role="option"
                  aria-selected={isSelected}
                  data-selected={isSelected || undefined}
                  onClick={entry.run}
                >
                  {entry.content}
                </Spotlight.Action>
              );
            })}
          </Spotlight.ActionsGroup>
        ))}
      </Spotlight.ActionsList>
      {searching && search.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} m="xs">
          Search is not available right now; the commands still work.
        </Alert>
      )}
      <div role="status" className={status === "" ? undefined : classes.status}>
        {status}
      </div>
    </Spotlight.Root>
  );
}
