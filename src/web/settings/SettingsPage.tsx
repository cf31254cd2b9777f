import { Stack } from "@mantine/core";
import { useSuspenseQuery } from "@tanstack/react-query";
import { meQuery } from "../api/me";
import { PageHeader } from "../components/PageHeader";
import { canManagePeople } from "../components/roles";
import { AppearanceSection } from "./AppearanceSection";
import { CalendarFeedSection } from "./CalendarFeedSection";
import { OrganizationRulesSection } from "./OrganizationRulesSection";
import { PasswordSection } from "./PasswordSection";
import { SettingsForm } from "./SettingsForm";

export function SettingsPage() {
  const me = useSuspenseQuery(meQuery).data;
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your profile, and your notifications: when Docket may reach you, and when it stays quiet."
      />
      <Stack gap="lg">
        <SettingsForm key={me.id} me={me} />
        <Stack maw={880}>
          <AppearanceSection />
        </Stack>
        <Stack maw={880}>
          <PasswordSection />
        </Stack>
        <Stack maw={880}>
          <CalendarFeedSection />
        </Stack>
        {me.organizationId && canManagePeople(me.role) && (
          <Stack maw={880}>
            <OrganizationRulesSection organizationId={me.organizationId} />
          </Stack>
        )}
      </Stack>
    </>
  );
}
