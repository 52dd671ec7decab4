// Background jobs on PostgreSQL with pg-boss (no Redis): deadline reminders, the daily digest and
// retention run on cron schedules (Oslo time). Runs inside the app process by default
// (instrumentation.ts) and in `npm run worker` when scaled out. Several instances are safe:
// pg-boss puts ONE job in the queue per schedule tick whichever instance sees it first, the
// queues use the "singleton" policy (at most one job of a kind active at a time), and every job
// is idempotent on its own (unique rows per reminder, per digest and day, per anonymised case).
import PgBoss from "pg-boss";
import pg from "pg";
import { logger } from "@/lib/log";
import { now as clockNow, syncClock } from "@/lib/clock";

export type JobName = "deadline-reminders" | "daily-digest" | "retention" | "storage-sweep";

type JobDefinition = {
  /** Environment variable that overrides the schedule (cron syntax, Europe/Oslo). */
  cronEnv: string;
  defaultCron: string;
  /** Which time the job judges by: the portal's clock (lib/clock.ts, moved in a demo), or real time. */
  time: "clock" | "real";
  run: (now: Date) => Promise<unknown>;
};

// Imports are lazy so the app's start does not load job code it may never run.
export const JOBS: Record<JobName, JobDefinition> = {
  // Every half hour in working hours on weekdays: a reminder goes out on the morning it becomes due,
  // and an overdue case is escalated within half an hour, not at night.
  "deadline-reminders": {
    cronEnv: "REMINDERS_CRON",
    defaultCron: "*/30 7-16 * * 1-5",
    time: "clock",
    run: async (now) => (await import("./deadline-reminders")).runDeadlineReminders({ now }),
  },
  // 07:00 on weekdays; the job itself skips Norwegian public holidays.
  "daily-digest": {
    cronEnv: "DIGEST_CRON",
    defaultCron: "0 7 * * 1-5",
    time: "clock",
    run: async (now) => (await import("./daily-digest")).runDailyDigest({ now }),
  },
  // Nightly, when nobody works on the cases it may anonymise.
  retention: {
    cronEnv: "RETENTION_CRON",
    defaultCron: "30 2 * * *",
    time: "clock",
    // Cases by the portal's clock, sessions, codes and drafts by real time (their expiry is real).
    run: async (now) => (await import("./retention")).runRetention({ now, housekeepingNow: new Date() }),
  },
  // Nightly after retention: removes stored files that no row points at (a crash between writing
  // a file and committing its row).
  "storage-sweep": {
    cronEnv: "STORAGE_SWEEP_CRON",
    defaultCron: "15 3 * * *",
    // Compares with the files' modification times on disk, which are real time.
    time: "real",
    run: async (now) => (await import("./storage-sweep")).runStorageSweep({ now }),
  },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** The time a run of `name` starts at: the portal's clock, read fresh from the database (another instance may have moved it). */
export async function jobNow(name: JobName): Promise<Date> {
  if (JOBS[name].time === "real") return new Date();
  await syncClock();
  return clockNow();
}

/** The jobs a demo runs "now" from /demo/clock, after moving the clock: reminders and escalations, and the digest. */
export const DAILY_JOBS = ["deadline-reminders", "daily-digest"] as const satisfies readonly JobName[];

/**
 * Runs the daily jobs once, in this process, at the portal's clock, and returns when they are done
 * (their mails are in the outbox). The same code as a schedule tick; safe next to one, every job is
 * idempotent. For the demo clock page (demo mode only: the caller checks).
 */
export async function runDailyJobsNow(): Promise<Record<(typeof DAILY_JOBS)[number], unknown>> {
  const results = {} as Record<(typeof DAILY_JOBS)[number], unknown>;
  for (const name of DAILY_JOBS) {
    results[name] = await JOBS[name].run(await jobNow(name));
    logger.info("jobs.done", { job: name, trigger: "demo-clock", result: summarise(results[name]) });
  }
  return results;
}
const TIME_ZONE = "Europe/Oslo";
const SCHEMA = "pgboss";

export function cronFor(name: JobName, environment: NodeJS.ProcessEnv = process.env): string {
  return environment[JOBS[name].cronEnv]?.trim() || JOBS[name].defaultCron;
}

export type JobRunner = {
  boss: PgBoss;
  /** Queues one run of `name` now (the same path as a schedule tick). */
  trigger: (name: JobName) => Promise<string | null>;
  stop: () => Promise<void>;
};

export type JobRunnerOptions = {
  databaseUrl?: string;
  /** Also queue one reminder run at start, so a server that was down at the scheduled time catches up. */
  catchUp?: boolean;
  /** Which jobs this instance works on (default all). Schedules are registered for all of them. */
  jobs?: JobName[];
  /** For tests: what a job run does (default: JOBS[name].run). */
  runJob?: (name: JobName, now: Date) => Promise<unknown>;
  /** Seconds between polls for new jobs (default 5). */
  pollingIntervalSeconds?: number;
};

export async function startJobRunner(options: JobRunnerOptions = {}): Promise<JobRunner> {
  const connectionString = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL must be set for the job runner");
  const boss = new PgBoss({
    connectionString,
    schema: SCHEMA,
    application_name: "personvernportalen-jobs",
    max: 3,
    // Finished jobs are history only: keep a week, for "when did retention last run".
    deleteAfterDays: 7,
  });
  // pg-boss reports connection trouble as events: log the kind, never the message (it can hold the URL).
  boss.on("error", (error) => logger.error("jobs.error", { error: error.name, code: (error as { code?: string }).code }));
  await boss.start();

  const runJob = options.runJob ?? ((name: JobName, now: Date) => JOBS[name].run(now));
  const worked = options.jobs ?? JOB_NAMES;
  // Instances starting at the same moment deadlock in pg-boss's queue creation (each creates a
  // table and attaches it): one at a time, under an advisory lock held on a connection of our own.
  await withSetupLock(connectionString, async () => {
    for (const name of JOB_NAMES) {
      await boss.createQueue(name, {
        name,
        policy: "singleton",
        retryLimit: 5,
        retryDelay: 60,
        retryBackoff: true,
        expireInSeconds: 30 * 60,
      });
      await boss.schedule(name, cronFor(name), {}, { tz: TIME_ZONE });
    }
  });
  for (const name of worked) {
    await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async (jobs) => {
      for (const job of jobs) {
        const started = Date.now();
        try {
          const result = await runJob(name, await jobNow(name));
          logger.info("jobs.done", { job: name, jobId: job.id, ms: Date.now() - started, result: summarise(result) });
        } catch (error) {
          logger.error("jobs.failed", { job: name, jobId: job.id, error: (error as Error).name });
          throw error; // pg-boss retries with backoff
        }
      }
    });
  }
  const trigger = (name: JobName) => boss.send(name, {});
  if (options.catchUp) {
    // One catch-up per ten minutes however many instances start at once.
    await boss.send("deadline-reminders", {}, { singletonKey: "catch-up", singletonMinutes: 10 });
  }
  return {
    boss,
    trigger,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}

async function withSetupLock(connectionString: string, fn: () => Promise<void>) {
  const client = new pg.Client({ connectionString, application_name: "personvernportalen-jobs-setup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('personvernportalen.jobs.setup'))");
    await fn();
  } finally {
    // Ending the session releases the lock too, also when fn threw.
    await client.end();
  }
}

/** Numbers only: job results are counts, and logs never carry personal data. */
function summarise(result: unknown): Record<string, number | boolean> | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const out: Record<string, number | boolean> = {};
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === "number" || typeof value === "boolean") out[key] = value;
  }
  return out;
}

const globalForJobs = globalThis as unknown as { __jobRunner?: Promise<JobRunner> };

/** Starts the runner once per process (the app's instrumentation hook may be called more than once). */
export function startJobRunnerOnce(options: JobRunnerOptions = {}): Promise<JobRunner> {
  globalForJobs.__jobRunner ??= startJobRunner(options).catch((error) => {
    globalForJobs.__jobRunner = undefined;
    throw error;
  });
  return globalForJobs.__jobRunner;
}

export async function stopJobRunner(): Promise<void> {
  const runner = globalForJobs.__jobRunner;
  globalForJobs.__jobRunner = undefined;
  if (runner) await (await runner).stop();
}
