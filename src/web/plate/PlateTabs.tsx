import { Badge, Tabs } from "@mantine/core";
import type { Load, Task } from "../../contract";
import { TriageList } from "../triage/TriageList";
import { FinishedList } from "./FinishedList";
import { OpenPlate } from "./OpenPlate";
import type { PlateTab } from "./plateSearch";

interface PlateTabsProps {
  tab: PlateTab;
  onTabChange: (tab: PlateTab) => void;
  openItems: Task[];
  load: Load;
  adding: boolean;
  onAddingChange: (adding: boolean) => void;
}

function Count({ value, color }: { value: number; color: string }) {
  if (value === 0) return null;
  return (
    <Badge size="sm" variant="light" color={color} radius="sm" aria-hidden>
      {value}
    </Badge>
  );
}

/** The plate's four lists: open work in order, asked-for work to triage, what was done, what was dropped. */
export function PlateTabs({ tab, onTabChange, openItems, load, adding, onAddingChange }: PlateTabsProps) {
  return (
    <Tabs value={tab} onChange={(next) => next && onTabChange(next as PlateTab)} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="open" rightSection={<Count value={load.open} color="gray" />}>
          Open
        </Tabs.Tab>
        <Tabs.Tab value="triage" rightSection={<Count value={load.triage} color="grape" />}>
          Triage
        </Tabs.Tab>
        <Tabs.Tab value="done">Done</Tabs.Tab>
        <Tabs.Tab value="dropped">Dropped</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="open">
        <OpenPlate items={openItems} adding={adding} onAddingChange={onAddingChange} />
      </Tabs.Panel>
      <Tabs.Panel value="triage">
        <TriageList />
      </Tabs.Panel>
      <Tabs.Panel value="done">
        <FinishedList state="done" />
      </Tabs.Panel>
      <Tabs.Panel value="dropped">
        <FinishedList state="dropped" />
      </Tabs.Panel>
    </Tabs>
  );
}
