import type { Person } from "../../contract";

export interface OrgNode {
  person: Person;
  reports: OrgNode[];
}

/**
 * Nests people under their managers. Roots are people without a manager, or whose manager is not
 * in the list; should a reporting loop ever exist, it is shown once, from its first member by name.
 */
export function buildOrgTree(people: Person[]): OrgNode[] {
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
  const ids = new Set(sorted.map((person) => person.id));
  const reportsOf = new Map<string, Person[]>();
  const roots: Person[] = [];
  for (const person of sorted) {
    const managerId = person.managerId;
    if (managerId && managerId !== person.id && ids.has(managerId)) {
      reportsOf.set(managerId, [...(reportsOf.get(managerId) ?? []), person]);
    } else {
      roots.push(person);
    }
  }

  const placed = new Set<string>();
  const place = (person: Person): OrgNode => {
    placed.add(person.id);
    const reports = (reportsOf.get(person.id) ?? []).filter((report) => !placed.has(report.id));
    return { person, reports: reports.map(place) };
  };

  const tree = roots.map(place);
  for (const person of sorted) {
    if (!placed.has(person.id)) tree.push(place(person));
  }
  return tree;
}

export function countReports(node: OrgNode): number {
  return node.reports.reduce((total, report) => total + 1 + countReports(report), 0);
}
