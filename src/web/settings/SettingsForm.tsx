import { Alert, Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Me } from "../../contract";
import { updateMe } from "../api/me";
import { organizationQuery } from "../api/organizations";
import { queryKeys } from "../api/queryKeys";
import { UNREADABLE_DATE } from "../components/DateField";
import { splitErrors } from "../components/form-errors";
import { LimitedTextInput } from "../components/LimitedTextInput";
import { textProblem } from "../components/textLimits";
import { type AwayEnd, AwayFields } from "./AwayFields";
import { DigestTimesField } from "./DigestTimesField";
import { NotificationsSummary } from "./NotificationsSummary";
import { SettingsSection } from "./SettingsSection";
import { type SettingsValues, settingsFieldFor, toSettingsValues, toUpdateMe } from "./settingsValues";
import { TimeZoneField } from "./TimeZoneField";
import { WeekdayChips } from "./WeekdayChips";

const required = (message: string) => (value: string) => (value.trim() ? null : message);

const READABLE_AWAY = { from: false, until: false };

export function SettingsForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const organization = useQuery({
    ...organizationQuery(me.organizationId ?? ""),
    enabled: me.organizationId !== null,
  }).data;
  const [status, setStatus] = useState<{ saved: boolean; error: string | null }>({
    saved: false,
    error: null,
  });
  // Which away field holds a typed date that is no date: it reads as empty, and must not be saved as "not away".
  const [awayUnreadable, setAwayUnreadable] = useState(READABLE_AWAY);
  // What was typed in a date field stays there until the field is drawn anew: clearing both or
  // discarding the changes does that.
  const [awayDrawn, setAwayDrawn] = useState(0);
  const form = useForm<SettingsValues>({
    initialValues: toSettingsValues(me),
    validate: {
      name: (value) => textProblem("personName", value, "Enter your name"),
      workingHours: { start: required("Pick a start time"), end: required("Pick an end time") },
      digest: {
        times: (times) =>
          times.some((time) => !time) ? "Fill in every digest time, or remove the empty one" : null,
      },
      away: {
        from: (value, values) =>
          awayUnreadable.from
            ? UNREADABLE_DATE
            : !value && values.away.until
              ? "Pick the first day away too"
              : null,
        until: (value, values) =>
          awayUnreadable.until
            ? UNREADABLE_DATE
            : !value && values.away.from
              ? "Pick the last day away too"
              : null,
      },
    },
    onValuesChange: () => setStatus((current) => (current.saved ? { ...current, saved: false } : current)),
  });
  const errorOf = (path: string) => {
    const error = form.errors[path];
    return typeof error === "string" ? error : null;
  };
  const redrawAway = () => {
    setAwayUnreadable(READABLE_AWAY);
    setAwayDrawn((drawn) => drawn + 1);
  };

  const submit = form.onSubmit(async (values) => {
    setStatus({ saved: false, error: null });
    try {
      const updated = await updateMe(toUpdateMe(values));
      queryClient.setQueryData(queryKeys.me, updated);
      const next = toSettingsValues(updated);
      form.setInitialValues(next);
      form.setValues(next);
      setStatus({ saved: true, error: null });
    } catch (error) {
      const split = splitErrors(error, settingsFieldFor);
      form.setErrors(split.fields);
      setStatus({ saved: false, error: split.form ?? "Check the fields marked above." });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={880}>
        <SettingsSection title="Profile" description="How colleagues see you, and the zone your day runs in.">
          <LimitedTextInput
            kind="personName"
            label="Name"
            autoComplete="name"
            required
            maw={420}
            {...form.getInputProps("name")}
          />
          <TextInput label="Email" value={me.email} readOnly variant="filled" maw={420} />
          <TimeZoneField
            value={form.values.timeZone}
            storedZone={me.timeZone}
            onChange={(zone) => form.setFieldValue("timeZone", zone)}
            error={errorOf("timeZone")}
          />
        </SettingsSection>

        <SettingsSection
          title="Notifications"
          description="Docket is calm by default. With the settings below, this is how it reaches you:"
        >
          <NotificationsSummary
            values={form.values}
            urgentPerWeek={organization?.settings?.urgentPerWeek ?? null}
          />
        </SettingsSection>

        <SettingsSection
          title="Digest"
          description={`One e-mail with everything new in your Inbox, at these times on these days, in your zone (${form.values.timeZone}). Nothing new, no e-mail.`}
        >
          <DigestTimesField
            times={form.values.digest.times}
            onChange={(index, time) => form.setFieldValue(`digest.times.${index}`, time)}
            onAdd={() => form.insertListItem("digest.times", "")}
            onRemove={(index) => form.removeListItem("digest.times", index)}
            errorAt={(index) => errorOf(`digest.times.${index}`)}
            listError={errorOf("digest.times")}
          />
          <WeekdayChips
            label="Digest days"
            value={form.values.digest.days}
            onChange={(days) => form.setFieldValue("digest.days", days)}
            error={errorOf("digest.days")}
          />
        </SettingsSection>

        <SettingsSection
          title="Working hours"
          description="The only time an urgent item from someone else may e-mail you. Marked outside these hours, it waits for the start of your next working period."
        >
          <WeekdayChips
            label="Working days"
            value={form.values.workingHours.days}
            onChange={(days) => form.setFieldValue("workingHours.days", days)}
            error={errorOf("workingHours.days")}
          />
          <Group align="flex-start">
            <TextInput type="time" label="Starts at" w={150} {...form.getInputProps("workingHours.start")} />
            <TextInput type="time" label="Ends at" w={150} {...form.getInputProps("workingHours.end")} />
          </Group>
        </SettingsSection>

        <SettingsSection
          title="Away"
          description="While you are away no digest and no urgent e-mail is sent; on your return one “while you were away” digest sums it all up. Both days are included."
        >
          <AwayFields
            key={awayDrawn}
            away={form.values.away}
            unreadable={awayUnreadable}
            onChange={(end, date) => form.setFieldValue(`away.${end}`, date)}
            onUnreadableChange={(end: AwayEnd, unreadable) => {
              setAwayUnreadable((current) => ({ ...current, [end]: unreadable }));
              form.clearFieldError(`away.${end}`);
            }}
            onClear={() => {
              form.setFieldValue("away", { from: "", until: "" });
              form.clearFieldError("away.from");
              form.clearFieldError("away.until");
              redrawAway();
            }}
            errorOf={(end) => errorOf(`away.${end}`) ?? (end === "from" ? errorOf("away") : null)}
          />
        </SettingsSection>

        {status.error && (
          <Alert color="red" role="alert" title="Your settings were not saved">
            {status.error}
          </Alert>
        )}
        <Group justify="flex-end" gap="md">
          {status.saved && (
            <Alert
              role="status"
              color="teal"
              variant="transparent"
              icon={<IconCircleCheck aria-hidden />}
              p={0}
            >
              Settings saved
            </Alert>
          )}
          <Button
            variant="default"
            onClick={() => {
              form.reset();
              redrawAway();
            }}
            disabled={!form.isDirty() || form.submitting}
          >
            Discard changes
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
