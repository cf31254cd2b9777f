/** One line of the shortcuts overlay: the keys, pressed together or one after the other, and what they do. */
export interface Shortcut {
  /** Each way of pressing it; within one, the keys pressed together. */
  keys: string[][];
  /** "then": the keys of each way are pressed one after the other. */
  sequence?: boolean;
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** Every keyboard shortcut of the app, as the `?` overlay lists them (KeyboardLayer binds them). */
export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: "Anywhere",
    shortcuts: [
      {
        keys: [
          ["Ctrl", "K"],
          ["⌘", "K"],
        ],
        does: "Open the command palette",
      },
      { keys: [["/"]], does: "Search" },
      { keys: [["c"]], does: "Add a task (to the plate shown, else choose whose plate)" },
      { keys: [["g", "p"]], sequence: true, does: "Go to My plate" },
      { keys: [["g", "t"]], sequence: true, does: "Go to Team" },
      { keys: [["g", "i"]], sequence: true, does: "Go to Inbox" },
      { keys: [["?"]], does: "Show these shortcuts" },
      { keys: [["Esc"]], does: "Close the palette or a dialog" },
    ],
  },
  {
    title: "On a plate",
    shortcuts: [
      { keys: [["j"], ["k"]], does: "Select the next or the previous task" },
      { keys: [["Enter"]], does: "Open the selected task's details" },
      { keys: [["x"]], does: "Complete the selected task" },
      {
        keys: [
          ["Shift", "↑"],
          ["Shift", "↓"],
        ],
        does: "Move the selected task up or down one place",
      },
    ],
  },
];
