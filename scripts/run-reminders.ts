// One run of the deadline-reminder job (for cron or by hand): records and queues the reminders that
// are due today (Oslo). Safe to run from several machines at once: each reminder is sent once.
// The mails are delivered by the outbox worker (the app, or `npm run worker`).
import { runDeadlineReminders } from "../lib/jobs/deadline-reminders";
import { disconnectDb } from "../lib/db/client";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL must be set.");
  process.exit(2);
}

try {
  const result = await runDeadlineReminders({ now: new Date() });
  console.log(`[reminders] ${JSON.stringify(result)}`);
} catch (error) {
  console.error("[reminders] failed", error instanceof Error ? error.name : "error");
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
