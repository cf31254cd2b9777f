import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { isApiError } from "../api/errors";
import { resetPassword } from "../api/recovery";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { PasswordField } from "../components/PasswordField";
import { usePageTitle } from "../components/usePageTitle";
import { AuthCard } from "./AuthCard";
import { tokenFromFragment } from "./recoveryLinks";

function AskAgain() {
  return (
    <Anchor renderRoot={(props) => <Link to="/forgot-password" {...props} />}>Ask for a new link</Anchor>
  );
}

/** Where a reset link leads: choose a new password with the token the link carries. */
export function ResetPasswordPage() {
  usePageTitle("Choose a new password");
  const queryClient = useQueryClient();
  // Read once, before the fragment leaves the address bar (and the browser's history) below.
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [done, setDone] = useState(false);
  const [unusable, setUnusable] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, []);
  const form = useForm({
    initialValues: { password: "" },
    validate: { password: (value) => (value ? null : "Choose a password") },
  });

  const submit = form.onSubmit(async (values) => {
    if (!token) return;
    setFormError(null);
    try {
      await resetPassword(token, values.password);
      queryClient.clear();
      setDone(true);
    } catch (error) {
      if (isApiError(error, 410) || (isApiError(error, 400) && Object.keys(error.fieldErrors).length === 0)) {
        setUnusable(error.detail);
        return;
      }
      const split = splitErrors(error, sameNames("password"));
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <AuthCard title="Choose a new password">
      {done ? (
        <Stack>
          <Text role="status">Your new password is set. Every session of your account was signed out.</Text>
          <Button renderRoot={(props) => <Link to="/sign-in" {...props} />}>Sign in</Button>
        </Stack>
      ) : !token ? (
        <Text>
          This page works with the link from your e-mail; open the whole link. <AskAgain />
        </Text>
      ) : unusable ? (
        <Alert color="red" role="alert" title="This link cannot be used">
          <Stack gap="xs">
            <Text size="sm">{unusable}</Text>
            <Text size="sm">
              <AskAgain />
            </Text>
          </Stack>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <PasswordField
              label="New password"
              description="10 to 128 characters. Avoid common passwords."
              autoComplete="new-password"
              required
              data-autofocus
              {...form.getInputProps("password")}
            />
            <FormErrorAlert message={formError} />
            <Button type="submit" loading={form.submitting} fullWidth>
              Set the new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
