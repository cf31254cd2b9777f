import { Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { requestPasswordReset } from "../api/recovery";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { usePageTitle } from "../components/usePageTitle";
import { AuthCard } from "./AuthCard";

/** "Forgot password?": asks for a link to choose a new one, mailed if the address has an account. */
export function ForgotPasswordPage() {
  usePageTitle("Forgot password");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: "" },
    validate: {
      email: (value) =>
        !value.trim()
          ? "Enter your email"
          : /^\S+@\S+\.\S+$/.test(value.trim())
            ? null
            : "Enter a whole e-mail address",
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await requestPasswordReset(values.email.trim());
      setSentTo(values.email.trim());
    } catch (error) {
      const split = splitErrors(error, sameNames("email"));
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <AuthCard
      title="Forgot your password?"
      intro={
        sentTo ? undefined : "Enter the e-mail you sign in with: we will mail you a link to choose a new one."
      }
      after={
        <>
          Remembered it? <Anchor renderRoot={(props) => <Link to="/sign-in" {...props} />}>Sign in</Anchor>
        </>
      }
    >
      {sentTo ? (
        <Stack>
          <Text role="status">
            If {sentTo} has a Docket account, a link to choose a new password is on its way there. It works
            once, for an hour.
          </Text>
          <Text c="dimmed" size="sm">
            Nothing after a few minutes? Check the spam folder, or ask again.
          </Text>
          <Button variant="default" onClick={() => setSentTo(null)}>
            Ask again
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps("email")}
            />
            <FormErrorAlert message={formError} />
            <Button type="submit" loading={form.submitting} fullWidth>
              Mail me a link
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
