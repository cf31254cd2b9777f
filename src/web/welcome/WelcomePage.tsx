import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { signOut } from "../api/auth";
import { meQuery } from "../api/me";
import { createOrganization } from "../api/organizations";
import { queryKeys } from "../api/queryKeys";
import { VerifyEmailNotice } from "../auth/VerifyEmailNotice";
import { CenteredLayout } from "../components/CenteredLayout";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { textProblem } from "../components/textLimits";
import { usePageTitle } from "../components/usePageTitle";

export function WelcomePage() {
  usePageTitle("Welcome");
  const me = useSuspenseQuery(meQuery).data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: "" },
    validate: { name: (value) => textProblem("organizationName", value, "Give your organization a name") },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const organization = await createOrganization(values.name.trim());
      queryClient.setQueryData(queryKeys.organization(organization.id), organization);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      await navigate({ to: "/people" });
    } catch (error) {
      const split = splitErrors(error, sameNames("name"));
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  const leave = async () => {
    await signOut();
    queryClient.clear();
    await navigate({ to: "/sign-in" });
  };

  return (
    <CenteredLayout>
      <VerifyEmailNotice email={me.email} />
      <Paper withBorder shadow="sm" p="xl" radius="lg">
        <Title order={1} fz={22} mb={4}>
          Welcome, {me.name}
        </Title>
        <Text c="dimmed" size="sm" mb="lg">
          Create your organization to get started. You will be its owner, and can invite your team next.
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack>
            <LimitedTextInput
              kind="organizationName"
              label="Organization name"
              placeholder="Acme Inc."
              required
              autoComplete="organization"
              {...form.getInputProps("name")}
            />
            <FormErrorAlert message={formError} />
            <Button type="submit" loading={form.submitting} fullWidth>
              Create organization
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text ta="center" size="sm" mt="md" c="dimmed">
        Signed in as {me.email}. Joining an existing team? Ask them for an invitation link.{" "}
        <Anchor component="button" type="button" size="sm" onClick={leave}>
          Sign out
        </Anchor>
      </Text>
    </CenteredLayout>
  );
}
