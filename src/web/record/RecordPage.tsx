import { Alert, Button, EmptyState, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconListNumbers, IconLock } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo } from "react";
import type { Me, Person } from "../../contract";
import { isApiError } from "../api/errors";
import { peopleQuery } from "../api/people";
import { recordQuery } from "../api/record";
import { todayIn } from "../components/due";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { PagePersonError, usePagePerson } from "../people/usePagePerson";
import { firstName } from "../plate/PlateView";
import { PacketDownloads } from "./PacketDownloads";
import { PeriodPicker } from "./PeriodPicker";
import { customPeriodProblem } from "./period";
import { RecordContent } from "./RecordContent";
import { choiceOf, periodOfSearch, type RecordSearch, searchFor } from "./recordSearch";
import { formatPeriod } from "./wording";

interface RecordPageProps {
  personId: string;
  search: RecordSearch;
  onSearchChange: (search: RecordSearch) => void;
}

type Subject = Pick<Person, "id" | "name" | "timeZone">;

/** One person's track record over a period, for them or for someone in their management chain. */
export function RecordPage({ personId, search, onSearchChange }: RecordPageProps) {
  const { me, isMine, person, subject } = usePagePerson(personId);
  if (!isMine && person.isError) return <PagePersonError person={person} />;
  if (!subject) return <RecordSkeleton />;
  return (
    <RecordScreen
      key={subject.id}
      me={me}
      subject={subject}
      isMine={isMine}
      search={search}
      onSearchChange={onSearchChange}
    />
  );
}

function RecordHidden({ subject }: { subject: Subject }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <EmptyState
        size="sm"
        icon={<IconLock aria-hidden />}
        title="This record is not open to you"
        description={`${subject.name}'s record is for ${firstName(subject.name)} and the people they report to.`}
      />
    </Paper>
  );
}

function RecordSkeleton() {
  return (
    <Stack gap="sm" aria-label="Loading the record">
      <Skeleton height={32} width={240} radius="md" />
      <Skeleton height={28} width={420} radius="md" />
      <Skeleton height={96} radius="md" />
      <Skeleton height={280} radius="md" />
    </Stack>
  );
}

interface RecordScreenProps {
  me: Me;
  subject: Subject;
  isMine: boolean;
  search: RecordSearch;
  onSearchChange: (search: RecordSearch) => void;
}

function describeRecord(subject: Subject, isMine: boolean): string {
  if (isMine) {
    return "What you completed and dropped, each judged against the due date in force when it finished. Your manager sees the same record.";
  }
  const name = firstName(subject.name);
  return `What ${name} completed and dropped, each judged against the due date in force when it finished. Dates follow ${name}'s day in ${subject.timeZone}.`;
}

function RecordScreen({ me, subject, isMine, search, onSearchChange }: RecordScreenProps) {
  const now = useNow();
  const today = todayIn(subject.timeZone, now);
  const choice = choiceOf(search);
  const period = periodOfSearch(search, today);
  const problem = choice === "custom" ? customPeriodProblem(period) : null;
  const record = useQuery({
    ...recordQuery(subject.id, period),
    enabled: problem === null,
    placeholderData: keepPreviousData,
  });
  const people = useQuery(peopleQuery).data;
  const names = useMemo(() => new Map((people ?? []).map((person) => [person.id, person.name])), [people]);
  const nameOf = (id: string) => (id === me.id ? me.name : (names.get(id) ?? "Someone"));

  return (
    <>
      <PageHeader
        title={isMine ? "My record" : `${subject.name}'s record`}
        description={describeRecord(subject, isMine)}
        actions={
          <Button
            variant="default"
            leftSection={<IconListNumbers size={18} aria-hidden />}
            renderRoot={(props) =>
              isMine ? (
                <Link to="/plate" {...props} />
              ) : (
                <Link to="/people/$id/plate" params={{ id: subject.id }} {...props} />
              )
            }
          >
            {isMine ? "My plate" : "Open plate"}
          </Button>
        }
      />
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4}>
            <PeriodPicker
              choice={choice}
              period={period}
              onChange={(next, dates) => onSearchChange(searchFor(next, dates))}
            />
            {!problem && (
              <Text size="sm" c="dimmed">
                {formatPeriod(period)}
              </Text>
            )}
          </Stack>
          {!problem && <PacketDownloads personId={subject.id} period={period} />}
        </Group>
        {problem ? (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title="These dates do not make a period"
          >
            {problem}
          </Alert>
        ) : record.isError && isApiError(record.error, 404) ? (
          <RecordHidden subject={subject} />
        ) : record.isError ? (
          <QueryError error={record.error} onRetry={() => void record.refetch()} />
        ) : record.isPending ? (
          <Skeleton height={380} radius="md" aria-label="Loading the record" />
        ) : (
          <RecordContent
            record={record.data}
            firstName={firstName(subject.name)}
            isMine={isMine}
            meId={me.id}
            viewerZone={me.timeZone}
            nameOf={nameOf}
            now={now}
            stale={record.isPlaceholderData}
          />
        )}
      </Stack>
    </>
  );
}
