import { Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { acceptInvitation, type InvitationPreview } from "../api/invitations";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { formatDate } from "../components/format";
import { PasswordField } from "../components/PasswordField";

export function AcceptInvitationForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: "", password: "" },
    validate: {
      name: (value) => (preview.hasAccount || value.trim() ? null : "Enter your name"),
      password: (value) => (value ? null : preview.hasAccount ? "Enter your password" : "Choose a password"),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await acceptInvitation(
        token,
        preview.hasAccount
          ? { password: values.password }
          : { name: values.name.trim(), password: values.password },
      );
      queryClient.clear();
      await navigate({ to: "/people" });
    } catch (error) {
      const split = splitErrors(error, sameNames("email", "name", "password"));
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <Paper withBorder shadow="sm" p="xl" radius="lg">
      <Title order={1} fz={22} mb={4}>
        {preview.invitedByName} invited you to join {preview.organizationName}
      </Title>
      <Text c="dimmed" size="sm" mb="lg">
        {preview.hasAccount
          ? "You already have a Docket account with this e-mail: enter its password to join."
          : "Create your account to join."}{" "}
        The invitation is valid until {formatDate(preview.expiresAt)}.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            value={preview.email}
            readOnly
            variant="filled"
            error={form.errors.email}
          />
          {!preview.hasAccount && (
            <TextInput label="Name" autoComplete="name" required {...form.getInputProps("name")} />
          )}
          <PasswordField
            label="Password"
            description={preview.hasAccount ? undefined : "10 to 128 characters. Avoid common passwords."}
            autoComplete={preview.hasAccount ? "current-password" : "new-password"}
            required
            {...form.getInputProps("password")}
          />
          <FormErrorAlert message={formError} />
          <Button type="submit" loading={form.submitting} fullWidth>
            Join {preview.organizationName}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
