import { type HotkeyItem, useHotkeys } from "@mantine/hooks";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useLayoutEffect, useRef } from "react";
import { CommandPalette } from "./CommandPalette";
import { type PlateKeys, useKeyboard } from "./KeyboardProvider";
import { keyTargetOf, shortcutMayAct } from "./keyTarget";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { type GoTo, NO_SEQUENCE, pressKey } from "./sequence";

const PAGES: Record<GoTo, "/plate" | "/team" | "/inbox"> = {
  plate: "/plate",
  team: "/team",
  inbox: "/inbox",
};

/** Enter is the selected task's only when focus is on its row, or nowhere: on a button or a link it is theirs. */
function enterIsOurs(event: KeyboardEvent): boolean {
  const target = event.target;
  return target === document.body || (target instanceof HTMLElement && target.hasAttribute("data-task-row"));
}

/**
 * The app's keyboard shortcuts (listed in shortcuts.ts, shown by `?`), with the palette and the
 * overlay they open. useHotkeys hears every key here, fields included, so that Ctrl+K opens the
 * palette from anywhere; every other shortcut first asks `shortcutMayAct`, which leaves keys typed in
 * a field (the fields useHotkeys ignores by default) or pressed in an open dialog or menu alone. Only a
 * key that acted has its default prevented. The `g` sequences hear the keys bound here.
 */
export function KeyboardLayer() {
  const keyboard = useKeyboard();
  const navigate = useNavigate();
  const latest = useRef(keyboard);
  useLayoutEffect(() => {
    latest.current = keyboard;
  });
  const sequence = useRef(NO_SEQUENCE);
  const { setListening } = keyboard;
  useEffect(() => {
    setListening(true);
    return () => setListening(false);
  }, [setListening]);

  /** A single-key shortcut: `act` answers false when it did nothing with the key. */
  const key = (hotkey: string, act: (event: KeyboardEvent) => boolean): HotkeyItem => [
    hotkey,
    (event) => {
      if (!shortcutMayAct(keyTargetOf(event))) return;
      const step = pressKey(sequence.current, event.key, event.timeStamp);
      sequence.current = step.state;
      if (step.goTo) void navigate({ to: PAGES[step.goTo] });
      if (step.consumed || act(event)) event.preventDefault();
    },
    { preventDefault: false },
  ];
  /** A shortcut acting on the plate shown, if there is one. */
  const onPlate = (hotkey: string, act: (plate: PlateKeys, event: KeyboardEvent) => boolean) =>
    key(hotkey, (event) => {
      const plate = latest.current.plateKeys();
      return plate !== null && act(plate, event);
    });
  const whenSelected = (act: (plate: PlateKeys) => void) => (plate: PlateKeys) => {
    if (plate.selected() === null) return false;
    act(plate);
    return true;
  };
  const nothing = () => false;

  useHotkeys(
    [
      [
        "mod+K",
        () => {
          const { paletteMode, openPalette, closePalette } = latest.current;
          if (paletteMode === null) openPalette("search");
          else closePalette();
        },
      ],
      key("/", () => {
        latest.current.openPalette("search");
        return true;
      }),
      key("shift+?", () => {
        latest.current.openHelp();
        return true;
      }),
      key("?", () => {
        latest.current.openHelp();
        return true;
      }),
      key("c", () => {
        const plate = latest.current.plateKeys();
        if (plate) plate.add();
        else latest.current.openPalette("add");
        return true;
      }),
      onPlate("j", (plate) => {
        plate.step(1);
        return true;
      }),
      onPlate("k", (plate) => {
        plate.step(-1);
        return true;
      }),
      onPlate(
        "x",
        whenSelected((plate) => plate.complete()),
      ),
      onPlate(
        "shift+ArrowUp",
        whenSelected((plate) => plate.move(-1)),
      ),
      onPlate(
        "shift+ArrowDown",
        whenSelected((plate) => plate.move(1)),
      ),
      onPlate("Enter", (plate, event) => enterIsOurs(event) && whenSelected((keys) => keys.open())(plate)),
      // The keys of the `g` sequences: alone they do nothing.
      key("g", nothing),
      key("p", nothing),
      key("t", nothing),
      key("i", nothing),
    ],
    [],
    true,
  );
  return (
    <>
      <CommandPalette mode={keyboard.paletteMode} onClose={keyboard.closePalette} />
      <ShortcutsHelp opened={keyboard.helpOpen} onClose={keyboard.closeHelp} />
    </>
  );
}
