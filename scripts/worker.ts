// `npm run worker`: background work in a process of its own, for when the app is scaled out.
// Run app instances with OUTBOX_WORKER=off and JOBS=off and one or more of these. Mail rows are
// claimed with FOR UPDATE SKIP LOCKED and jobs through pg-boss, so several workers never send the
// same mail or reminder twice.
import { startOutboxWorker, stopOutboxWorker } from "../lib/mail/outbox-worker";
import { startJobRunnerOnce, stopJobRunner, JOB_NAMES, cronFor } from "../lib/jobs/job-runner";
import { disconnectDb } from "../lib/db/client";
import { startIntegrationRunner, stopIntegrationRunner } from "../lib/platform/integration-runner";

for (const name of ["DATABASE_URL", "SMTP_URL"]) {
  if (!process.env[name]) {
    console.error(`${name} must be set for the worker.`);
    process.exit(2);
  }
}
startOutboxWorker({ keepAlive: true });
startIntegrationRunner({ keepAlive: true });
await startJobRunnerOnce({ catchUp: true });
console.log("[worker] outbox worker and jobs running; Ctrl-C to stop");
for (const name of JOB_NAMES) console.log(`[worker]   ${name}: ${cronFor(name)} (Europe/Oslo)`);

async function stop() {
  stopOutboxWorker();
  await stopIntegrationRunner();
  await stopJobRunner();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
