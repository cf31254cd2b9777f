import { Button, Group, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { PacketFormat } from "../../contract";
import { packetUrl, type RecordPeriod } from "../api/record";

const FORMATS: { format: PacketFormat; label: string; name: string }[] = [
  { format: "pdf", label: "PDF", name: "PDF" },
  { format: "md", label: "Markdown", name: "Markdown" },
  { format: "csv", label: "CSV", name: "CSV (one row per task)" },
];

/** The review packet of the period shown, to download in each format. */
export function PacketDownloads({ personId, period }: { personId: string; period: RecordPeriod }) {
  return (
    <Group gap="xs" role="group" aria-label="Review packet">
      <Text size="sm" c="dimmed">
        Review packet
      </Text>
      {FORMATS.map(({ format, label, name }) => (
        <Button
          key={format}
          component="a"
          href={packetUrl(personId, period, format)}
          download
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={`Download the review packet as ${name}`}
        >
          {label}
        </Button>
      ))}
    </Group>
  );
}
