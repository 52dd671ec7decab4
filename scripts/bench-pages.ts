// Page benchmark (issue 12, goals 3, 4 and 6): how the staff pages, the submit and the server's
// memory behave as the database grows. It starts its own portal (`next start` through
// scripts/serve.ts, demo staff, no demo limits) on a scratch embedded PostgreSQL with an SMTP server
// in this process, then for each size (default 10k, 100k and 1M cases, grown in place):
//   - seeds the cases (scripts/lib/bench-seed.ts, the same as bench:dashboard),
//   - interleaves the pages with autocannon at one connection, staff pages with a real session
//     cookie: `/bare` (the framework floor), the queue with 50 rows (caseworker and DPO), a case
//     page, the DPO's dashboard "now" and "over time"; prints p50 / p90 server time, the ratio to
//     `/bare` and the HTML size (raw and gzip), and both dashboard pages loaded together,
//   - renders the same pages at 10 connections for a while (the page-render load) and records the
//     portal's peak RSS,
//   - submits through `POST /api/v1/requests` at 10 connections.
// The HTML of each page is left in .data-bench-pages/html/. At the end it submits until 10,000 submissions are stored, waits for every receipt to be mailed,
// prints the portal's memory after them and when idle, and shows the housekeeping at work: the row
// counts of the tables that grow with traffic (outbox, rate-limit buckets, used challenges,
// sessions, pg-boss jobs) before and after the prune functions the jobs run, at the time they
// would. It prints numbers; it is not a test.
//
// Usage: npm run bench:pages [-- --cases 10000,100000,1000000 --seconds 5 --rounds 3 --submissions 10000
//                               --load-seconds 20 --heap-snapshot]
//   --heap-snapshot  writes a heap snapshot of the portal after the page-render load of the last
//                    size (node --heapsnapshot-signal) and prints what holds the most memory.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { ensureBuild, startFaultPostgres, startFaultSmtp, sleep, type FaultPortal, type FaultPostgres, type FaultSmtp } from "./lib/fault-parts";
import { median } from "./lib/bench-database";
import { benchPortal, benchSubmissionBody, ownerSql, runBenchmark } from "./lib/bench-parts";
import { seedBenchCases } from "./lib/bench-seed";
import { summariseHeapSnapshot } from "./lib/heap-snapshot";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = arg("cases", "10000,100000,1000000").split(",").map(Number);
const seconds = Number(arg("seconds", "5"));
const rounds = Number(arg("rounds", "3"));
const submissions = Number(arg("submissions", "10000"));
const loadSeconds = Number(arg("load-seconds", "20"));
const heapSnapshot = process.argv.includes("--heap-snapshot");
const ports = { pg: 15840, smtp: 2840, app: 3840, oidc: 3841 };
const dataDir = path.resolve(".data-bench-pages");
const origin = `http://127.0.0.1:${ports.app}`;
// PUBLIC_URL's host: any other host name is redirected (proxy.ts), so every request names it.
const host = `localhost:${ports.app}`;

const say = (line: string) => process.stdout.write(`${line}\n`);

let postgres: FaultPostgres | undefined;
let smtp: FaultSmtp | undefined;
let portal: FaultPortal | undefined;

const sql = ownerSql(() => postgres, "bench-pages");

// --- The portal's memory ----------------------------------------------------------------------

/** The pids of this portal's Next.js server processes (found by their port in the environment). */
function portalServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.includes("next")) continue;
      const environ = fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (environ.includes(`PORT=${ports.app}`) && /next-server|next start|next\0start/.test(cmdline)) pids.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
      kb += Number(line?.split(/\s+/)[1] ?? 0);
    } catch {
      // exited
    }
  }
  return kb / 1024;
}

/** Samples the portal's RSS every 200 ms until stopped; returns the peak. */
function sampleRss(): { stop: () => number; now: () => number } {
  const pids = portalServerPids();
  let peak = rssMb(pids);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pids));
  }, 200);
  return {
    now: () => rssMb(pids),
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMb(pids));
    },
  };
}

// --- Targets ------------------------------------------------------------------------------------

type Target = { name: string; path: string; cookie?: string; rows?: boolean };
type Measured = { target: string; p50: number; p90: number; rps: number };

