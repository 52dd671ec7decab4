import { defineConfig } from "@playwright/test";
import { embeddedUrls } from "./scripts/lib/database-roles";

/** Key for the integration API in the e2e app (never used outside tests). */
const E2E_API_KEY = "e2e-test-api-key-0123456789abcdefghijklmnop";
/** A second integration (another API key): its submission keys are its own. */
export const E2E_OTHER_API_KEY = "e2e-other-api-key-0123456789abcdefghijkl";

// Ports and data dir can be moved so that several test runs can share a machine.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? ".data-e2e";
if (!/^\.data-[a-z0-9-]+$/.test(dataDir)) throw new Error("E2E_DATA_DIR must look like .data-<name>");

// Tests that set up or read state directly (withDb in tests/e2e/support.ts: backdating cases, rate
// limit buckets) stand in for an operator, like the seed, and connect as the owner (portal_owner).
// The app under test runs as portal_app_login (scripts/serve.ts), as in production.
const e2ePgPort = Number(process.env.E2E_PG_PORT ?? 15349);
export const E2E_DB = {
  port: e2ePgPort,
  url: embeddedUrls(e2ePgPort, "portal").ownerUrl,
};

// The specs that move the portal's clock (the demo clock, lib/clock.ts: escalation, and clock-*.spec.ts)
// would move it under every other test running at the same time, since all tests share one portal. So
// they are their own project, one at a time, and in a full run (no files named on the command line)
// only after all the others. Naming files runs exactly those, as usual: `playwright test
// tests/e2e/escalation.spec.ts` runs that spec alone, not the whole suite first.
const CLOCK_SPECS = /\/(escalation|clock-[a-z0-9-]+)\.spec\.ts$/;
const OPTIONS_WITH_VALUE = new Set(["-c", "--config", "-g", "--grep", "--grep-invert", "--project", "-j", "--workers", "--reporter", "--output", "--retries", "--repeat-each", "--timeout", "--max-failures", "--shard", "--trace"]);
function namesFiles(argv: string[]): boolean {
  const args = argv.slice(argv.indexOf("test") + 1);
  return args.some((arg, i) => !arg.startsWith("-") && !OPTIONS_WITH_VALUE.has(args[i - 1] ?? ""));
}
const clockAfterTheRest = process.argv.includes("test") && !namesFiles(process.argv);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  projects: [
    { name: "portal", testIgnore: CLOCK_SPECS },
    { name: "clock", testMatch: CLOCK_SPECS, workers: 1, dependencies: clockAfterTheRest ? ["portal"] : [] },
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    // The integration API (POST /api/v1/requests) that tests use to create cases needs a key.
    extraHTTPHeaders: { authorization: `Bearer ${E2E_API_KEY}` },
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // The real app with its embedded defaults (PostgreSQL + SMTP catcher), on a fresh data dir:
  // the same code path as `npm start`, minus the build (npm run test:e2e builds first).
  webServer: {
    command: `rm -rf ${dataDir} && tsx scripts/serve.ts`,
    url: `http://localhost:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      // Always the embedded defaults, even if the shell has external services configured.
      DATABASE_URL: "",
      SMTP_URL: "",
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(E2E_DB.port),
      DEMO_SMTP_PORT: String(Number(process.env.E2E_SMTP_PORT ?? 2535)),
      OUTBOX_POLL_MS: "500",
      // The SvarUt stand-in moves a letter one status on every 1.5 s (platform.spec.ts waits for print).
      DEMO_SVARUT_ADVANCE_MS: "1500",
      // The archive folder closes this long after the case (the answer letter is journaled first).
      ARCHIVE_CLOSE_GRACE_SECONDS: "20",
      SVARUT_STATUS_POLL_MS: "1000",
      API_KEYS: `e2e:${E2E_API_KEY},e2e-other:${E2E_OTHER_API_KEY}`,
      // Every test comes from 127.0.0.1: lift the per-IP limits; per-e-mail/identity limits stay real.
      RATE_LIMITS: process.env.RATE_LIMITS ?? "submit_ip=100000/3600,submit_api_key=100000/3600,login_ip=100000/3600,email_code_ip=100000/3600",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    },
  },
});
