import { Alert, Anchor, Button, CloseButton, Group, List, Skeleton, Stack, Text } from "@mantine/core";
import { IconCalendarPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { calendarFeedQuery, createCalendarFeed, stopCalendarFeed } from "../api/calendar";
import { errorMessage } from "../api/errors";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { CopyableSecret } from "../components/CopyableSecret";
import { formatDateTime } from "../components/format";
import { QueryError } from "../components/QueryError";
import { calendarLinks } from "./calendarLinks";
import { SettingsSection } from "./SettingsSection";

function AppLink({ href, children }: { href: string; children: string }) {
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  );
}

/** The address just made: shown this once, with the ways to add it to a calendar. */
function NewAddress({ url, onDismiss }: { url: string; onDismiss: () => void }) {
  const links = calendarLinks(url);
  return (
    <Alert color="teal" icon={<IconCalendarPlus aria-hidden />} title="Your calendar address" role="status">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">
            Copy it now: it will not be shown again. Anyone with it can read your calendar, so keep it like a
            password.
          </Text>
          <CloseButton aria-label="Dismiss" onClick={onDismiss} />
        </Group>
        <CopyableSecret label="Calendar address" value={url} focusOnMount />
        <CopyableSecret
          label="Subscription address (webcal)"
          description="For Apple Calendar and other apps that subscribe to webcal addresses."
          value={links.webcal}
        />
        <List size="sm" spacing={4}>
          <List.Item>
            <AppLink href={links.google}>Add to Google Calendar</AppLink>, or in Google Calendar choose Other
            calendars, +, From URL, and paste the calendar address.
          </List.Item>
          <List.Item>
            <AppLink href={links.outlook}>Add to Outlook</AppLink>, or in Outlook choose Add calendar,
            Subscribe from web, and paste the calendar address.
          </List.Item>
          <List.Item>
            <AppLink href={links.webcal}>Open in Apple Calendar</AppLink>, or choose File, New Calendar
            Subscription, and paste the webcal address.
          </List.Item>
        </List>
      </Stack>
    </Alert>
  );
}

type Confirming = "replace" | "stop" | null;

/** Settings' Calendar section: make, replace or stop the address of one's calendar feed. */
export function CalendarFeedSection() {
  const queryClient = useQueryClient();
  const feed = useQuery(calendarFeedQuery);
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarFeedQuery.queryKey });
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: async (address) => {
      setUrl(address.url);
      setConfirming(null);
      await refresh();
    },
  });
  const stop = useMutation({
    mutationFn: stopCalendarFeed,
    onSuccess: async () => {
      setUrl(null);
      setConfirming(null);
      await refresh();
    },
  });
  const close = () => {
    setConfirming(null);
    create.reset();
    stop.reset();
  };
  const pending = confirming === "stop" ? stop : create;

  return (
    <SettingsSection
      title="Calendar"
      description="Your open tasks with a due date, and your one-on-ones for the next 12 weeks, in the calendar you already use. Calendars read the address about once an hour."
    >
      {feed.isError ? (
        <QueryError error={feed.error} onRetry={() => void feed.refetch()} />
      ) : feed.isPending ? (
        <Skeleton height={36} radius="md" aria-label="Loading the calendar feed" />
      ) : (
        <>
          {url && <NewAddress url={url} onDismiss={() => setUrl(null)} />}
          {feed.data.active && feed.data.createdAt ? (
            <>
              {!url && (
                <Text size="sm">
                  Your calendar address was made on {formatDateTime(feed.data.createdAt)}. It was shown once:
                  make a new address to see one again.
                </Text>
              )}
              <Group>
                <Button variant="default" onClick={() => setConfirming("replace")}>
                  New address
                </Button>
                <Button variant="subtle" color="red" onClick={() => setConfirming("stop")}>
                  Stop the feed
                </Button>
              </Group>
            </>
          ) : (
            <Group>
              <Button onClick={() => create.mutate()} loading={create.isPending}>
                Create calendar address
              </Button>
              {create.isError && confirming === null && (
                <Text size="sm" c="red" role="alert">
                  {errorMessage(create.error)}
                </Text>
              )}
            </Group>
          )}
        </>
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming === "stop" ? "Stop your calendar feed?" : "Make a new calendar address?"}
        confirmLabel={confirming === "stop" ? "Stop the feed" : "Make a new address"}
        pending={pending.isPending}
        onConfirm={() => (confirming === "stop" ? stop.mutate() : create.mutate())}
        onClose={close}
      >
        {confirming === "stop"
          ? "The address stops working at once: calendars subscribed to it stop updating, and you remove the subscription there."
          : "The address you have now stops working at once: calendars subscribed to it stop updating until you add the new one."}
        {pending.isError && (
          <Text component="span" display="block" c="red" size="sm" mt="sm" role="alert">
            {errorMessage(pending.error)}
          </Text>
        )}
      </ConfirmDialog>
    </SettingsSection>
  );
}
