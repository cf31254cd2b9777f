import { Button, Menu } from "@mantine/core";
import { IconChevronDown, IconDownload, IconFileImport } from "@tabler/icons-react";
import { useState } from "react";
import type { PlateState } from "../../contract";
import { plateCsvUrl } from "../api/tasks-import";
import { loadedWhenOpen } from "../components/loadedWhenOpen";

// The import dialog (and its preview) loads the first time it opens.
const ImportTasksModal = loadedWhenOpen(
  () => import("./ImportTasksModal").then((m) => m.ImportTasksModal),
  (props) => props.opened,
);

interface PlateCsvMenuProps {
  owner: { id: string; name: string };
  isMine: boolean;
  viewerZone: string;
  /** The list shown, which "Download CSV" downloads (only one goal's tasks when filtered). */
  state: PlateState;
  goalId: string | null;
  onImported: (message: string) => void;
}

/** A plate in and out of spreadsheets: the list shown as CSV, and a CSV file of tasks imported onto it. */
export function PlateCsvMenu({ owner, isMine, viewerZone, state, goalId, onImported }: PlateCsvMenuProps) {
  const [importing, setImporting] = useState(false);
  const whose = isMine ? "your plate" : `${owner.name}'s plate`;
  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />}>
            CSV
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component="a"
            href={plateCsvUrl(owner.id, state, goalId)}
            download
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Download CSV
          </Menu.Item>
          <Menu.Item
            leftSection={<IconFileImport size={16} aria-hidden />}
            onClick={() => setImporting(true)}
          >
            Import…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ImportTasksModal
        opened={importing}
        owner={owner}
        whose={whose}
        viewerZone={viewerZone}
        onClose={() => setImporting(false)}
        onImported={onImported}
      />
    </>
  );
}
