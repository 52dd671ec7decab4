// Runs once when the Next.js server starts: background work lives in the app process by default.
// Scaled out, run the app with OUTBOX_WORKER=off and JOBS=off and start `npm run worker` instead.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.DEMO_MODE === "1" || process.env.DEMO_MODE === "true") {
    // Demo and tests only: the portal's clock (lib/clock.ts), loaded before anything reads it.
    const { startClockSync } = await import("@/lib/clock");
    await startClockSync();
  }
  if (process.env.OUTBOX_WORKER !== "off") {
    const { startOutboxWorker } = await import("@/lib/mail/outbox-worker");
    startOutboxWorker();
    const { startIntegrationRunner } = await import("@/lib/platform/integration-runner");
    startIntegrationRunner();
  }
  if (process.env.JOBS !== "off") {
    const { startJobRunnerOnce } = await import("@/lib/jobs/job-runner");
    const { logger } = await import("@/lib/log");
    // A job runner that cannot start (database briefly away) must not take the web app down with it.
    startJobRunnerOnce({ catchUp: true }).catch((error: Error) => logger.error("jobs.start_failed", { error: error.name }));
  }
}
