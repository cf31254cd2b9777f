import { Badge } from "@mantine/core";
import type { Role } from "../../contract";
import { ROLE_LABELS } from "./roles";

const ROLE_COLORS: Record<Role, string> = { owner: "violet", admin: "blue", member: "gray" };

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} radius="sm" tt="none">
      {ROLE_LABELS[role]}
    </Badge>
  );
}
