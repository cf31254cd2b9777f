import { Badge } from "@mantine/core";
import type { RecordItem } from "../../contract";
import { itemMark, type MarkTone } from "./wording";

const COLORS: { [tone in MarkTone]: string } = {
  "on-time": "teal",
  late: "orange",
  "no-due": "gray",
  dropped: "gray",
};

/** On time, late by some days, no due date, or no longer needed. */
export function ItemMark({ item }: { item: RecordItem }) {
  const mark = itemMark(item);
  return (
    <Badge color={COLORS[mark.tone]} variant="light" radius="sm" tt="none">
      {mark.label}
    </Badge>
  );
}
