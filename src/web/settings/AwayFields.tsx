import { Button, Group, TextInput } from "@mantine/core";

interface AwayFieldsProps {
  from: string;
  until: string;
  onChange: (away: { from: string; until: string }) => void;
  fromError: string | null;
  untilError: string | null;
}

/** Both dates, or neither: an empty pair means "not away". */
export function AwayFields({ from, until, onChange, fromError, untilError }: AwayFieldsProps) {
  return (
    <Group align="flex-start" gap="md">
      <TextInput
        type="date"
        label="Away from"
        value={from}
        onChange={(event) => onChange({ from: event.currentTarget.value, until })}
        error={fromError}
        w={180}
      />
      <TextInput
        type="date"
        label="Away until"
        value={until}
        min={from || undefined}
        onChange={(event) => onChange({ from, until: event.currentTarget.value })}
        error={untilError}
        w={180}
      />
      {(from || until) && (
        <Button variant="subtle" color="gray" mt={25} onClick={() => onChange({ from: "", until: "" })}>
          Clear away period
        </Button>
      )}
    </Group>
  );
}
