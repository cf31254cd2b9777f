import { Button, Select, Stack, Text } from "@mantine/core";
import { IconWorld } from "@tabler/icons-react";
import { useMemo } from "react";

const DEFAULT_TIME_ZONE = "UTC";

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function zoneList(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}

interface TimeZoneFieldProps {
  value: string;
  /** The zone Docket has for this person now, before this form is saved. */
  storedZone: string;
  onChange: (zone: string) => void;
  error?: string | null;
}

export function TimeZoneField({ value, storedZone, onChange, error }: TimeZoneFieldProps) {
  const browserZone = useMemo(browserTimeZone, []);
  const zones = useMemo(() => zoneList(value), [value]);
  const stillDefault = storedZone === DEFAULT_TIME_ZONE && browserZone !== DEFAULT_TIME_ZONE;
  return (
    <Stack gap="xs">
      <Select
        label="Time zone"
        description={
          stillDefault
            ? "Docket starts everyone on UTC. Pick your own zone so working hours, digests and due dates follow your day."
            : "Working hours, digests and due dates follow this zone."
        }
        data={zones}
        value={value}
        onChange={(zone) => zone && onChange(zone)}
        searchable
        allowDeselect={false}
        limit={50}
        nothingFoundMessage="No zone by that name"
        leftSection={<IconWorld size={16} aria-hidden />}
        error={error}
        maw={420}
      />
      {value !== browserZone && (
        <div>
          <Button variant={stillDefault ? "light" : "subtle"} size="xs" onClick={() => onChange(browserZone)}>
            Use my browser's zone ({browserZone})
          </Button>
        </div>
      )}
      {value === browserZone && value !== storedZone && (
        <Text size="xs" c="dimmed">
          Your browser's zone. Save to keep it.
        </Text>
      )}
    </Stack>
  );
}
