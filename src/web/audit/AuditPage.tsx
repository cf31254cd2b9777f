import { EmptyState, Paper, Stack, Text } from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { auditPagesQuery } from "../api/audit";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { AdminListPage } from "../components/AdminListPage";
import { formatDateTime, formatRelative } from "../components/format";
import { canManagePeople } from "../components/roles";
import { useNow } from "../components/useNow";
import { auditSentence } from "./auditSentence";

/** What owners and admins did in the organization, newest first, each as a sentence. */
export function AuditPage() {
  const me = useSuspenseQuery(meQuery).data;
  const allowed = canManagePeople(me.role);
  const audit = useInfiniteQuery({ ...auditPagesQuery, enabled: allowed });
  const people = useQuery({ ...peopleQuery, enabled: allowed });
  const now = useNow();

  const context = useMemo(() => {
    const names = new Map((people.data ?? []).map((person) => [person.id, person.name]));
    return { nameOf: (id: string) => names.get(id) };
  }, [people.data]);

  return (
    <AdminListPage
      title="Audit log"
      description="Who changed roles, reporting lines and titles, who invited whom, and changes to the organization and its rules, newest first. Entries are kept for good."
      allowed={allowed}
      notAllowed={{
        title: "Only owners and admins see the audit log",
        text: "Ask an owner or admin of your organization who changed a role, a reporting line or the organization's rules.",
      }}
      list={audit}
      // Names come from the directory; if it cannot be read, people read "someone" rather than hiding the log.
      pending={audit.isPending || people.isPending}
      onRefresh={() => {
        void audit.refetch();
        void people.refetch();
      }}
      loadingLabel="Loading the audit log"
    >
      {() => {
        const events = (audit.data?.pages ?? []).flatMap((page) => page.items);
        return (
          <>
            {events.length === 0 ? (
              <Paper withBorder radius="md" p="lg">
                <EmptyState
                  size="sm"
                  icon={<IconHistory aria-hidden />}
                  title="Nothing recorded yet"
                  description="Changes to roles, reporting lines and titles, invitations, and the organization's name and rules show here as owners and admins make them."
                />
              </Paper>
            ) : (
              <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                <Stack
                  component="ol"
                  gap={0}
                  m={0}
                  p={0}
                  style={{ listStyle: "none" }}
                  aria-label="Audit log"
                >
                  {events.map((event, index) => (
                    <Stack
                      component="li"
                      key={event.id}
                      gap={2}
                      px="md"
                      py="sm"
                      style={
                        index > 0 ? { borderTop: "1px solid var(--mantine-color-default-border)" } : undefined
                      }
                    >
                      <Text size="sm">{auditSentence(event, context)}</Text>
                      <Text size="xs" c="dimmed">
                        <time dateTime={event.at} title={formatDateTime(event.at)}>
                          {formatRelative(event.at, now)}
                        </time>
                      </Text>
                    </Stack>
                  ))}
                </Stack>
              </Paper>
            )}
          </>
        );
      }}
    </AdminListPage>
  );
}
