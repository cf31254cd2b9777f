import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { Me } from "../../contract";
import { createSeries } from "../api/one-on-ones";
import { peopleQuery } from "../api/people";
import { queryKeys } from "../api/queryKeys";
import { DateField, UNREADABLE_DATE } from "../components/DateField";
import { todayIn } from "../components/due";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { CadenceFields, type CadenceFormValues } from "./CadenceFields";
import { cadencePhrase } from "./cadence";
import { cadenceValues, DEFAULT_CADENCE, minutesProblem, timeProblem, toCadence } from "./cadenceForm";
import { seriesFieldFor } from "./series";

interface SetUpValues extends CadenceFormValues {
  withId: string | null;
  firstDate: string;
  /** Whether the date field holds something that is not a date. */
  firstDateUnreadable: boolean;
}

interface SetUpOneOnOneFormProps {
  me: Me;
  /** The person to meet, when it is already known (a report's card); else the form asks. */
  withPerson: { id: string; name: string } | null;
  onCancel: () => void;
}

/** Sets up a series with one person; once set up, its first meeting opens. */
export function SetUpOneOnOneForm({ me, withPerson, onCancel }: SetUpOneOnOneFormProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const people = useQuery({ ...peopleQuery, enabled: withPerson === null });
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SetUpValues>({
    initialValues: {
      withId: withPerson?.id ?? null,
      ...cadenceValues(DEFAULT_CADENCE),
      timeZone: me.timeZone,
      firstDate: "",
      firstDateUnreadable: false,
    },
    validate: {
      withId: (value) => (value ? null : "Pick who the one-on-one is with"),
      time: timeProblem,
      minutes: minutesProblem,
      firstDate: (_date, values) => (values.firstDateUnreadable ? UNREADABLE_DATE : null),
    },
  });
  const values = form.getValues();
  const others = (people.data ?? [])
    .filter((person) => person.id !== me.id)
    .map((person) => ({ value: person.id, label: person.name }));

  const submit = form.onSubmit(async (submitted) => {
    setFormError(null);
    try {
      const series = await createSeries({
        withId: submitted.withId ?? "",
        cadence: toCadence(submitted),
        timeZone: submitted.timeZone,
        firstDate: submitted.firstDate || undefined,
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.oneOnOnes });
      if (series.nextMeeting) {
        await navigate({ to: "/meetings/$id", params: { id: series.nextMeeting.id } });
      } else {
        await navigate({ to: "/one-on-ones" });
      }
    } catch (error) {
      const split = splitErrors(error, seriesFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  const cadence = timeProblem(values.time) || minutesProblem(values.minutes) ? null : toCadence(values);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {withPerson ? (
          <Text size="sm">
            A regular meeting with <strong>{withPerson.name}</strong>, prepared from both your plates.
          </Text>
        ) : (
          <Select
            label="With"
            placeholder="Pick a person"
            data={others}
            searchable
            required
            data-autofocus
            nothingFoundMessage={people.isPending ? "Loading people…" : "Nobody by that name"}
            {...form.getInputProps("withId")}
          />
        )}
        <CadenceFields inputProps={form.getInputProps} timeZone={values.timeZone} />
        <DateField
          label="First meeting on or after"
          value={values.firstDate}
          onChange={(date) => form.setFieldValue("firstDate", date)}
          unreadable={values.firstDateUnreadable}
          onUnreadableChange={(unreadable) => form.setFieldValue("firstDateUnreadable", unreadable)}
          min={todayIn(values.timeZone)}
          description="Leave empty to meet on the next such day."
          error={typeof form.errors.firstDate === "string" ? form.errors.firstDate : null}
          clearLabel="Clear the first date"
        />
        {cadence && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {cadencePhrase(cadence, values.timeZone)}
          </Text>
        )}
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Set up 1:1
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
