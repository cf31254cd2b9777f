import { Button, Divider, Group, Paper, Stack, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconSend } from "@tabler/icons-react";
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { meQuery } from "../api/me";
import { peopleQuery } from "../api/people";
import { createRequest, refreshAfterRequestChange, requestPreviewQuery } from "../api/requests";
import { UNREADABLE_DATE } from "../components/DateField";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { PageHeader } from "../components/PageHeader";
import { textProblem } from "../components/textLimits";
import { AssigneePicker } from "./AssigneePicker";
import { AssigneePreviewList } from "./AssigneePreviewList";
import { type AssigneeChoice, choiceBody, isEmptyChoice, NO_ONE, requestFieldFor } from "./assignees";
import { RequestDueField } from "./RequestDueField";

interface RequestValues {
  title: string;
  notes: string;
  due: string;
  /** Whether the date field holds something that is not a date (30 February). */
  dueUnreadable: boolean;
  assignees: AssigneeChoice;
}

function sendLabel(count: number | undefined): string {
  if (!count) return "Send request";
  return count === 1 ? "Send to 1 person" : `Send to ${count} people`;
}

/** One ask to many people: each gets a task of their own, and the request follows them all. */
export function NewRequestPage() {
  const me = useSuspenseQuery(meQuery).data;
  const people = useQuery(peopleQuery).data ?? [];
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RequestValues>({
    initialValues: { title: "", notes: "", due: "", dueUnreadable: false, assignees: NO_ONE },
    validate: {
      title: (value) => textProblem("requestTitle", value, "Say what you are asking for"),
      due: (_due, values) => (values.dueUnreadable ? UNREADABLE_DATE : null),
      assignees: (value) => (isEmptyChoice(value) ? "Choose at least one person or group" : null),
    },
  });
  const choice = form.values.assignees;
  const preview = useQuery({
    ...requestPreviewQuery(choice.ids, choice.groups),
    placeholderData: (last) => last,
  });
  const count = isEmptyChoice(choice) ? undefined : preview.data?.length;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const request = await createRequest({
        title: values.title.trim(),
        notes: values.notes.trim() ? values.notes : undefined,
        due: values.due ? { date: values.due } : undefined,
        ...choiceBody(values.assignees),
      });
      await refreshAfterRequestChange(queryClient, request);
      await navigate({ to: "/requests/$id", params: { id: request.id } });
    } catch (error) {
      const split = splitErrors(error, requestFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <>
      <PageHeader
        title="New request"
        description="Ask several people for the same thing. Each gets a task of their own, and you follow who has done it."
      />
      <Paper withBorder radius="md" p="lg" maw={760}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <LimitedTextInput
              kind="requestTitle"
              label="Title"
              placeholder="What do you need from each person?"
              required
              data-autofocus
              {...form.getInputProps("title")}
            />
            <Textarea
              label="Notes"
              placeholder="Why it matters, links, what done looks like"
              autosize
              minRows={3}
              maxRows={10}
              {...form.getInputProps("notes")}
            />
            <RequestDueField
              value={form.values.due}
              onChange={(due) => form.setFieldValue("due", due)}
              unreadable={form.values.dueUnreadable}
              onUnreadableChange={(unreadable) => form.setFieldValue("dueUnreadable", unreadable)}
              error={typeof form.errors.due === "string" ? form.errors.due : null}
            />
            <Divider my="xs" />
            <Title order={2} fz="md">
              Who to ask
            </Title>
            <AssigneePicker
              people={people}
              meId={me.id}
              value={choice}
              onChange={(next) => {
                form.setFieldValue("assignees", next);
                form.clearFieldError("assignees");
              }}
              error={typeof form.errors.assignees === "string" ? form.errors.assignees : null}
            />
            <AssigneePreviewList choice={choice} />
            <FormErrorAlert message={formError} />
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" renderRoot={(props) => <Link to="/requests" {...props} />}>
                Cancel
              </Button>
              <Button
                type="submit"
                loading={form.submitting}
                leftSection={<IconSend size={16} aria-hidden />}
              >
                {sendLabel(count)}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
