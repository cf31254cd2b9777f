import { Option } from "commander";
import type { Output } from "./output";
import type { Session } from "./session";

/** What every command gets: where to write, and the server connection when it needs one. */
export interface Runtime {
  output: Output;
  /** The configured session; throws "not logged in" when there is none. */
  session(): Session;
  now(): Date;
}

export const jsonOption = () => new Option("--json", "print the API's answer as JSON, nothing else");

/** The placement flags add and move share: at most one of them. */
export function placementOptions(): Option[] {
  const all = ["top", "bottom", "before", "after"];
  const others = (name: string) => all.filter((other) => other !== name);
  return [
    new Option("--top", "first on the plate").conflicts(others("top")),
    new Option("--bottom", "last on the plate").conflicts(others("bottom")),
    new Option("--before <id>", "just before this task").conflicts(others("before")),
    new Option("--after <id>", "just after this task").conflicts(others("after")),
  ];
}
