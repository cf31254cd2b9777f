import { Alert, Button, Group, Tabs } from "@mantine/core";
import { IconMessageQuestion, IconPlus } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { FeedbackRequest } from "../../contract";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { loadedWhenOpen } from "../components/loadedWhenOpen";
import { PageHeader } from "../components/PageHeader";
import { useNow } from "../components/useNow";
import { FeedbackList } from "./FeedbackList";
import { FeedbackRequestList } from "./FeedbackRequestList";
import type { FeedbackSearch, FeedbackTab } from "./feedbackSearch";
import { TeamFeedback } from "./TeamFeedback";
import { teamFeedbackChoice } from "./teamFeedback";

const GiveFeedbackModal = loadedWhenOpen(
  () => import("./GiveFeedbackModal").then((m) => m.GiveFeedbackModal),
  (props: { opened: boolean }) => props.opened,
);
const AskForFeedbackModal = loadedWhenOpen(
  () => import("./AskForFeedbackModal").then((m) => m.AskForFeedbackModal),
  (props: { opened: boolean }) => props.opened,
);

/** What the give form is open for: feedback to anyone, or the answer to a request. */
type Giving = { answering: FeedbackRequest | null } | null;

interface FeedbackPageProps {
  search: FeedbackSearch;
  onSearchChange: (search: FeedbackSearch) => void;
}

/** Feedback I received and gave, and the requests for feedback I was asked and sent. */
export function FeedbackPage({ search, onSearchChange }: FeedbackPageProps) {
  const me = useSuspenseQuery(meQuery).data;
  const people = useQuery(peopleQuery).data;
  const now = useNow();
  const [giving, setGiving] = useState<Giving>(null);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const names = useMemo(() => new Map((people ?? []).map((person) => [person.id, person.name])), [people]);
  const nameOf = (id: string) => (id === me.id ? me.name : (names.get(id) ?? "Someone"));
  const tab: FeedbackTab = search.tab ?? "received";
  const team = teamFeedbackChoice(people ?? [], me.id, search.personId);
  const answer = (request: FeedbackRequest) => {
    setDone(null);
    setGiving({ answering: request });
  };

  return (
    <>
      <PageHeader
        title="Feedback"
        description="Feedback reaches people in their inbox and their digest, never as a message of its own. Private feedback is read by the two of you alone; feedback shared with managers is read by the receiver's managers too."
        actions={
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconMessageQuestion size={16} aria-hidden />}
              onClick={() => {
                setDone(null);
                setAsking(true);
              }}
            >
              Ask for feedback
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                setDone(null);
                setGiving({ answering: null });
              }}
            >
              Give feedback
            </Button>
          </Group>
        }
      />
      {done && (
        <Alert
          color="teal"
          variant="light"
          role="status"
          mb="md"
          withCloseButton
          onClose={() => setDone(null)}
        >
          {done}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(next) =>
          next && onSearchChange(next === "received" ? {} : { tab: next as FeedbackSearch["tab"] })
        }
        keepMounted={false}
        maw={860}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="received">Received</Tabs.Tab>
          <Tabs.Tab value="given">Given</Tabs.Tab>
          <Tabs.Tab value="asked">Asked of you</Tabs.Tab>
          <Tabs.Tab value="sent">You asked</Tabs.Tab>
          {(team.options.length > 0 || tab === "team") && <Tabs.Tab value="team">Your team</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="received">
          <FeedbackList direction="received" nameOf={nameOf} now={now} />
        </Tabs.Panel>
        <Tabs.Panel value="given">
          <FeedbackList direction="given" nameOf={nameOf} now={now} />
        </Tabs.Panel>
        <Tabs.Panel value="asked">
          <FeedbackRequestList
            direction="received"
            meId={me.id}
            nameOf={nameOf}
            now={now}
            onAnswer={answer}
          />
        </Tabs.Panel>
        <Tabs.Panel value="sent">
          <FeedbackRequestList direction="sent" meId={me.id} nameOf={nameOf} now={now} onAnswer={answer} />
        </Tabs.Panel>
        <Tabs.Panel value="team">
          {people && (
            <TeamFeedback
              choice={team}
              nameOf={nameOf}
              now={now}
              onChoose={(personId) => onSearchChange({ tab: "team", personId })}
            />
          )}
        </Tabs.Panel>
      </Tabs>
      <GiveFeedbackModal
        opened={giving !== null}
        onClose={() => setGiving(null)}
        toId={giving?.answering?.aboutId ?? null}
        task={null}
        answering={giving?.answering ?? null}
        onSent={(_feedback, toName) => {
          setGiving(null);
          setDone(`Feedback sent to ${toName}.`);
        }}
      />
      <AskForFeedbackModal
        opened={asking}
        onClose={() => setAsking(false)}
        onAsked={() => {
          setAsking(false);
          setDone("Asked. Each person hears of it in their inbox and digest.");
          onSearchChange({ tab: "sent" });
        }}
      />
    </>
  );
}
