import { EmptyState } from "@mantine/core";
import { IconUserQuestion } from "@tabler/icons-react";
import { type UseQueryResult, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import type { Person } from "../../contract";
import { isApiError } from "../api/errors";
import { meQuery } from "../api/me";
import { personQuery } from "../api/people";
import { QueryError } from "../components/QueryError";
import { usePageTitle } from "../components/usePageTitle";

/** Whose page this is: the viewer (known from `me` at once) or someone read by id, undefined while loading. */
export function usePagePerson(personId: string) {
  const me = useSuspenseQuery(meQuery).data;
  const isMine = personId === me.id;
  const person = useQuery({ ...personQuery(personId), enabled: !isMine });
  const subject: Pick<Person, "id" | "name" | "timeZone"> | undefined = isMine
    ? { id: me.id, name: me.name, timeZone: me.timeZone }
    : person.data;
  return { me, isMine, person, subject };
}

/** What a person's page shows when that person could not be read: nobody by that link, or the error. */
export function PagePersonError({ person }: { person: UseQueryResult<Person> }) {
  const nobody = isApiError(person.error, 404);
  usePageTitle(nobody ? "Nobody by that link" : "Page not loaded");
  if (nobody) {
    return (
      <EmptyState
        mt="xl"
        icon={<IconUserQuestion aria-hidden />}
        title="Nobody by that link"
        description="This person is not in your organization, or the address is mistyped."
      />
    );
  }
  return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
}
