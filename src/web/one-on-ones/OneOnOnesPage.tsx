import {
  Button,
  Collapse,
  EmptyState,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown, IconChevronRight, IconMessages, IconPlus } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { meQuery } from "../api/me";
import { myOneOnOnesQuery } from "../api/one-on-ones";
import { peopleQuery } from "../api/people";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { SeriesCard } from "./SeriesCard";
import { SetUpOneOnOneModal } from "./SetUpOneOnOneModal";
import { otherParticipant, splitSeries } from "./series";

const PLACEHOLDERS = ["first", "second"];

/** My one-on-ones: each series with its next meeting; ended ones folded away below. */
export function OneOnOnesPage() {
  const me = useSuspenseQuery(meQuery).data;
  const series = useQuery(myOneOnOnesQuery);
  const people = useQuery(peopleQuery);
  const [settingUp, setSettingUp] = useState(false);
  const [endedOpen, { toggle: toggleEnded }] = useDisclosure(false);
  const names = useMemo(
    () => new Map((people.data ?? []).map((person) => [person.id, person.name])),
    [people.data],
  );
  const nameOf = (id: string) => names.get(id) ?? "Someone";
  const { going, ended } = splitSeries(series.data ?? []);

  const setUpButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setSettingUp(true)}>
      Set up a 1:1
    </Button>
  );

  return (
    <>
      <PageHeader
        title="1:1s"
        description="Your one-on-ones, each with its next meeting and what is on its agenda so far."
        actions={setUpButton}
      />
      {series.isError ? (
        <QueryError error={series.error} onRetry={() => void series.refetch()} />
      ) : series.isPending ? (
        <Stack gap="sm" aria-label="Loading your one-on-ones" maw={860}>
          {PLACEHOLDERS.map((key) => (
            <Skeleton key={key} height={96} radius="md" />
          ))}
        </Stack>
      ) : series.data.length === 0 ? (
        <Paper withBorder radius="md" p="lg" maw={860}>
          <EmptyState
            size="sm"
            icon={<IconMessages aria-hidden />}
            title="No one-on-ones yet"
            description="A one-on-one here is a regular meeting of two people, prepared from the plate: what was finished and dropped since last time, what is overdue and what falls due before the next one are on its agenda already, and both of you add talking points. Anything not discussed moves to the next meeting. Set one up with anyone in your organization here, or with a report from their card on the Team page."
          >
            <EmptyState.Actions>{setUpButton}</EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : (
        <Stack gap="lg" maw={860}>
          <Stack gap="sm" component="section" aria-label="Going one-on-ones">
            {going.length === 0 && (
              <Text size="sm" c="dimmed">
                None of your one-on-ones goes on: set up a new one to meet again.
              </Text>
            )}
            {going.map((one) => (
              <SeriesCard
                key={one.id}
                series={one}
                otherName={nameOf(otherParticipant(one, me.id))}
                myZone={me.timeZone}
              />
            ))}
          </Stack>
          {ended.length > 0 && (
            <Stack gap="sm" component="section" aria-labelledby="ended-one-on-ones">
              <UnstyledButton
                onClick={toggleEnded}
                aria-expanded={endedOpen}
                aria-controls="ended-one-on-ones-list"
              >
                <Title order={2} fz="md" id="ended-one-on-ones" c="dimmed">
                  {endedOpen ? (
                    <IconChevronDown size={16} aria-hidden />
                  ) : (
                    <IconChevronRight size={16} aria-hidden />
                  )}{" "}
                  Ended ({ended.length})
                </Title>
              </UnstyledButton>
              <Collapse expanded={endedOpen} id="ended-one-on-ones-list">
                {endedOpen && (
                  <Stack gap="sm">
                    {ended.map((one) => (
                      <SeriesCard
                        key={one.id}
                        series={one}
                        otherName={nameOf(otherParticipant(one, me.id))}
                        myZone={me.timeZone}
                      />
                    ))}
                  </Stack>
                )}
              </Collapse>
            </Stack>
          )}
        </Stack>
      )}
      <SetUpOneOnOneModal opened={settingUp} onClose={() => setSettingUp(false)} me={me} withPerson={null} />
    </>
  );
}
