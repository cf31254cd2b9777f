import { useSuspenseQuery } from "@tanstack/react-query";
import { meQuery } from "../api/me";
import { PageHeader } from "../components/PageHeader";
import { SettingsForm } from "./SettingsForm";

export function SettingsPage() {
  const me = useSuspenseQuery(meQuery).data;
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your profile, your time zone, and when Docket may reach you."
      />
      <SettingsForm key={me.id} me={me} />
    </>
  );
}
