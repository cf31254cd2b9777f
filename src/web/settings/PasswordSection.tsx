import { Button, Group, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { changePassword } from "../api/auth";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { PasswordField } from "../components/PasswordField";
import { SettingsSection } from "./SettingsSection";

/** Changing one's password: the current one is checked, and every other session ends. */
export function PasswordSection() {
  const [formError, setFormError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "" },
    validate: {
      currentPassword: (value) => (value ? null : "Enter your current password"),
      newPassword: (value) => (value ? null : "Choose a new password"),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setChanged(false);
    try {
      await changePassword(values);
      form.reset();
      setChanged(true);
    } catch (error) {
      const split = splitErrors(error, sameNames("currentPassword", "newPassword"));
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <SettingsSection
      title="Password"
      description="Changing it signs you out everywhere else: on other browsers and devices."
    >
      <form onSubmit={submit} noValidate>
        <FormErrorAlert message={formError} />
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          mb="sm"
          {...form.getInputProps("currentPassword")}
        />
        <PasswordField
          label="New password"
          description="10 to 128 characters. Avoid common passwords."
          autoComplete="new-password"
          mb="md"
          {...form.getInputProps("newPassword")}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            Change password
          </Button>
          {changed && (
            <Text size="sm" role="status">
              Your password is changed; every other session was signed out.
            </Text>
          )}
        </Group>
      </form>
    </SettingsSection>
  );
}
