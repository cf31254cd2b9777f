import { Accordion, Alert, EmptyState, Paper } from "@mantine/core";
import { IconMailForward, IconServer } from "@tabler/icons-react";
import { useInfiniteQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { OutboxList } from "../../contract/outbox";
import { meQuery } from "../api/me";
import { outboxPagesQuery } from "../api/outbox";
import { AdminListPage } from "../components/AdminListPage";
import { canManagePeople } from "../components/roles";
import { useNow } from "../components/useNow";
import { OutboxMessageItem } from "./OutboxMessageItem";

function DeliveryNote({ delivery }: { delivery: OutboxList["delivery"] }) {
  return delivery === "smtp" ? (
    <Alert color="blue" variant="light" icon={<IconServer aria-hidden />} title="Delivered by SMTP" maw={860}>
      Messages are handed to the SMTP server this Docket is configured with.
    </Alert>
  ) : (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconServer aria-hidden />}
      title="Written to files, not e-mailed"
      maw={860}
    >
      No SMTP server is configured: each message is written as an .eml file to the outbox folder in Docket's
      data directory, and nobody receives it by e-mail.
    </Alert>
  );
}

/** The organization's outgoing e-mail, newest first, for owners and admins: what went, what waits, what failed. */
export function OutboxPage() {
  const me = useSuspenseQuery(meQuery).data;
  const allowed = canManagePeople(me.role);
  const outbox = useInfiniteQuery({ ...outboxPagesQuery, enabled: allowed });
  const [opened, setOpened] = useState<string[]>([]);
  const now = useNow();

  return (
    <AdminListPage
      title="Outbox"
      description="Every digest and urgent e-mail Docket sends for your organization, newest first: sent, waiting for its time or being retried, or canceled."
      allowed={allowed}
      notAllowed={{
        title: "Only owners and admins see the outbox",
        text: "Ask an owner or admin of your organization if an e-mail seems not to have arrived.",
      }}
      list={outbox}
      pending={outbox.isPending}
      onRefresh={() => void outbox.refetch()}
      loadingLabel="Loading the outbox"
    >
      {() => {
        const pages = outbox.data?.pages ?? [];
        const messages = pages.flatMap((page) => page.items);
        const delivery = pages[0]?.delivery ?? "files";
        return (
          <>
            <DeliveryNote delivery={delivery} />
            {messages.length === 0 ? (
              <Paper withBorder radius="md" p="lg">
                <EmptyState
                  size="sm"
                  icon={<IconMailForward aria-hidden />}
                  title="Nothing sent yet"
                  description="Digests go out at each person's digest times when there is something new; urgent e-mails when someone marks another's work urgent; invitations when someone is invited."
                />
              </Paper>
            ) : (
              <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
                <Accordion multiple value={opened} onChange={setOpened}>
                  {messages.map((message) => (
                    <OutboxMessageItem
                      key={message.id}
                      message={message}
                      now={now}
                      opened={opened.includes(message.id)}
                    />
                  ))}
                </Accordion>
              </Paper>
            )}
          </>
        );
      }}
    </AdminListPage>
  );
}
