// One run of a background job, by hand or from cron, without pg-boss: `npm run job -- <name>`
// (deadline-reminders, daily-digest, retention, storage-sweep). Safe next to running workers: every job is
// idempotent. Mails go to the outbox; the app or `npm run worker` delivers them.
import { JOBS, JOB_NAMES, jobNow, type JobName } from "../lib/jobs/job-runner";
import { disconnectDb } from "../lib/db/client";

const name = process.argv[2] as JobName | undefined;
if (!name || !JOB_NAMES.includes(name)) {
  console.error(`Usage: npm run job -- <${JOB_NAMES.join("|")}>`);
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL must be set.");
  process.exit(2);
}

try {
  const result = await JOBS[name].run(await jobNow(name));
  console.log(`[${name}] ${JSON.stringify(result)}`);
} catch (error) {
  console.error(`[${name}] failed`, error instanceof Error ? error.name : "error");
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
