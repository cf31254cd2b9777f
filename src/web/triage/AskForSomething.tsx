import { Alert, Stack } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import type { Person } from "../../contract";
import { PageHeader } from "../components/PageHeader";
import { firstName } from "../plate/PlateView";
import { AskForm } from "./AskForm";

/** Where someone outside a person's management chain lands: no plate to see, a request to send. */
export function AskForSomething({ person, viewerZone }: { person: Person; viewerZone: string }) {
  const name = firstName(person.name);
  return (
    <>
      <PageHeader
        title={`Ask ${person.name} for something`}
        description={
          person.title
            ? `${person.title} · their day runs on ${person.timeZone}`
            : `Their day runs on ${person.timeZone}`
        }
      />
      <Stack gap="md">
        <Alert icon={<IconInfoCircle aria-hidden />} color="indigo" variant="light" maw={720}>
          You are not in {name}'s management chain, so {name}'s plate is for {name} and their managers to see.
          What you ask lands in {name}'s triage: {name} or their manager will place it on the plate, or
          decline it with a reason.
        </Alert>
        <AskForm person={person} viewerZone={viewerZone} />
      </Stack>
    </>
  );
}
