import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests of the built web app against a real server on a fresh SQLite database.
 * `npm run test:e2e` builds dist/web first; the server serves it. Chromium is Debian's
 * (`/usr/bin/chromium`): Playwright's own browser download is never used.
 */
const port = Number(process.env.E2E_PORT ?? 3917);
const baseURL = `http://localhost:${port}`;
// Made once by the runner; its test workers inherit the environment, and read the mail the server writes there.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "docket-e2e-"));
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: "test/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      // Playwright gives each run its own profile directory (it refuses --user-data-dir here).
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npx tsx src/server/main.ts",
    url: `${baseURL}/api/health`,
    // Webhooks go to receivers the tests start on 127.0.0.1, which the server refuses by default.
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      BASE_URL: baseURL,
      LOG_LEVEL: "warn",
      WEBHOOK_ALLOW_PRIVATE: "true",
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
