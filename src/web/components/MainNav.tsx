import { Badge, NavLink, Stack, Text } from "@mantine/core";
import {
  IconChartBar,
  IconHierarchy2,
  IconHistory,
  IconInbox,
  IconKey,
  IconListNumbers,
  IconMailForward,
  IconMessageHeart,
  IconMessages,
  IconSend,
  IconSettings,
  IconTarget,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from "@tabler/icons-react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { inboxUnreadQuery } from "../api/inbox";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { plateQuery } from "../api/tasks";
import { canManagePeople } from "./roles";

type AppPath =
  | "/inbox"
  | "/plate"
  | "/record"
  | "/team"
  | "/requests"
  | "/one-on-ones"
  | "/goals"
  | "/feedback"
  | "/people"
  | "/org-chart"
  | "/outbox"
  | "/audit"
  | "/webhooks"
  | "/settings"
  | "/settings/tokens";

interface NavItem {
  to: AppPath;
  label: string;
  icon: ReactNode;
  badge?: ReactNode;
  /** Also active on the pages below it, e.g. one request under Requests. */
  covers?: string;
}

function TriageCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="light" color="grape" radius="sm" aria-label={`${count} in triage`}>
      {count}
    </Badge>
  );
}

function UnreadCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="filled" color="blue" radius="sm" aria-label={`${count} unread`}>
      {count > 99 ? "99+" : count}
    </Badge>
  );
}

function useSections(): { title: string; items: NavItem[] }[] {
  const me = useSuspenseQuery(meQuery).data;
  const hasReports = (useQuery(peopleQuery).data ?? []).some((person) => person.managerId === me.id);
  const triage = useQuery(plateQuery(me.id)).data?.load.triage ?? 0;
  const unread = useQuery(inboxUnreadQuery).data ?? 0;
  const work: NavItem[] = [
    {
      to: "/inbox",
      label: "Inbox",
      icon: <IconInbox size={18} aria-hidden />,
      badge: <UnreadCount count={unread} />,
    },
    {
      to: "/plate",
      label: "My plate",
      icon: <IconListNumbers size={18} aria-hidden />,
      badge: <TriageCount count={triage} />,
    },
    { to: "/record", label: "My record", icon: <IconChartBar size={18} aria-hidden /> },
  ];
  if (hasReports) work.push({ to: "/team", label: "Team", icon: <IconUsersGroup size={18} aria-hidden /> });
  work.push(
    {
      to: "/one-on-ones",
      label: "1:1s",
      icon: <IconMessages size={18} aria-hidden />,
      covers: "/meetings/",
    },
    {
      to: "/requests",
      label: "Requests",
      icon: <IconSend size={18} aria-hidden />,
      covers: "/requests/",
    },
    { to: "/goals", label: "Goals", icon: <IconTarget size={18} aria-hidden />, covers: "/goals/" },
    { to: "/feedback", label: "Feedback", icon: <IconMessageHeart size={18} aria-hidden /> },
  );
  const organization: NavItem[] = [
    { to: "/people", label: "People", icon: <IconUsers size={18} aria-hidden /> },
    { to: "/org-chart", label: "Org chart", icon: <IconHierarchy2 size={18} aria-hidden /> },
  ];
  if (canManagePeople(me.role)) {
    organization.push(
      { to: "/outbox", label: "Outbox", icon: <IconMailForward size={18} aria-hidden /> },
      { to: "/audit", label: "Audit log", icon: <IconHistory size={18} aria-hidden /> },
      { to: "/webhooks", label: "Webhooks", icon: <IconWebhook size={18} aria-hidden /> },
    );
  }
  return [
    { title: "Work", items: work },
    { title: "Organization", items: organization },
    {
      title: "You",
      items: [
        { to: "/settings", label: "Settings", icon: <IconSettings size={18} aria-hidden /> },
        { to: "/settings/tokens", label: "API tokens", icon: <IconKey size={18} aria-hidden /> },
      ],
    },
  ];
}

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const sections = useSections();
  return (
    <nav aria-label="Main">
      <Stack gap="lg">
        {sections.map((section) => (
          <Stack gap={2} key={section.title}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4}>
              {section.title}
            </Text>
            {section.items.map((item) => {
              const active =
                pathname === item.to || (item.covers !== undefined && pathname.startsWith(item.covers));
              return (
                <NavLink
                  key={item.to}
                  label={item.label}
                  leftSection={item.icon}
                  rightSection={item.badge}
                  active={active}
                  aria-current={active ? "page" : undefined}
                  onClick={onNavigate}
                  renderRoot={(props) => <Link to={item.to} activeOptions={{ exact: true }} {...props} />}
                  style={{ borderRadius: "var(--mantine-radius-md)" }}
                />
              );
            })}
          </Stack>
        ))}
      </Stack>
    </nav>
  );
}
