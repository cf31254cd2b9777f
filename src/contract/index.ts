export * from "./common";
export * from "./health";
export * from "./invitations";
export * from "./me";
export * from "./organizations";
export * from "./people";
export * from "./tasks";
export * from "./tokens";
