// pg-boss's schema (`pgboss`) belongs to portal_owner like everything else. pg-boss creates and
// upgrades its tables the first time it starts, and each queue is a table of its own (create_queue
// runs CREATE TABLE and ATTACH PARTITION): DDL the app's role may not run. So at start-up, after the
// migrations, the owner starts the job runner once without working on anything: that installs or
// upgrades pg-boss, creates the queues and registers the schedules with the options in
// lib/jobs/job-runner.ts. The app's own runner then finds everything in place and only reads and
// writes rows (the grants: prisma/migrations/20261203140000_database_roles, default privileges in
// pgboss).
import { startJobRunner } from "../../lib/jobs/job-runner";

export async function prepareJobSchema(ownerUrl: string): Promise<void> {
  const runner = await startJobRunner({ databaseUrl: ownerUrl, jobs: [] });
  await runner.stop();
}
