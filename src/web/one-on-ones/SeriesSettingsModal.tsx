import { Button, Group, Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Series } from "../../contract";
import { updateSeries } from "../api/one-on-ones";
import { queryKeys } from "../api/queryKeys";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { splitErrors } from "../components/form-errors";
import { CadenceFields, type CadenceFormValues } from "./CadenceFields";
import { cadenceValues, minutesProblem, timeProblem, toCadence } from "./cadenceForm";
import { seriesFieldFor } from "./series";

interface SeriesSettingsModalProps {
  series: Series;
  opened: boolean;
  onClose: () => void;
}

function SeriesSettingsForm({ series, onClose }: Omit<SeriesSettingsModalProps, "opened">) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CadenceFormValues>({
    initialValues: { ...cadenceValues(series.cadence), timeZone: series.timeZone },
    validate: { time: timeProblem, minutes: minutesProblem },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const updated = await updateSeries(series.id, {
        cadence: toCadence(values),
        timeZone: values.timeZone,
      });
      queryClient.setQueryData(queryKeys.oneOnOne(updated.id), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.oneOnOnes }),
        queryClient.invalidateQueries({ queryKey: queryKeys.meetings }),
      ]);
      onClose();
    } catch (error) {
      const split = splitErrors(error, seriesFieldFor);
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <CadenceFields inputProps={form.getInputProps} timeZone={form.getValues().timeZone} />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save cadence
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Changes when a series meets from now on: the meetings to come follow; past ones stay as they were. */
export function SeriesSettingsModal({ opened, ...props }: SeriesSettingsModalProps) {
  return (
    <Modal opened={opened} onClose={props.onClose} title="Series settings" size="lg">
      {opened && <SeriesSettingsForm {...props} />}
    </Modal>
  );
}
