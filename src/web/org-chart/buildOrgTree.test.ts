import { describe, expect, it } from "vitest";
import type { Person } from "../../contract";
import { buildOrgTree, countReports, type OrgNode } from "./buildOrgTree";

function person(id: string, managerId: string | null = null): Person {
  return {
    id,
    name: id,
    email: `${id}@example.test`,
    role: "member",
    managerId,
    timeZone: "UTC",
    title: null,
  };
}

/** The tree as nested names, easy to compare: `{ ada: { bea: {} } }`. */
function shape(nodes: OrgNode[]): Record<string, unknown> {
  return Object.fromEntries(nodes.map((node) => [node.person.name, shape(node.reports)]));
}

describe("buildOrgTree", () => {
  it("nests reports under their manager, roots and reports sorted by name", () => {
    const tree = buildOrgTree([
      person("cy", "ada"),
      person("ada"),
      person("bea", "ada"),
      person("dan", "bea"),
    ]);
    expect(shape(tree)).toEqual({ ada: { bea: { dan: {} }, cy: {} } });
    expect(tree.map((node) => node.person.name)).toEqual(["ada"]);
    expect(tree[0]?.reports.map((node) => node.person.name)).toEqual(["bea", "cy"]);
  });

  it("puts people with no manager, or a manager not in the list, at the top", () => {
    const tree = buildOrgTree([person("eve", "gone"), person("ada"), person("bea", "ada")]);
    expect(shape(tree)).toEqual({ ada: { bea: {} }, eve: {} });
  });

  it("shows a reporting loop once, from its first member by name, instead of losing it", () => {
    const tree = buildOrgTree([
      person("bea", "ada"),
      person("ada", "bea"),
      person("cy", "ada"),
      person("zed"),
    ]);
    expect(shape(tree)).toEqual({ zed: {}, ada: { bea: {}, cy: {} } });
    const everyone = (nodes: OrgNode[]): string[] =>
      nodes.flatMap((node) => [node.person.id, ...everyone(node.reports)]);
    expect(everyone(tree).sort()).toEqual(["ada", "bea", "cy", "zed"]);
  });

  it("treats a person named as their own manager as a root", () => {
    expect(shape(buildOrgTree([person("ada", "ada")]))).toEqual({ ada: {} });
  });
});

describe("countReports", () => {
  it("counts everyone below a person, at any depth", () => {
    const [root] = buildOrgTree([
      person("ada"),
      person("bea", "ada"),
      person("cy", "bea"),
      person("dan", "ada"),
    ]);
    expect(root && countReports(root)).toBe(3);
  });
});
