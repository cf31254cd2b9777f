import { Button, Group, Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Request } from "../../contract";
import { peopleQuery } from "../api/people";
import { addAssignees, refreshAfterRequestChange, requestPreviewQuery } from "../api/requests";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { AssigneePicker } from "./AssigneePicker";
import { AssigneePreviewList } from "./AssigneePreviewList";
import { type AssigneeChoice, choiceBody, isEmptyChoice, NO_ONE, requestFieldFor } from "./assignees";

function addLabel(count: number | undefined): string {
  if (!count) return "Add people";
  return count === 1 ? "Add 1 person" : `Add ${count} people`;
}

function AddPeopleForm({ request, meId, onClose }: { request: Request; meId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const people = useQuery(peopleQuery).data ?? [];
  const asked = request.assignees.map((assignee) => assignee.personId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ assignees: AssigneeChoice }>({
    initialValues: { assignees: NO_ONE },
    validate: { assignees: (value) => (isEmptyChoice(value) ? "Choose at least one person or group" : null) },
  });
  const choice = form.values.assignees;
  const preview = useQuery({
    ...requestPreviewQuery(choice.ids, choice.groups),
    placeholderData: (last) => last,
  });
  const count = isEmptyChoice(choice)
    ? undefined
    : preview.data?.filter((item) => !asked.includes(item.personId)).length;

  const submit = form.onSubmit(async ({ assignees }) => {
    setFormError(null);
    try {
      const updated = await addAssignees(request.id, choiceBody(assignees));
      await refreshAfterRequestChange(queryClient, updated);
      onClose();
    } catch (error) {
      const split = splitErrors(error, requestFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <AssigneePicker
          people={people}
          meId={meId}
          excludeIds={asked}
          value={choice}
          onChange={(next) => {
            form.setFieldValue("assignees", next);
            form.clearFieldError("assignees");
          }}
          error={typeof form.errors.assignees === "string" ? form.errors.assignees : null}
        />
        <AssigneePreviewList choice={choice} alreadyAsked={asked} />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {addLabel(count)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Widens an open request: each person added gets a task of their own, as the first ones did. */
export function AddPeopleModal({
  request,
  meId,
  opened,
  onClose,
}: {
  request: Request;
  meId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Add people to “${request.title}”`} size="lg">
      {opened && <AddPeopleForm request={request} meId={meId} onClose={onClose} />}
    </Modal>
  );
}
