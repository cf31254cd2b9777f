import { Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { signIn } from "../api/auth";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { PasswordField } from "../components/PasswordField";
import { usePageTitle } from "../components/usePageTitle";
import { AuthCard } from "./AuthCard";
import { authErrors } from "./authErrors";

export function SignInPage({ redirectTo }: { redirectTo: string | undefined }) {
  usePageTitle("Sign in");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (value) => (value.trim() ? null : "Enter your email"),
      password: (value) => (value ? null : "Enter your password"),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await signIn({ email: values.email.trim(), password: values.password });
      queryClient.clear();
      router.history.push(redirectTo ?? "/");
    } catch (error) {
      const split = authErrors(error);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <AuthCard
      title="Sign in to Docket"
      intro="Welcome back. Your plate is waiting."
      after={
        <>
          New to Docket?{" "}
          <Anchor renderRoot={(props) => <Link to="/sign-up" search={{ redirect: redirectTo }} {...props} />}>
            Create an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps("email")}
          />
          <PasswordField
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps("password")}
          />
          <Text size="sm" ta="right" mt={-8}>
            <Anchor renderRoot={(props) => <Link to="/forgot-password" {...props} />}>
              Forgot password?
            </Anchor>
          </Text>
          <FormErrorAlert message={formError} />
          <Button type="submit" loading={form.submitting} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
