// A worker does not inherit the TypeScript loader of the thread that starts it: register it, then load the worker.
import { register } from "tsx/esm/api";

register();
await import("./pdf-worker.ts");
