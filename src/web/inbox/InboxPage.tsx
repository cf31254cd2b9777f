import { Alert, Badge, Button, Tabs } from "@mantine/core";
import { IconChecks, IconInbox, IconMail } from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../api/errors";
import { inboxUnreadQuery } from "../api/inbox";
import { meQuery } from "../api/me";
import { PageHeader } from "../components/PageHeader";
import { DigestPreviewPanel } from "./DigestPreviewPanel";
import { InboxFeed } from "./InboxFeed";
import { useMarkRead } from "./useMarkRead";

/** What concerns me, newest first, and the digest it will be gathered into. */
export function InboxPage() {
  const me = useSuspenseQuery(meQuery).data;
  const unread = useQuery(inboxUnreadQuery).data ?? 0;
  const markRead = useMarkRead();
  const [tab, setTab] = useState<string | null>("entries");
  const [marking, setMarking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const markAllRead = async () => {
    setMarking(true);
    setError(null);
    try {
      await markRead("all");
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setMarking(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Changes to your work and to what you asked of others. Nobody is pinged on the spot: these are gathered into your digest."
        actions={
          <Button
            variant="default"
            leftSection={<IconChecks size={18} aria-hidden />}
            onClick={() => void markAllRead()}
            loading={marking}
            disabled={unread === 0}
          >
            Mark all read
          </Button>
        }
      />
      {error && (
        <Alert color="red" role="alert" mb="md" maw={760}>
          {error}
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab
            value="entries"
            leftSection={<IconInbox size={16} aria-hidden />}
            rightSection={
              unread > 0 ? (
                <Badge size="sm" variant="light" radius="sm" tt="none">
                  {unread} unread
                </Badge>
              ) : undefined
            }
          >
            Entries
          </Tabs.Tab>
          <Tabs.Tab value="digest" leftSection={<IconMail size={16} aria-hidden />}>
            Preview my next digest
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries">
          <InboxFeed me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="digest">
          <DigestPreviewPanel me={me} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
