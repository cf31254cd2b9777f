import { Button, Kbd } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useKeyboard } from "./KeyboardProvider";

const onMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's way into the command palette, for the pointer, with the keys that open it once they listen. */
export function SearchButton() {
  const { openPalette, listening } = useKeyboard();
  return (
    <Button
      variant="default"
      size="compact-md"
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        <Kbd size="xs" visibleFrom="sm" aria-hidden>
          {onMac ? "⌘ K" : "Ctrl K"}
        </Kbd>
      }
      aria-keyshortcuts={listening ? (onMac ? "Meta+K /" : "Control+K /") : undefined}
      onClick={() => openPalette("search")}
      fw={400}
      c="dimmed"
    >
      Search
    </Button>
  );
}
