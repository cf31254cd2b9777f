import { Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { signUp } from "../api/auth";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { PasswordField } from "../components/PasswordField";
import { textProblem } from "../components/textLimits";
import { usePageTitle } from "../components/usePageTitle";
import { AuthCard } from "./AuthCard";
import { authErrors } from "./authErrors";

export function SignUpPage({ redirectTo }: { redirectTo: string | undefined }) {
  usePageTitle("Create your account");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: "", email: "", password: "" },
    validate: {
      name: (value) => textProblem("personName", value, "Enter your name"),
      email: (value) => (value.trim() ? null : "Enter your email"),
      password: (value) => (value ? null : "Choose a password"),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await signUp({ name: values.name.trim(), email: values.email.trim(), password: values.password });
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
      title="Create your account"
      intro="Start a Docket for your team in a minute."
      after={
        <>
          Already have an account?{" "}
          <Anchor renderRoot={(props) => <Link to="/sign-in" search={{ redirect: redirectTo }} {...props} />}>
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <LimitedTextInput
            kind="personName"
            label="Name"
            autoComplete="name"
            required
            {...form.getInputProps("name")}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps("email")}
          />
          <PasswordField
            label="Password"
            description="10 to 128 characters. Avoid common passwords."
            autoComplete="new-password"
            required
            {...form.getInputProps("password")}
          />
          <FormErrorAlert message={formError} />
          <Button type="submit" loading={form.submitting} fullWidth>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
