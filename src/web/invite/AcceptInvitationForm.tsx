import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { acceptInvitation, type InvitationPreview } from "../api/invitations";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { formatDate } from "../components/format";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { PasswordField } from "../components/PasswordField";
import { textProblem } from "../components/textLimits";

export function AcceptInvitationForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  // The e-mail's account was never verified: the invitation may make a new account in its place.
  const [replacing, setReplacing] = useState(false);
  const joining = preview.hasAccount && !replacing;
  const form = useForm({
    initialValues: { name: "", password: "" },
    validate: {
      name: (value) => (joining ? null : textProblem("personName", value, "Enter your name")),
      password: (value) => (value ? null : joining ? "Enter your password" : "Choose a password"),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await acceptInvitation(
        token,
        joining
          ? { password: values.password }
          : {
              name: values.name.trim(),
              password: values.password,
              ...(replacing ? { replaceAccount: true } : {}),
            },
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
        {joining
          ? "You already have a Docket account with this e-mail: enter its password to join."
          : replacing
            ? "Create your account to join: it replaces the account made with this e-mail, which was never confirmed."
            : "Create your account to join."}{" "}
        The invitation is valid until {formatDate(preview.expiresAt)}.
      </Text>
      {preview.canReplaceAccount && (
        <Text size="sm" mb="md">
          {replacing ? "Made that account yourself? " : "Did not make it, or forgot its password? "}
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setReplacing(!replacing);
              form.clearErrors();
              setFormError(null);
            }}
          >
            {replacing ? "Join with it instead" : "Create a new account instead"}
          </Anchor>
        </Text>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            value={preview.email}
            readOnly
            variant="filled"
            error={form.errors.email}
          />
          {!joining && (
            <LimitedTextInput
              kind="personName"
              label="Name"
              autoComplete="name"
              required
              {...form.getInputProps("name")}
            />
          )}
          <PasswordField
            label="Password"
            description={joining ? undefined : "10 to 128 characters. Avoid common passwords."}
            autoComplete={joining ? "current-password" : "new-password"}
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