function pageRun(target: Target, connections: number, duration: number, options: { tolerant?: boolean } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${origin}${target.path}`,
        connections,
        pipelining: 1,
        duration,
        headers: { host, ...(target.cookie ? { cookie: target.cookie } : {}) },
      },
      (error, result) => {
        if (error) return reject(error);
        // A warm-up right after seeding a million rows may time out while PostgreSQL catches up.
        if (!options.tolerant && (result.non2xx > 0 || result.errors > 0)) return reject(new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`));
        resolve({ target: target.name, p50: result.latency.p50, p90: result.latency.p90, rps: result.requests.average });
      },
    );
  });
}

/** One GET with the public host name (fetch cannot set Host), the whole body as text. */
function get(pathname: string, cookie?: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${origin}${pathname}`, { headers: { host, ...(cookie ? { cookie } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function fetchPage(target: Target): Promise<{ bytes: number; gzip: number; rows: number }> {
  const response = await get(target.path, target.cookie);
  if (response.status !== 200) throw new Error(`${target.name}: HTTP ${response.status} ${response.location ?? ""}`);
  const html = response.body;
  // Kept for a look at what the bytes are (the last size's pages win).
  fs.mkdirSync(path.join(dataDir, "html"), { recursive: true });
  fs.writeFileSync(path.join(dataDir, "html", `${target.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}.html`), html);
  return {
    bytes: Buffer.byteLength(html),
    gzip: gzipSync(html).length,
    rows: (html.match(/<tr[^>]*data-reference=/g) ?? []).length,
  };
}

/** Both dashboard pages requested at once, as a DPO opening them in two tabs: wall time, median of 5. */
async function bothDashboardPages(targets: Target[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    await Promise.all(targets.map((t) => fetchPage(t)));
    if (i > 0) times.push(performance.now() - started);
  }
  return median(times);
}

function submitRun(apiKey: string, options: { connections: number; duration?: number; amount?: number }): Promise<{ rps: number; p50: number; ok: number }> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${origin}/api/v1/requests`,
        connections: options.connections,
        pipelining: 1,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? seconds }),
        requests: [
          {
            method: "POST",
            headers: { host, "content-type": "application/json", authorization: `Bearer ${apiKey}` },
            setupRequest: (request) => ({
              ...request,
              body: benchSubmissionBody(),
            }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ rps: result.requests.average, p50: result.latency.p50, ok: result["2xx"] });
      },
    );
  });
}

// --- Sessions and the case to show ------------------------------------------------------------

async function staffCookie(email: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await sql(
    `INSERT INTO auth_session (id, session_token, user_id, expires)
     SELECT gen_random_uuid(), $1, id, now() + interval '8 hours' FROM staff_user WHERE email = $2`,
    [token, email],
  );
  return `authjs.session-token=${token}`;
}

/** The caseworker's demo case with the longest history (events, messages, files): the heaviest case page. */
async function richestCase(): Promise<string> {
  const [row] = await sql<{ reference: string }>(
    `SELECT c.reference FROM request_case c
       JOIN unit_member m ON m.unit_id = c.unit_id JOIN staff_user u ON u.id = m.user_id AND u.email = 'saksbehandler@demo.test'
      ORDER BY (SELECT count(*) FROM case_event e WHERE e.case_id = c.id) + (SELECT count(*) FROM message x WHERE x.case_id = c.id) DESC
      LIMIT 1`,
  );
  if (!row) throw new Error("no demo case for the caseworker");
  return row.reference;
}

// --- Housekeeping ------------------------------------------------------------------------------

const GROWING_TABLES = ["mail_outbox", "rate_limit_bucket", "used_challenge", "auth_session", "request_draft", "pgboss.job"] as const;

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of GROWING_TABLES) {
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`).catch(() => [{ n: -1 }]);
    counts[table] = row!.n;
  }
  return counts;
}

async function showHousekeeping() {
  const before = await tableCounts();
  // The prune functions the jobs run (retention's housekeeping nightly, the rate limiter's own purge
  // on every hundredth hit), called at the time they would find today's rows old enough: the outbox
  // keeps sent mail 30 days, buckets live a day past their window, sessions until they expire.
  process.env.DATABASE_URL = postgres!.urls.ownerUrl;
  const { housekeeping } = await import("../lib/jobs/retention");
  const { purgeExpiredAbuseRecords } = await import("../lib/abuse/rate-limit");
  const { disconnectDb } = await import("../lib/db/client");
  const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);
  await housekeeping(later);
  await purgeExpiredAbuseRecords(later);
  await disconnectDb();
  const after = await tableCounts();
  say("");
  say("| Table (grows with traffic) | rows now | after the jobs' prune, 31 days on | pruned by |");
  say("|:--|--:|--:|:--|");
  const by: Record<string, string> = {
    mail_outbox: "retention housekeeping: sent mail older than 30 days",
    rate_limit_bucket: "the rate limiter's purge: windows ended a day ago",
    used_challenge: "the rate limiter's purge: expired challenges",
    auth_session: "retention housekeeping: expired sessions",
    request_draft: "retention housekeeping: expired drafts",
    "pgboss.job": "pg-boss itself (deleteAfterDays: 7), one row per scheduled run",
  };
  for (const table of GROWING_TABLES) say(`| \`${table}\` | ${before[table]} | ${table === "pgboss.job" ? "(pg-boss's own clock)" : after[table]} | ${by[table]} |`);
}

