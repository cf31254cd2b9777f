import { Button, EmptyState, Group, Paper, Skeleton, Stack } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Me } from "../../contract";
import type { InboxItem } from "../../contract/inbox";
import { inboxPagesQuery } from "../api/inbox";
import { organizationQuery } from "../api/organizations";
import { peopleQuery } from "../api/people";
import { formatDue } from "../components/due";
import { QueryError } from "../components/QueryError";
import { useNow } from "../components/useNow";
import { isAbove } from "../people/reportingChain";
import classes from "./Inbox.module.css";
import { InboxEntry } from "./InboxEntry";
import { inboxSentence } from "./inboxSentence";
import { inboxTarget } from "./inboxTarget";
import { useMarkRead } from "./useMarkRead";

/** Every entry of my inbox, newest first, a page at a time. */
export function InboxFeed({ me }: { me: Me }) {
  const inbox = useInfiniteQuery(inboxPagesQuery);
  const people = useQuery(peopleQuery).data;
  const organization = useQuery({
    ...organizationQuery(me.organizationId ?? ""),
    enabled: me.organizationId !== null,
  }).data;
  const now = useNow();
  const markRead = useMarkRead();

  const context = useMemo(() => {
    const names = new Map((people ?? []).map((person) => [person.id, person.name]));
    return {
      meId: me.id,
      nameOf: (id: string) => names.get(id) ?? "Someone",
      formatDue: (due: Parameters<typeof formatDue>[0]) => formatDue(due, me.timeZone),
      staleAfterDays: organization?.settings?.staleAfterDays ?? null,
      canSeePlateOf: (ownerId: string) => isAbove(people ?? [], me.id, ownerId),
    };
  }, [people, organization, me.id, me.timeZone]);

  const open = (item: InboxItem) => {
    if (item.readAt === null) void markRead([item.id]).catch(() => {});
  };

  if (inbox.isError) return <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />;
  if (inbox.isPending || people === undefined) {
    return <Skeleton height={240} radius="md" maw={760} aria-label="Loading your inbox" />;
  }
  // An entry that changed while older pages were read may show on two pages: keep its newest place.
  const seen = new Set<string>();
  const items = inbox.data.pages
    .flatMap((page) => page.items)
    .filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg" maw={760}>
        <EmptyState
          size="sm"
          icon={<IconInbox aria-hidden />}
          title="Nothing here yet"
          description="When someone adds to your plate, moves your work, or answers what you asked, it is written down here and gathered into your next digest. Nothing pings you on the spot."
        />
      </Paper>
    );
  }
  return (
    <Stack gap="sm" maw={760}>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <ul className={classes.list} aria-label="Inbox entries">
          {items.map((item) => (
            <InboxEntry
              key={item.id}
              item={item}
              sentence={inboxSentence(item, context)}
              target={inboxTarget(item, me.id, context.canSeePlateOf)}
              now={now}
              onOpen={open}
            />
          ))}
        </ul>
      </Paper>
      {inbox.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void inbox.fetchNextPage()}
            loading={inbox.isFetchingNextPage}
          >
            Load older
          </Button>
        </Group>
      )}
    </Stack>
  );
}
