// `npm run worker`: background jobs in a process of their own, for when the app is scaled out.
// Run app instances with OUTBOX_WORKER=off and one or more of these; rows are claimed with
// FOR UPDATE SKIP LOCKED, so several workers never send the same mail twice.
import { startOutboxWorker, stopOutboxWorker } from "../lib/mail/outbox-worker";
import { disconnectDb } from "../lib/db/client";

for (const name of ["DATABASE_URL", "SMTP_URL"]) {
  if (!process.env[name]) {
    console.error(`${name} must be set for the worker.`);
    process.exit(2);
  }
}
startOutboxWorker({ keepAlive: true });
console.log("[worker] outbox worker running; Ctrl-C to stop");

async function stop() {
  stopOutboxWorker();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
