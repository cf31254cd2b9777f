import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Series } from "../../contract";
import { seriesMeetingsQuery } from "../api/one-on-ones";
import { formatDate } from "../components/format";
import { PersonAvatar } from "../components/PersonAvatar";
import { cadencePhrase, meetingTimes } from "./cadence";

interface SeriesCardProps {
  series: Series;
  otherName: string;
  myZone: string;
}

function pointsLabel(count: number): string {
  if (count === 0) return "No talking points yet";
  return count === 1 ? "1 talking point" : `${count} talking points`;
}

/** The last meeting of an ended series, where its past meetings can be read from. */
function LastMeetingLink({ seriesId }: { seriesId: string }) {
  const past = useQuery(seriesMeetingsQuery(seriesId, "past"));
  const last = past.data?.[0];
  if (!last) return null;
  return (
    <Anchor size="sm" renderRoot={(props) => <Link to="/meetings/$id" params={{ id: last.id }} {...props} />}>
      Last meeting, {formatDate(last.scheduledAt)}
    </Anchor>
  );
}

/** One series: with whom, how often, and its next meeting with how full its agenda is. */
export function SeriesCard({ series, otherName, myZone }: SeriesCardProps) {
  const next = series.nextMeeting;
  const times = next ? meetingTimes(next.scheduledAt, myZone, series.timeZone) : null;
  return (
    <Paper component="article" withBorder radius="md" p="md" aria-label={`1:1 with ${otherName}`}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
          <PersonAvatar name={otherName} size="md" />
          <Stack gap={2} miw={0}>
            <Text fw={600}>{otherName}</Text>
            <Text size="sm" c="dimmed">
              {cadencePhrase(series.cadence, series.timeZone)}
            </Text>
            {series.endedAt ? (
              <Group gap="sm">
                <Text size="sm">Ended {formatDate(series.endedAt)}</Text>
                <LastMeetingLink seriesId={series.id} />
              </Group>
            ) : (
              next &&
              times && (
                <Stack gap={2}>
                  <Text size="sm">
                    Next: <strong>{times.mine}</strong>
                    {times.theirs && <Text span c="dimmed" size="sm">{` (${times.theirs})`}</Text>}
                  </Text>
                  <Group gap="xs">
                    <Badge
                      variant="light"
                      color={next.talkingPoints.length > 0 ? "blue" : "gray"}
                      radius="sm"
                      tt="none"
                    >
                      {pointsLabel(next.talkingPoints.length)}
                    </Badge>
                  </Group>
                </Stack>
              )
            )}
          </Stack>
        </Group>
        {next && !series.endedAt && (
          <Button
            size="xs"
            variant="light"
            rightSection={<IconArrowRight size={14} aria-hidden />}
            aria-label={`Open the next 1:1 with ${otherName}`}
            renderRoot={(props) => <Link to="/meetings/$id" params={{ id: next.id }} {...props} />}
          >
            Open
          </Button>
        )}
      </Group>
    </Paper>
  );
}
