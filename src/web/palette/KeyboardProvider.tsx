import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Task } from "../../contract";

/** What the palette opens on: everything (search and commands), or only the ways to add a task. */
export type PaletteMode = "search" | "add";

/** What the keys do on the plate shown; the plate keeps its selection, this only acts on it. */
export interface PlateKeys {
  /** `c`: opens the plate's add form, or puts the cursor back in it. */
  add: () => void;
  /** The open task selected, if any. */
  selected: () => Task | null;
  /** `j` (1) and `k` (-1). */
  step: (by: 1 | -1) => void;
  /** `x`: completes the selected task, with an undo. */
  complete: () => void;
  /** `Shift+↑` (-1) and `Shift+↓` (1): moves the selected task one place, with an undo. */
  move: (by: 1 | -1) => void;
  moveTo: (end: "top" | "bottom") => void;
  /** `Enter`: opens the selected task's drawer. */
  open: () => void;
}

interface Keyboard {
  /** The plate on view, if any. */
  plateKeys: () => PlateKeys | null;
  /** A plate registers what its keys do while it is shown; the answer unregisters it. */
  registerPlate: (keys: () => PlateKeys) => () => void;
  paletteMode: PaletteMode | null;
  openPalette: (mode: PaletteMode) => void;
  closePalette: () => void;
  helpOpen: boolean;
  /** Whether the shortcuts listen yet: they load once the page has drawn. */
  listening: boolean;
  setListening: (listening: boolean) => void;
  openHelp: () => void;
  closeHelp: () => void;
}

const KeyboardContext = createContext<Keyboard | null>(null);

/*
 * The keys, the palette and the shortcuts overlay are one chunk, loaded once the page has drawn: none
 * weighs on a page's first load, and the palette opens at once when asked for.
 */
const KeyboardLayer = lazy(() => import("./KeyboardLayer").then((m) => ({ default: m.KeyboardLayer })));
/** The keyboard of the signed-in app: its shortcuts, the command palette and the shortcuts overlay. */
export function KeyboardProvider({ children }: { children: ReactNode }) {
  const [paletteMode, setPaletteMode] = useState<PaletteMode | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [listening, setListening] = useState(false);
  const plate = useRef<(() => PlateKeys) | null>(null);

  // What never changes is made once: a plate registers once however often the palette opens.
  const actions = useMemo(
    () => ({
      plateKeys: () => plate.current?.() ?? null,
      registerPlate: (keys: () => PlateKeys) => {
        plate.current = keys;
        return () => {
          if (plate.current === keys) plate.current = null;
        };
      },
      openPalette: (mode: PaletteMode) => {
        setHelpOpen(false);
        setPaletteMode(mode);
      },
      closePalette: () => setPaletteMode(null),
      openHelp: () => {
        setPaletteMode(null);
        setHelpOpen(true);
      },
      closeHelp: () => setHelpOpen(false),
      setListening,
    }),
    [],
  );
  const keyboard = useMemo<Keyboard>(
    () => ({ ...actions, paletteMode, helpOpen, listening }),
    [actions, paletteMode, helpOpen, listening],
  );

  return (
    <KeyboardContext value={keyboard}>
      {children}
      <Suspense fallback={null}>
        <KeyboardLayer />
      </Suspense>
    </KeyboardContext>
  );
}

export function useKeyboard(): Keyboard {
  const keyboard = useContext(KeyboardContext);
  if (!keyboard) throw new Error("useKeyboard is used outside the signed-in app");
  return keyboard;
}

/** Lets the keys act on this plate while it is shown; `keys` is read when a key is pressed. */
export function usePlateKeys(keys: PlateKeys): void {
  const keyboard = useContext(KeyboardContext);
  const latest = useRef(keys);
  useLayoutEffect(() => {
    latest.current = keys;
  });
  const register = keyboard?.registerPlate;
  useEffect(() => register?.(() => latest.current), [register]);
}
