import { Alert, Button, Group, NumberInput, Skeleton, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Organization, OrganizationSettings } from "../../contract";
import { organizationQuery, updateOrganization } from "../api/organizations";
import { queryKeys } from "../api/queryKeys";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { QueryError } from "../components/QueryError";
import { SettingsSection } from "./SettingsSection";

const fieldFor = (path: string) =>
  ({ "settings.urgentPerWeek": "urgentPerWeek", "settings.staleAfterDays": "staleAfterDays" })[path] ?? null;

const whole = (min: number, max: number, message: string) => (value: number | string) =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? null : message;

function RulesForm({ organization }: { organization: Organization }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OrganizationSettings>({
    initialValues: organization.settings,
    validate: {
      urgentPerWeek: whole(0, 50, "A whole number from 0 to 50"),
      staleAfterDays: whole(1, 365, "A whole number of days from 1 to 365"),
    },
    onValuesChange: () => setSaved(false),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const updated = await updateOrganization(organization.id, { settings: values });
      queryClient.setQueryData(queryKeys.organization(updated.id), updated);
      form.setInitialValues(updated.settings);
      form.setValues(updated.settings);
      setSaved(true);
    } catch (error) {
      const split = splitErrors(error, fieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <NumberInput
          label="Urgent items per week"
          description="How many items one person may mark urgent for another person per week; each one e-mails them at once within their working hours. 0 means nobody can mark someone else's work urgent."
          min={0}
          max={50}
          allowDecimal={false}
          w={420}
          {...form.getInputProps("urgentPerWeek")}
        />
        <NumberInput
          label="Ask “still needed?” after (days)"
          description="Open work nobody has touched for this many days is brought up in the owner's and the asker's digest, with a one-click way to keep or drop it."
          min={1}
          max={365}
          allowDecimal={false}
          w={420}
          {...form.getInputProps("staleAfterDays")}
        />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="md">
          {saved && (
            <Alert
              role="status"
              color="teal"
              variant="transparent"
              icon={<IconCircleCheck aria-hidden />}
              p={0}
            >
              Organization rules saved
            </Alert>
          )}
          <Button type="submit" variant="light" loading={form.submitting} disabled={!form.isDirty()}>
            Save organization rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The organization's rules for interruptions, for its owners and admins. */
export function OrganizationRulesSection({ organizationId }: { organizationId: string }) {
  const organization = useQuery(organizationQuery(organizationId));
  return (
    <SettingsSection
      title="Organization"
      description="Rules for everyone in your organization, set by its owners and admins."
    >
      {organization.isError ? (
        <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
      ) : organization.isPending || !organization.data.settings ? (
        <Skeleton height={160} aria-label="Loading the organization's rules" />
      ) : (
        <RulesForm organization={organization.data} />
      )}
    </SettingsSection>
  );
}
