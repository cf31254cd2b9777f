import { Group, Stack, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { InboxItem } from "../../contract/inbox";
import { formatDateTime, formatRelative } from "../components/format";
import classes from "./Inbox.module.css";
import type { InboxTarget } from "./inboxTarget";

interface InboxEntryProps {
  item: InboxItem;
  sentence: string;
  target: InboxTarget | null;
  now: number;
  /** Marks the entry read; called when it is opened. */
  onOpen: (item: InboxItem) => void;
}

function EntryAction({
  target,
  onClick,
  children,
}: {
  target: InboxTarget | null;
  onClick: () => void;
  children: ReactNode;
}) {
  if (!target) {
    return (
      <UnstyledButton className={classes.action} onClick={onClick}>
        {children}
      </UnstyledButton>
    );
  }
  if (target.to === "/plate") {
    return (
      <Link to="/plate" search={target.search} className={classes.action} onClick={onClick}>
        {children}
      </Link>
    );
  }
  if (target.to === "/feedback") {
    return (
      <Link to="/feedback" search={target.search} className={classes.action} onClick={onClick}>
        {children}
      </Link>
    );
  }
  if (target.to === "/webhooks") {
    return (
      <Link to="/webhooks" search={target.search} className={classes.action} onClick={onClick}>
        {children}
      </Link>
    );
  }
  if (target.to === "/people/$id/plate") {
    return (
      <Link
        to={target.to}
        params={target.params}
        search={target.search}
        className={classes.action}
        onClick={onClick}
      >
        {children}
      </Link>
    );
  }
  return (
    <Link to={target.to} params={target.params} className={classes.action} onClick={onClick}>
      {children}
    </Link>
  );
}

/** One entry: what happened as a sentence, and when; unread ones stand out until opened. */
export function InboxEntry({ item, sentence, target, now, onOpen }: InboxEntryProps) {
  const unread = item.readAt === null;
  return (
    <li className={classes.item} data-unread={unread || undefined}>
      <EntryAction target={target} onClick={() => onOpen(item)}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <span className={classes.dot} data-read={!unread || undefined} aria-hidden />
          <Stack gap={2} miw={0}>
            <Text size="sm" fw={unread ? 600 : 400}>
              {unread && <VisuallyHidden>Unread: </VisuallyHidden>}
              {sentence}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={item.at} title={formatDateTime(item.at)}>
                {formatRelative(item.at, now)}
              </time>
              {!target && unread && " · click to mark read"}
            </Text>
          </Stack>
        </Group>
      </EntryAction>
    </li>
  );
}
