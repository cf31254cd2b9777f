import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Person, UpdatePerson } from "../../contract";
import { ApiError, errorMessage } from "../api/errors";
import { peopleQuery, updatePerson } from "../api/people";
import { queryKeys } from "../api/queryKeys";

/** One change to one field of a person; each field of a row has its own, so its error stays beside it. */
export function usePersonUpdate(person: Person, field: keyof UpdatePerson, meId: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (patch: UpdatePerson) => updatePerson(person.id, patch),
    onSuccess: (updated) => {
      queryClient.setQueryData(peopleQuery.queryKey, (items) =>
        items?.map((item) => (item.id === updated.id ? updated : item)),
      );
      if (updated.id === meId) return queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
  const error =
    mutation.error instanceof ApiError
      ? (mutation.error.fieldErrors[field] ?? mutation.error.detail)
      : mutation.error && errorMessage(mutation.error);
  return { mutation, error: error || null };
}
