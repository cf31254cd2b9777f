import { Alert, EmptyState, Skeleton, Stack } from "@mantine/core";
import { IconCalendarQuestion } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { Me, Meeting, Person, Series } from "../../contract";
import { isApiError } from "../api/errors";
import { meQuery } from "../api/me";
import { meetingQuery, seriesMeetingsQuery, seriesQuery } from "../api/one-on-ones";
import { peopleQuery } from "../api/people";
import { formatDate } from "../components/format";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { usePageTitle } from "../components/usePageTitle";
import { firstName } from "../plate/PlateView";
import type { Participant } from "./ActionItemForm";
import { ActionItems } from "./ActionItems";
import { meetingTimes } from "./cadence";
import { FeedbackSince } from "./FeedbackSince";
import { FromThePlate } from "./FromThePlate";
import { MeetingActions } from "./MeetingActions";
import { MeetingGoals } from "./MeetingGoals";
import { MeetingNavigation } from "./MeetingNavigation";
import { PrivateNotePanel } from "./PrivateNotePanel";
import { SharedNotes } from "./SharedNotes";
import { mayPlaceOn, otherParticipant } from "./series";
import { TalkingPoints } from "./TalkingPoints";

function MeetingNotFound() {
  usePageTitle("No meeting by that link");
  return (
    <EmptyState
      mt="xl"
      icon={<IconCalendarQuestion aria-hidden />}
      title="No meeting by that link"
      description="Only the two people of a one-on-one see its meetings, or the address is mistyped."
    />
  );
}

function MeetingSkeleton() {
  return (
    <Stack gap="sm" aria-label="Loading the meeting">
      <Skeleton height={32} width={280} radius="md" />
      <Skeleton height={120} radius="md" maw={900} />
      <Skeleton height={200} radius="md" maw={900} />
    </Stack>
  );
}

/** "Tue, Mar 17, 10:00 AM · 30 minutes · Tue, Mar 17, 9:00 AM Europe/London for Rita". */
function whenPhrase(meeting: Meeting, myZone: string, other: { name: string; timeZone: string }): string {
  const { mine, theirs } = meetingTimes(meeting.scheduledAt, myZone, other.timeZone);
  const minutes = Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.scheduledAt)) / 60_000);
  const parts = [mine, `${minutes} minutes`];
  if (theirs) parts.push(`${theirs} for ${firstName(other.name)}`);
  return parts.join(" · ");
}

interface MeetingScreenProps {
  meeting: Meeting;
  series: Series;
  me: Me;
  people: Person[];
}

function MeetingScreen({ meeting, series, me, people }: MeetingScreenProps) {
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  const upcoming = useQuery(seriesMeetingsQuery(series.id, "upcoming"));
  const past = useQuery(seriesMeetingsQuery(series.id, "past"));
  const byId = useMemo(() => new Map(people.map((person) => [person.id, person])), [people]);
  const otherId = otherParticipant(series, me.id);
  const otherPerson = byId.get(otherId);
  const other: Participant = {
    id: otherId,
    name: otherPerson?.name ?? "Someone",
    timeZone: otherPerson?.timeZone ?? series.timeZone,
    mayPlace: mayPlaceOn(people, me.id, otherId),
  };
  const self: Participant = { id: me.id, name: me.name, timeZone: me.timeZone, mayPlace: true };
  const nameOf = (id: string) => (id === me.id ? me.name : (byId.get(id)?.name ?? "Someone"));
  const personOf = (id: string) =>
    id === me.id ? self : id === other.id ? other : { name: nameOf(id), timeZone: series.timeZone };
  const pastMeetings = past.data ?? [];
  const carriedLabel = (meetingId: string) => {
    const from = pastMeetings.find((one) => one.id === meetingId);
    return from ? `Carried from ${formatDate(from.scheduledAt)}` : "Carried from an earlier meeting";
  };

  return (
    <>
      <PageHeader
        title={`1:1 with ${other.name}`}
        description={whenPhrase(meeting, me.timeZone, other)}
        actions={
          <MeetingActions
            meeting={meeting}
            series={series}
            myZone={me.timeZone}
            otherName={other.name}
            onError={setError}
          />
        }
      />
      <MeetingNavigation meeting={meeting} upcoming={upcoming.data ?? []} past={pastMeetings} />
      <Stack gap="lg" maw={900}>
        {error && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        {series.endedAt && (
          <Alert color="gray" variant="light" title="This series has ended" role="status">
            It ended {formatDate(series.endedAt)}. Its meetings stay readable.
          </Alert>
        )}
        <FromThePlate
          agendas={meeting.fromThePlate}
          meId={me.id}
          personOf={personOf}
          viewerZone={me.timeZone}
          now={now}
        />
        <MeetingGoals goals={meeting.goals} meId={me.id} nameOf={nameOf} now={now} />
        <FeedbackSince feedback={meeting.feedbackSince} meId={me.id} nameOf={nameOf} now={now} />
        <TalkingPoints meeting={meeting} meId={me.id} nameOf={nameOf} carriedLabel={carriedLabel} />
        <SharedNotes key={meeting.id} meeting={meeting} />
        <PrivateNotePanel meetingId={meeting.id} />
        <ActionItems meeting={meeting} me={self} other={other} now={now} />
      </Stack>
    </>
  );
}

/**
 * One meeting of a one-on-one: its agenda from the plates, both people's goals and the feedback since
 * last time, talking points, notes and action items.
 */
export function MeetingPage({ id }: { id: string }) {
  const me = useSuspenseQuery(meQuery).data;
  const meeting = useQuery(meetingQuery(id));
  const seriesId = meeting.data?.seriesId;
  const series = useQuery({ ...seriesQuery(seriesId ?? ""), enabled: seriesId !== undefined });
  const people = useQuery(peopleQuery);
  const failed = meeting.error ?? series.error ?? people.error;
  if (failed) {
    if (isApiError(failed, 404)) return <MeetingNotFound />;
    const retry = () => {
      for (const query of [meeting, series, people]) if (query.isError) void query.refetch();
    };
    return <QueryError error={failed} onRetry={retry} />;
  }
  if (!meeting.data || !series.data || !people.data) return <MeetingSkeleton />;
  return <MeetingScreen meeting={meeting.data} series={series.data} me={me} people={people.data} />;
}
