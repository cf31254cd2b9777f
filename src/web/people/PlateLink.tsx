import { ActionIcon, Tooltip } from "@mantine/core";
import { IconListNumbers, IconMessagePlus } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { Person } from "../../contract";

interface PlateLinkProps {
  person: Person;
  isMe: boolean;
  /** Whether the viewer manages this person, directly or further up: then the plate itself is open to them. */
  managesThem: boolean;
}

/** The way to someone's work from the directory: their plate for those who manage them, else an ask. */
export function PlateLink({ person, isMe, managesThem }: PlateLinkProps) {
  const label = isMe
    ? "Open my plate"
    : managesThem
      ? `Open ${person.name}'s plate`
      : `Ask ${person.name} for something`;
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color={isMe || managesThem ? undefined : "gray"}
        aria-label={label}
        renderRoot={(props) =>
          isMe ? (
            <Link to="/plate" {...props} />
          ) : (
            <Link to="/people/$id/plate" params={{ id: person.id }} {...props} />
          )
        }
      >
        {isMe || managesThem ? (
          <IconListNumbers size={18} aria-hidden />
        ) : (
          <IconMessagePlus size={18} aria-hidden />
        )}
      </ActionIcon>
    </Tooltip>
  );
}
