import type { Me } from "../../contract/me";
import type { Person } from "../../contract/people";
import type { PersonRow } from "./store";

export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role ?? "member",
    managerId: row.manager_id,
    timeZone: row.time_zone,
    title: row.title,
  };
}

export function presentMe(row: PersonRow): Me {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    organizationId: row.organization_id,
    role: row.role,
    managerId: row.manager_id,
    title: row.title,
    timeZone: row.time_zone,
    workingHours: JSON.parse(row.working_hours),
    digest: JSON.parse(row.digest),
    away: row.away_from && row.away_until ? { from: row.away_from, until: row.away_until } : null,
  };
}
