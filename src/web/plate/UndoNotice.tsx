import { Affix, Button, CloseButton, Group, Paper, Text } from "@mantine/core";
import { IconArrowBackUp } from "@tabler/icons-react";
import { type UndoOffer, undoMessage } from "./undoState";

interface UndoNoticeProps {
  offer: UndoOffer | null;
  onUndo: () => void;
  onDismiss: () => void;
  /** The pointer or focus is on the notice: it stays until they leave. */
  onHold: () => void;
  onRelease: () => void;
}

/**
 * What was just done to the plate, with Undo, for a few seconds at the bottom of the window. The live
 * region is always there, so that screen readers hear each new notice.
 */
export function UndoNotice({ offer, onUndo, onDismiss, onHold, onRelease }: UndoNoticeProps) {
  return (
    <Affix position={{ bottom: 24, left: 0, right: 0 }} style={{ pointerEvents: "none" }}>
      <Group justify="center" px="md" role="status" aria-live="polite">
        {offer && (
          <Paper
            shadow="md"
            radius="md"
            px="md"
            py="xs"
            bg="dark.6"
            c="white"
            style={{ pointerEvents: "auto" }}
            onMouseEnter={onHold}
            onMouseLeave={onRelease}
            onFocus={onHold}
            onBlur={onRelease}
          >
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" maw={420} truncate="end">
                {undoMessage(offer)}
              </Text>
              <Button
                size="compact-sm"
                variant="white"
                color="dark"
                leftSection={<IconArrowBackUp size={14} aria-hidden />}
                onClick={onUndo}
              >
                Undo
              </Button>
              <CloseButton
                size="sm"
                variant="transparent"
                c="gray.4"
                aria-label="Dismiss"
                onClick={onDismiss}
              />
            </Group>
          </Paper>
        )}
      </Group>
    </Affix>
  );
}
