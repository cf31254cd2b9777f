import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconArrowRight, IconChartBar, IconFlame, IconMessages, IconPlus } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { Series, TeamMember, TeamRecordEntry } from "../../contract";
import { DueBadge } from "../components/DueBadge";
import { formatInZone } from "../components/due";
import { LoadSummary } from "../components/LoadSummary";
import { PersonAvatar } from "../components/PersonAvatar";
import { QuarterFigures } from "./QuarterFigures";

interface TeamMemberCardProps {
  member: TeamMember;
  viewerZone: string;
  now: number;
  /** Their quarter so far, read apart from the team so that it never holds the cards back. */
  quarter: TeamRecordEntry | undefined;
  quarterPending: boolean;
  /** My going one-on-one with them: null when there is none, undefined while it is not known yet. */
  oneOnOne: Series | null | undefined;
  onSetUpOneOnOne: () => void;
}

/** Urgent e-mails this person got this week, from anyone: said only when there were some. */
function Interruptions({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <IconFlame size={14} color="var(--mantine-color-red-6)" aria-hidden />
      <Text size="xs" c="red">
        {count} urgent {count === 1 ? "interruption" : "interruptions"} this week
      </Text>
    </Group>
  );
}

/** The way to our one-on-one: its next meeting when one goes on, else a way to set one up. */
function OneOnOneButton({
  member,
  series,
  viewerZone,
  onSetUp,
}: {
  member: TeamMember;
  series: Series | null;
  viewerZone: string;
  onSetUp: () => void;
}) {
  const next = series?.nextMeeting;
  if (series && next) {
    const when = formatInZone(next.scheduledAt, viewerZone);
    return (
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconMessages size={14} aria-hidden />}
        aria-label={`Next 1:1 with ${member.name}: ${when}`}
        renderRoot={(props) => <Link to="/meetings/$id" params={{ id: next.id }} {...props} />}
      >
        1:1 {when}
      </Button>
    );
  }
  return (
    <Button
      size="xs"
      variant="subtle"
      leftSection={<IconMessages size={14} aria-hidden />}
      aria-label={`Set up a 1:1 with ${member.name}`}
      onClick={onSetUp}
    >
      Set up a 1:1
    </Button>
  );
}

/** One direct report: how loaded their plate is, what sits at its top, and their quarter so far. */
export function TeamMemberCard({
  member,
  viewerZone,
  now,
  quarter,
  quarterPending,
  oneOnOne,
  onSetUpOneOnOne,
}: TeamMemberCardProps) {
  const { load, top } = member;
  const more = load.open - top.length;
  return (
    <Paper component="article" withBorder radius="md" p="md" aria-label={member.name}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <PersonAvatar name={member.name} size="md" />
            <Stack gap={0} miw={0}>
              <Anchor
                fw={600}
                c="var(--mantine-color-text)"
                truncate
                renderRoot={(props) => (
                  <Link to="/people/$id/plate" params={{ id: member.personId }} {...props} />
                )}
              >
                {member.name}
              </Anchor>
              <Text size="xs" c="dimmed" truncate>
                {member.title ? `${member.title} · ${member.timeZone}` : member.timeZone}
              </Text>
            </Stack>
          </Group>
        </Group>
        <LoadSummary load={load} label={`${member.name}'s load`} size="xs" />
        <QuarterFigures name={member.name} entry={quarter} pending={quarterPending} />
        <Interruptions count={member.interruptionsThisWeek ?? 0} />
        {top.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing open.
          </Text>
        ) : (
          <Stack
            component="ol"
            gap={6}
            aria-label={`Top of ${member.name}'s plate`}
            style={{ listStyle: "none", padding: 0, margin: 0 }}
          >
            {top.map((task) => (
              <Group component="li" key={task.id} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} c="dimmed" w={20} ta="right" style={{ flexShrink: 0 }}>
                  {task.position}
                </Text>
                <Stack gap={2} miw={0} flex={1}>
                  <Text size="sm" lineClamp={2}>
                    {task.title}
                  </Text>
                  {task.due && (
                    <Group gap={4}>
                      <DueBadge task={task} ownerZone={member.timeZone} viewerZone={viewerZone} now={now} />
                    </Group>
                  )}
                </Stack>
              </Group>
            ))}
            {more > 0 && (
              <Text component="li" size="xs" c="dimmed" pl={28}>
                and {more} more
              </Text>
            )}
          </Stack>
        )}
        <Group gap="xs" mt="auto">
          <Button
            size="xs"
            variant="light"
            rightSection={<IconArrowRight size={14} aria-hidden />}
            aria-label={`Open ${member.name}'s plate`}
            renderRoot={(props) => (
              <Link to="/people/$id/plate" params={{ id: member.personId }} {...props} />
            )}
          >
            Plate
          </Button>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            aria-label={`Add a task to ${member.name}'s plate`}
            renderRoot={(props) => (
              <Link
                to="/people/$id/plate"
                params={{ id: member.personId }}
                search={{ add: true }}
                {...props}
              />
            )}
          >
            Add a task
          </Button>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconChartBar size={14} aria-hidden />}
            aria-label={`Open ${member.name}'s record`}
            renderRoot={(props) => (
              <Link to="/people/$id/record" params={{ id: member.personId }} {...props} />
            )}
          >
            Record
          </Button>
          {oneOnOne !== undefined && (
            <OneOnOneButton
              member={member}
              series={oneOnOne}
              viewerZone={viewerZone}
              onSetUp={onSetUpOneOnOne}
            />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