// --- The run -----------------------------------------------------------------------------------

type SizeResult = {
  cases: number;
  pages: { name: string; p50: number; p90: number; bytes: number; gzip: number; rows: number }[];
  bare: number;
  both: number;
  peakRss: number;
  submit: { rps: number; p50: number };
};

async function main() {
  ensureBuild(say);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, "portal"), { recursive: true, force: true });
  fs.rmSync(path.join(dataDir, "heap"), { recursive: true, force: true });
  if (heapSnapshot) fs.mkdirSync(path.join(dataDir, "heap"), { recursive: true });
  fs.rmSync(path.join(dataDir, "html"), { recursive: true, force: true });
  postgres = await startFaultPostgres({ dataDir: path.join(dataDir, "pg-parent"), port: ports.pg });
  smtp = await startFaultSmtp({ port: ports.smtp });
  const apiKey = randomBytes(24).toString("hex");
  portal = benchPortal({
    postgres,
    smtp,
    ports,
    dataDir,
    apiKeySecret: apiKey,
    // The demo staff and their units; the demo cases give the case page a real history.
    extra: {
      SEED_DEMO_DATA: "1",
      ...(heapSnapshot ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${path.join(dataDir, "heap")}`.trim() } : {}),
    },
  }).portal;
  say(`portal on http://${host} (log: ${path.relative(process.cwd(), portal.logFile)})`);
  await portal.start();

  const caseworker = await staffCookie("saksbehandler@demo.test");
  const dpo = await staffCookie("personvernombud@demo.test");
  const reference = await richestCase();
  const targets: Target[] = [
    { name: "`/bare`", path: "/bare" },
    { name: "queue, caseworker, 50 rows", path: "/staff?perPage=50", cookie: caseworker, rows: true },
    { name: "queue, DPO, 50 rows", path: "/staff?perPage=50", cookie: dpo, rows: true },
    { name: "case page (richest demo case)", path: `/staff/cases/${reference}`, cookie: caseworker },
    { name: "dashboard \"now\", DPO", path: "/staff/dashboard", cookie: dpo },
    { name: "dashboard \"over time\", DPO", path: "/staff/dashboard/trends", cookie: dpo },
  ];
  const dashboards = targets.slice(4);

  const results: SizeResult[] = [];
  let seeded = 0;
  for (const size of sizes) {
    if (size > seeded) {
      const started = Date.now();
      await seedBenchCases((text) => sql(text), size - seeded, seeded);
      say(`seeded ${(size - seeded).toLocaleString("en")} cases (now ${size.toLocaleString("en")}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      seeded = size;
    }
    // Warm-up: every page once at two connections (JIT, plans, caches).
    for (const target of targets) await pageRun(target, 2, 5, { tolerant: true });
    const measured: Measured[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) measured.push(await pageRun(target, 1, seconds));
    }
    const pages = [];
    for (const target of targets) {
      const mine = measured.filter((m) => m.target === target.name);
      const page = await fetchPage(target);
      pages.push({ name: target.name, p50: median(mine.map((m) => m.p50)), p90: median(mine.map((m) => m.p90)), bytes: page.bytes, gzip: page.gzip, rows: page.rows });
    }
    const both = await bothDashboardPages(dashboards);

    // The page-render load: every page at 10 connections at once, for the memory peak.
    const rss = sampleRss();
    await Promise.all(targets.map((t) => pageRun(t, 10, loadSeconds)));
    const peakRss = rss.stop();
    if (heapSnapshot && size === sizes.at(-1)) {
      portal.signal("SIGUSR2");
      await sleep(20_000);
    }

    const submit = await submitRun(apiKey, { connections: 10 });
    const result: SizeResult = { cases: size, pages, bare: pages[0]!.p50, both, peakRss, submit };
    results.push(result);
    printSize(result);
  }

  // 10,000 submissions (counting the ones above), every receipt mailed, then the memory.
  const [{ n: stored }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM request_case WHERE submission_scope LIKE 'api:%'`)) as [{ n: number }];
  const rss = sampleRss();
  if (submissions > stored) await submitRun(apiKey, { connections: 10, amount: submissions - stored });
  const drainStarted = Date.now();
  for (;;) {
    const [left] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE status <> 'sent'`);
    if (left!.n === 0 || Date.now() - drainStarted > 600_000) break;
    await sleep(500);
  }
  const peakDuringSubmissions = rss.stop();
  const [{ n: total }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM request_case WHERE submission_scope LIKE 'api:%'`)) as [{ n: number }];
  const afterSubmissions = rssMb(portalServerPids());
  await sleep(15_000);
  const idle = rssMb(portalServerPids());
  say("");
  say(
    `Memory (RSS of the portal's Next.js server): ${total.toLocaleString("en")} submissions stored and their receipts mailed; ` +
      `peak while submitting ${peakDuringSubmissions.toFixed(0)} MB, right after ${afterSubmissions.toFixed(0)} MB, idle 15 s later ${idle.toFixed(0)} MB.`,
  );
  await showHousekeeping();
  printSummary(results);
  if (heapSnapshot) printHeap();
}

function printSize(r: SizeResult) {
  say("");
  say(`## ${r.cases.toLocaleString("en")} cases`);
  say("");
  say("| Page | p50 ms | p90 ms | × `/bare` (p50) | HTML | gzip | rows |");
  say("|:--|--:|--:|--:|--:|--:|--:|");
  for (const p of r.pages) {
    say(`| ${p.name} | ${p.p50.toFixed(1)} | ${p.p90.toFixed(1)} | ${(p.p50 / Math.max(r.bare, 1)).toFixed(1)} | ${(p.bytes / 1024).toFixed(1)} KB | ${(p.gzip / 1024).toFixed(1)} KB | ${p.rows || ""} |`);
  }
  say(`| both dashboard pages at once, DPO (wall) | ${r.both.toFixed(0)} | | | | | |`);
  say("");
  say(`Peak RSS under the page-render load (all six pages at 10 connections each): ${r.peakRss.toFixed(0)} MB. Submit at 10 connections: ${r.submit.rps.toFixed(0)} req/s, p50 ${r.submit.p50} ms.`);
}

function printSummary(results: SizeResult[]) {
  say("");
  say("## How the cost grows (p50 ms, one connection; submit req/s at 10 connections)");
  say("");
  say(`| | ${results.map((r) => `${r.cases.toLocaleString("en")} cases`).join(" | ")} |`);
  say(`|:--|${results.map(() => "--:").join("|")}|`);
  const names = results[0]!.pages.map((p) => p.name);
  for (const name of names) say(`| ${name} | ${results.map((r) => r.pages.find((p) => p.name === name)!.p50.toFixed(1)).join(" | ")} |`);
  say(`| both dashboard pages at once (wall ms) | ${results.map((r) => r.both.toFixed(0)).join(" | ")} |`);
  say(`| submit req/s (p50 ms) | ${results.map((r) => `${r.submit.rps.toFixed(0)} (${r.submit.p50})`).join(" | ")} |`);
  say(`| peak RSS under page-render load | ${results.map((r) => `${r.peakRss.toFixed(0)} MB`).join(" | ")} |`);
}

function printHeap() {
  const dir = path.join(dataDir, "heap");
  const file = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".heapsnapshot")).sort().at(-1) : undefined;
  if (!file) return say("(no heap snapshot written)");
  const summary = summariseHeapSnapshot(path.join(dir, file));
  say("");
  say(`Heap snapshot ${path.relative(process.cwd(), path.join(dir, file))}: ${(summary.totalBytes / 1024 / 1024).toFixed(1)} MB in ${summary.nodes.toLocaleString("en")} objects. Largest by self size:`);
  for (const row of summary.top) say(`  ${(row.bytes / 1024 / 1024).toFixed(1).padStart(7)} MB  ${String(row.count).padStart(8)} × ${row.name}`);
}

async function shutdown() {
  await portal?.stop().catch(() => {});
  await smtp?.stop().catch(() => {});
  await postgres?.stop().catch(() => {});
}

await runBenchmark({ name: "bench:pages", main, shutdown, portal: () => portal, say });
