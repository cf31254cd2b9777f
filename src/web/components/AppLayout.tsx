import { AppShell, Burger, Group, Skeleton, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Outlet } from "@tanstack/react-router";
import { useLiveEvents } from "../api/live-events";
import { meQuery } from "../api/me";
import { organizationQuery } from "../api/organizations";
import { KeyboardProvider } from "../palette/KeyboardProvider";
import { SearchButton } from "../palette/SearchButton";
import classes from "./AppLayout.module.css";
import { Logo } from "./Logo";
import { MainNav } from "./MainNav";
import { UserMenu } from "./UserMenu";

function OrganizationName({ id }: { id: string }) {
  const organization = useQuery(organizationQuery(id));
  if (organization.isPending) return <Skeleton height={14} width={120} aria-label="Loading organization" />;
  return (
    <Text size="sm" fw={500} c="dimmed" truncate data-testid="organization-name">
      {organization.data?.name ?? "Your organization"}
    </Text>
  );
}

/** The frame of every page inside an organization, with the app's keyboard shortcuts and command palette. */
export function AppLayout() {
  return (
    <KeyboardProvider>
      <AppFrame />
    </KeyboardProvider>
  );
}

/** Header, navigation, and the page itself. */
function AppFrame() {
  const me = useSuspenseQuery(meQuery).data;
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  useLiveEvents();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="lg"
      className={classes.root}
    >
      <AppShell.Header>
        <a href="#main-content" className={classes.skipLink}>
          Skip to content
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? "Close navigation" : "Open navigation"}
            />
            <Logo />
            {me.organizationId && (
              <Group gap="sm" wrap="nowrap" miw={0} visibleFrom="xs">
                <Text c="var(--docket-color-line)" aria-hidden>
                  /
                </Text>
                <OrganizationName id={me.organizationId} />
              </Group>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SearchButton />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar className={classes.navbar}>
        <div className={classes.navContent}>
          <MainNav onNavigate={closeNav} />
        </div>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--docket-color-page)" id="main-content" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
