import { Anchor, Badge, Group } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { Meeting, MeetingState } from "../../contract";
import { formatDate } from "../components/format";
import { meetingNeighbours } from "./meetingNeighbours";

const STATES: Record<MeetingState, { label: string; color: string }> = {
  upcoming: { label: "Upcoming", color: "blue" },
  held: { label: "Held", color: "teal" },
  skipped: { label: "Skipped", color: "gray" },
};

interface MeetingNavigationProps {
  meeting: Meeting;
  upcoming: Meeting[];
  past: Meeting[];
}

/** The meeting's state, and the way to the series' meetings before and after it, read in order. */
export function MeetingNavigation({ meeting, upcoming, past }: MeetingNavigationProps) {
  const { previous, next } = meetingNeighbours(meeting.id, upcoming, past);
  const state = STATES[meeting.state];
  return (
    <Group justify="space-between" mb="md" component="nav" aria-label="Meetings of this series">
      <Group gap="sm">
        <Badge color={state.color} variant="light" radius="sm" tt="none" size="lg">
          {state.label}
        </Badge>
      </Group>
      <Group gap="md">
        {previous && (
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to="/meetings/$id" params={{ id: previous.id }} {...props} />}
          >
            <Group gap={2} component="span">
              <IconChevronLeft size={14} aria-hidden />
              Previous: {formatDate(previous.scheduledAt)}
            </Group>
          </Anchor>
        )}
        {next && (
          <Anchor
            size="sm"
            renderRoot={(props) => <Link to="/meetings/$id" params={{ id: next.id }} {...props} />}
          >
            <Group gap={2} component="span">
              Next: {formatDate(next.scheduledAt)}
              <IconChevronRight size={14} aria-hidden />
            </Group>
          </Anchor>
        )}
      </Group>
    </Group>
  );
}
