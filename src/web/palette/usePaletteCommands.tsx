import {
  IconArrowBarToDown,
  IconArrowBarToUp,
  IconCircleCheck,
  IconInbox,
  IconListNumbers,
  IconPlus,
  IconSend,
  IconSettings,
  IconTarget,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { commandMatches, directReports } from "./commands";
import type { PaletteMode, PlateKeys } from "./KeyboardProvider";

export interface Command {
  id: string;
  label: string;
  icon: ReactNode;
  run: () => void;
}

export interface CommandGroup {
  title: string;
  commands: Command[];
}

const PAGES = [
  { to: "/plate", label: "Go to My plate", icon: <IconListNumbers size={18} aria-hidden /> },
  { to: "/team", label: "Go to Team", icon: <IconUsersGroup size={18} aria-hidden /> },
  { to: "/inbox", label: "Go to Inbox", icon: <IconInbox size={18} aria-hidden /> },
  { to: "/requests", label: "Go to Requests", icon: <IconSend size={18} aria-hidden /> },
  { to: "/goals", label: "Go to Goals", icon: <IconTarget size={18} aria-hidden /> },
  { to: "/settings", label: "Go to Settings", icon: <IconSettings size={18} aria-hidden /> },
] as const;

/**
 * The palette's commands that answer what was typed: on the task selected on the plate shown, adding
 * a task to my plate or a report's, and going to a page. In "add" mode, only the adding.
 */
export function usePaletteCommands(
  mode: PaletteMode,
  typed: string,
  plate: PlateKeys | null,
): CommandGroup[] {
  const navigate = useNavigate();
  const me = useSuspenseQuery(meQuery).data;
  const reports = directReports(useQuery(peopleQuery).data ?? [], me.id);

  const selected = plate?.selected() ?? null;
  const onTask: Command[] =
    plate && selected
      ? [
          {
            id: "complete",
            label: `Complete “${selected.title}”`,
            icon: <IconCircleCheck size={18} aria-hidden />,
            run: plate.complete,
          },
          {
            id: "move-top",
            label: `Move “${selected.title}” to the top`,
            icon: <IconArrowBarToUp size={18} aria-hidden />,
            run: () => plate.moveTo("top"),
          },
          {
            id: "move-bottom",
            label: `Move “${selected.title}” to the bottom`,
            icon: <IconArrowBarToDown size={18} aria-hidden />,
            run: () => plate.moveTo("bottom"),
          },
        ]
      : [];
  const adding: Command[] = [
    {
      id: "add-mine",
      label: "Add a task to my plate",
      icon: <IconPlus size={18} aria-hidden />,
      run: () => void navigate({ to: "/plate", search: { add: true } }),
    },
    ...reports.map((report) => ({
      id: `add-${report.id}`,
      label: `Add a task to ${report.name}'s plate`,
      icon: <IconPlus size={18} aria-hidden />,
      run: () => void navigate({ to: "/people/$id/plate", params: { id: report.id }, search: { add: true } }),
    })),
  ];
  const pages: Command[] = PAGES.filter((page) => page.to !== "/team" || reports.length > 0).map((page) => ({
    id: `go${page.to.replace("/", "-")}`,
    label: page.label,
    icon: page.icon,
    run: () => void navigate({ to: page.to }),
  }));

  const groups =
    mode === "add"
      ? [{ title: "Add a task", commands: adding }]
      : [
          { title: "Selected task", commands: onTask },
          { title: "Add a task", commands: adding },
          { title: "Go to", commands: pages },
        ];
  return groups
    .map((group) => ({ ...group, commands: group.commands.filter((c) => commandMatches(c.label, typed)) }))
    .filter((group) => group.commands.length > 0);
}
