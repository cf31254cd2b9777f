import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultLimits } from "../src/core/limits";
import { loadConfig } from "../src/server/config";
import { baseUrl } from "./support/harness";

const dataDir = mkdtempSync(join(tmpdir(), "docket-limits-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const load = (env: Record<string, string>) =>
  loadConfig({
    BASE_URL: baseUrl,
    DATA_DIR: dataDir,
    AUTH_SECRET: "a-secret-of-thirty-two-characters!",
    ...env,
  });

describe("LIVE_STREAMS_PER_INSTANCE", () => {
  it("bounds the live streams one server holds, 2,000 unless set", () => {
    expect(load({}).limits).toEqual(defaultLimits);
    expect(load({ LIVE_STREAMS_PER_INSTANCE: "" }).limits).toEqual(defaultLimits);
    expect(defaultLimits.liveStreamsPerInstance).toBe(2_000);
    expect(load({ LIVE_STREAMS_PER_INSTANCE: "500" }).limits).toEqual({
      ...defaultLimits,
      liveStreamsPerInstance: 500,
    });
  });

  it("refuses anything but a whole number of at least 1, naming the variable", () => {
    for (const value of ["0", "-5", "lots", "2.5"]) {
      expect(() => load({ LIVE_STREAMS_PER_INSTANCE: value })).toThrow(
        `LIVE_STREAMS_PER_INSTANCE must be a whole number of at least 1, not "${value}"`,
      );
    }
  });
});
