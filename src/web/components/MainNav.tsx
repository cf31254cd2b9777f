import { NavLink, Stack, Text } from "@mantine/core";
import { IconHierarchy2, IconKey, IconSettings, IconUsers } from "@tabler/icons-react";
import { Link, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";

type AppPath = "/people" | "/org-chart" | "/settings" | "/settings/tokens";

interface NavItem {
  to: AppPath;
  label: string;
  icon: ReactNode;
}

const SECTIONS: { title: string; items: NavItem[] }[] = [
  {
    title: "Organization",
    items: [
      { to: "/people", label: "People", icon: <IconUsers size={18} aria-hidden /> },
      { to: "/org-chart", label: "Org chart", icon: <IconHierarchy2 size={18} aria-hidden /> },
    ],
  },
  {
    title: "You",
    items: [
      { to: "/settings", label: "Settings", icon: <IconSettings size={18} aria-hidden /> },
      { to: "/settings/tokens", label: "API tokens", icon: <IconKey size={18} aria-hidden /> },
    ],
  },
];

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <nav aria-label="Main">
      <Stack gap="lg">
        {SECTIONS.map((section) => (
          <Stack gap={2} key={section.title}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4}>
              {section.title}
            </Text>
            {section.items.map((item) => {
              const active = pathname === item.to;
              return (
                <NavLink
                  key={item.to}
                  label={item.label}
                  leftSection={item.icon}
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
