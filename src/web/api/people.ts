import { queryOptions } from "@tanstack/react-query";
import type { Person, UpdatePerson } from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

export const peopleQuery = queryOptions({
  queryKey: queryKeys.people,
  queryFn: async () => (await apiFetch<{ items: Person[] }>("/api/v1/people")).items,
});

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.person(id),
    queryFn: () => apiFetch<Person>(`/api/v1/people/${encodeURIComponent(id)}`),
  });

export function updatePerson(id: string, input: UpdatePerson): Promise<Person> {
  return apiFetch<Person>(`/api/v1/people/${encodeURIComponent(id)}`, { method: "PATCH", body: input });
}
