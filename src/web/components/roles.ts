import type { Role } from "../../contract";

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

export function canManagePeople(role: Role | null): boolean {
  return role === "owner" || role === "admin";
}
