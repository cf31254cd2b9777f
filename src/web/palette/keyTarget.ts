/** What a key press was aimed at, as much of an element as the shortcuts look at. */
export interface KeyTarget {
  tagName: string;
  isContentEditable: boolean;
  closest(selectors: string): unknown;
}

/**
 * The fields where a key is typing: the tags useHotkeys of @mantine/hooks leaves alone by default
 * ("INPUT", "TEXTAREA", "SELECT") and anything editable (it skips contenteditable by default too).
 */
const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** Widgets that take keys of their own while focus is in them: dialogs, drawers, menus and lists to pick from. */
const OWN_KEYS = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/** Whether a key pressed on `target` is someone typing. */
export function isTyping(target: KeyTarget): boolean {
  return TYPING_TAGS.has(target.tagName.toUpperCase()) || target.isContentEditable;
}

/**
 * Whether a single-key shortcut may act on a key pressed on `target`: never while typing, nor inside
 * a dialog, drawer or menu open over the page (what is behind it stays as it is). Keys pressed with
 * nothing focused (the page's body) are shortcuts.
 */
export function shortcutMayAct(target: KeyTarget | null): boolean {
  if (target === null) return true;
  return !isTyping(target) && target.closest(OWN_KEYS) === null;
}

/** An event's target as a KeyTarget, or null when it is not an element (the document itself). */
export function keyTargetOf(event: Event): KeyTarget | null {
  return event.target instanceof HTMLElement ? event.target : null;
}
