import { NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { IconWorld } from "@tabler/icons-react";
import { useMemo } from "react";
import { WEEKDAY_OPTIONS } from "./cadence";
import { type CadenceValues, EVERY_WEEKS_OPTIONS, MAX_MINUTES, MIN_MINUTES } from "./cadenceForm";

/** The fields of a cadence and its zone, as a form of a series holds them. */
export interface CadenceFormValues extends CadenceValues {
  timeZone: string;
}

function zoneList(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}

interface CadenceFieldsProps {
  /** The form's `getInputProps`, for the fields named as in `CadenceFormValues`. */
  inputProps: (path: keyof CadenceFormValues) => GetInputPropsReturnType;
  timeZone: string;
}

/** How often, on which day, at what time of which zone, and for how long a series meets. */
export function CadenceFields({ inputProps, timeZone }: CadenceFieldsProps) {
  const zones = useMemo(() => zoneList(timeZone), [timeZone]);
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label="How often"
          data={EVERY_WEEKS_OPTIONS}
          allowDeselect={false}
          {...inputProps("everyWeeks")}
        />
        <Select label="On" data={WEEKDAY_OPTIONS} allowDeselect={false} {...inputProps("weekday")} />
        <TextInput type="time" label="At" required {...inputProps("time")} />
        <NumberInput
          label="Length (minutes)"
          min={MIN_MINUTES}
          max={MAX_MINUTES}
          step={15}
          allowDecimal={false}
          required
          {...inputProps("minutes")}
        />
      </SimpleGrid>
      <Select
        label="Time zone"
        description="The time is kept in this zone, across daylight saving changes; each of you also sees it on their own clock."
        data={zones}
        searchable
        allowDeselect={false}
        limit={50}
        nothingFoundMessage="No zone by that name"
        leftSection={<IconWorld size={16} aria-hidden />}
        {...inputProps("timeZone")}
      />
    </>
  );
}
