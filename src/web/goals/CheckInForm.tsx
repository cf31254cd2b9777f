import { Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CheckInStatus } from "../../contract";
import { checkIn, invalidateGoals } from "../api/goals";
import { FormErrorAlert } from "../components/FormErrorAlert";
import { sameNames, splitErrors } from "../components/form-errors";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { textProblem } from "../components/textLimits";
import { CHECK_IN_LABELS } from "./goalStates";

const STATUSES: CheckInStatus[] = ["on_track", "at_risk", "off_track"];

/** Says how a goal is going: on track, at risk or off track, with a note. */
export function CheckInForm({ goalId }: { goalId: string }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ status: CheckInStatus; note: string }>({
    initialValues: { status: "on_track", note: "" },
    validate: { note: (value) => textProblem("checkInNote", value, "Say how it is going") },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await checkIn(goalId, values);
      form.reset();
      await invalidateGoals(queryClient);
    } catch (error) {
      const split = splitErrors(error, sameNames("status", "note"));
      form.setErrors(split.fields);
      setFormError(split.form);
    }
  });

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label="Check in">
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="check-in-status">
            How is it going?
          </Text>
          <SegmentedControl
            aria-labelledby="check-in-status"
            data={STATUSES.map((status) => ({ value: status, label: CHECK_IN_LABELS[status] }))}
            {...form.getInputProps("status")}
          />
        </Stack>
        <LimitedTextarea
          kind="checkInNote"
          label="Note"
          placeholder="What moved, what is in the way, what comes next"
          autosize
          minRows={2}
          maxRows={8}
          required
          {...form.getInputProps("note")}
        />
        <FormErrorAlert message={formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Check in
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
