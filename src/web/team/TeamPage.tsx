import { Anchor, EmptyState, Paper, SimpleGrid, Skeleton } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { meQuery } from "../api/me";
import { myOneOnOnesQuery } from "../api/one-on-ones";
import { teamRecordQuery } from "../api/record";
import { teamQuery } from "../api/tasks";
import { loadedWhenOpen } from "../components/loadedWhenOpen";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { goingSeriesWith } from "../one-on-ones/series";
import { TeamMemberCard } from "./TeamMemberCard";

const PLACEHOLDERS = ["first", "second", "third"];

const SetUpOneOnOneModal = loadedWhenOpen(
  () => import("../one-on-ones/SetUpOneOnOneModal").then((m) => m.SetUpOneOnOneModal),
  (props: { opened: boolean }) => props.opened,
);

/** A manager's direct reports, each with their load and the top of their plate. */
export function TeamPage() {
  const me = useSuspenseQuery(meQuery).data;
  const team = useQuery(teamQuery(me.id));
  const quarters = useQuery(teamRecordQuery(me.id));
  const oneOnOnes = useQuery(myOneOnOnesQuery);
  const [settingUpWith, setSettingUpWith] = useState<{ id: string; name: string } | null>(null);
  const now = useNow();

  return (
    <>
      <PageHeader
        title="Team"
        description="Your direct reports: how much is on each plate, what sits at the top, and what they completed this quarter. Open a plate to add to it or change its order."
      />
      {team.isError ? (
        <QueryError error={team.error} onRetry={() => void team.refetch()} />
      ) : team.isPending ? (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} aria-label="Loading your team">
          {PLACEHOLDERS.map((key) => (
            <Skeleton key={key} height={220} radius="md" />
          ))}
        </SimpleGrid>
      ) : team.data.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            size="sm"
            icon={<IconUsersGroup aria-hidden />}
            title="Nobody reports to you yet"
            description={
              <>
                When someone's manager is set to you on the{" "}
                <Anchor renderRoot={(props) => <Link to="/people" {...props} />}>People page</Anchor>, they
                appear here with their plate.
              </>
            }
          />
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {team.data.map((member) => (
            <TeamMemberCard
              key={member.personId}
              member={member}
              viewerZone={me.timeZone}
              now={now}
              quarter={quarters.data?.find((entry) => entry.personId === member.personId)}
              quarterPending={quarters.isPending}
              oneOnOne={oneOnOnes.data && (goingSeriesWith(oneOnOnes.data, me.id, member.personId) ?? null)}
              onSetUpOneOnOne={() => setSettingUpWith({ id: member.personId, name: member.name })}
            />
          ))}
        </SimpleGrid>
      )}
      <SetUpOneOnOneModal
        opened={settingUpWith !== null}
        onClose={() => setSettingUpWith(null)}
        me={me}
        withPerson={settingUpWith}
      />
    </>
  );
}
