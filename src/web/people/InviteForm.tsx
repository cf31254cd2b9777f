import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Person, Role } from "../../contract";
import { type CreatedInvitation, createInvitation } from "../api/invitations";
import { queryKeys } from "../api/queryKeys";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { ROLE_OPTIONS } from "../components/roles";
import { ManagerSelect } from "./ManagerSelect";

interface InviteFormProps {
  people: Person[];
  onCreated: (invitation: CreatedInvitation, email: string) => void;
  onCancel: () => void;
}

export function InviteForm({ people, onCreated, onCancel }: InviteFormProps) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: "", role: "member" as Role, managerId: null as string | null },
    validate: { email: (value) => (value.trim() ? null : "Enter the email address to invite") },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const email = values.email.trim();
      const invitation = await createInvitation({ email, role: values.role, managerId: values.managerId });
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
      onCreated(invitation, email);
    } catch (error) {
      const split = splitErrors(error, sameNames("email", "role", "managerId"));
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Email"
          type="email"
          placeholder="name@company.com"
          required
          data-autofocus
          {...form.getInputProps("email")}
        />
        <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps("role")} />
        <ManagerSelect
          label="Manager"
          people={people}
          value={form.values.managerId}
          onChange={(managerId) => form.setFieldValue("managerId", managerId)}
          error={typeof form.errors.managerId === "string" ? form.errors.managerId : null}
        />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Create invitation link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
