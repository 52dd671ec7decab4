// Submit benchmark: starts its own portal (`next start` through scripts/serve.ts) on a scratch
// embedded PostgreSQL with an SMTP server in this process, and a one-INSERT baseline server
// (scripts/lib/bench-insert-server.ts, the same Prisma client), then interleaves three targets with
// autocannon at 1, 10 and 50 connections, three rounds each:
//   health   GET /api/health (no database: the bare route handler)
//   insert   POST to the baseline (one INSERT through Prisma)
//   submit   POST /api/v1/requests (the real submit: requester, case, gap-free reference, audit
//            event, receipt in the outbox, in one transaction)
// Then it checks that every 2xx submit is stored exactly once with its audit event and outbox row,
// that the references of the year are gap-free and unique, waits for the outbox to deliver every
// receipt, and prints the table (medians of the rounds), the ratios to the bare route and the mail
// delivery rate. It prints numbers; it is not a test.
//
// Usage: npm run bench:submit [-- --seconds 5 --rounds 3 --connections 1,10,50 --profile --worker]
//   --worker    the scaled-out layout of the README: the portal runs with OUTBOX_WORKER=off JOBS=off
//               and mail goes out from a separate `npm run worker` process (scripts/worker.ts).
//   --profile   one more submit round with a CPU profiler in the portal's processes
//               (scripts/lib/cpu-profile-hook.mjs); prints where the time went, by package and function.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { ensureBuild, startFaultPostgres, startFaultSmtp, sleep, type FaultPortal, type FaultPostgres, type FaultSmtp } from "./lib/fault-parts";
import { median } from "./lib/bench-database";
import { benchPortal, benchSubmissionBody, ownerSql, runBenchmark } from "./lib/bench-parts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const seconds = Number(arg("seconds", "5"));
const rounds = Number(arg("rounds", "3"));
const connectionCounts = arg("connections", "1,10,50").split(",").map(Number);
const profile = process.argv.includes("--profile");
const separateWorker = process.argv.includes("--worker");
const ports = { pg: 15820, smtp: 2820, app: 3820, oidc: 3821, insert: 3822 };
const dataDir = path.resolve(".data-bench-submit");
const profileDir = path.join(dataDir, "cpu-profiles");

const say = (line: string) => process.stdout.write(`${line}\n`);

let postgres: FaultPostgres | undefined;
let smtp: FaultSmtp | undefined;
let portal: FaultPortal | undefined;
let baseline: ChildProcess | undefined;
let worker: ChildProcess | undefined;

const sql = ownerSql(() => postgres, "bench-submit");

type Target = "health" | "insert" | "submit";
type Round = { target: Target; connections: number; rps: number; p50: number; p99: number; ok: number; non2xx: number; errors: number };

function run(target: Target, connections: number, apiKey: string): Promise<Round> {
  const base = {
    connections,
    duration: seconds,
    // One request at a time per connection: the numbers are answers per second, not pipelining.
    pipelining: 1,
  };
  const options: autocannon.Options =
    target === "health"
      ? { ...base, url: `http://127.0.0.1:${ports.app}/api/health` }
      : target === "insert"
        ? { ...base, url: `http://127.0.0.1:${ports.insert}/`, method: "POST", body: "{}" }
        : {
            ...base,
            url: `http://127.0.0.1:${ports.app}/api/v1/requests`,
            requests: [
              {
                method: "POST",
                headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
                // A new submission every time (its own key), as real clients send.
                setupRequest: (request) => ({
                  ...request,
                  body: benchSubmissionBody(),
                }),
              },
            ],
          };
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      if (error) return reject(error);
      resolve({
        target,
        connections,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        ok: result["2xx"],
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      });
    });
  });
}

async function startBaseline() {
  baseline = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/lib/bench-insert-server.ts"], {
    env: { ...process.env, DATABASE_URL: postgres!.urls.ownerUrl, PORT: String(ports.insert), DB_POOL_MAX: "10" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    baseline!.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    baseline!.once("exit", (code) => reject(new Error(`baseline server exited (${code})`)));
  });
}

/** `npm run worker` on the portal's database and mail server (the --worker layout). */
function startWorker(env: NodeJS.ProcessEnv) {
  worker = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/worker.ts"], {
    // No cross-process wake-up yet: the worker finds new mail by polling, every 200 ms here.
    env: { ...env, OUTBOX_WORKER: "on", JOBS: "on", OUTBOX_POLL_MS: "200" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * Checks the stored rows against the 2xx answers (every one stored; beyond them only what was in
 * flight when a round stopped); returns the problems found (none = empty).
 */
async function checkStored(acknowledged: number, atMost: number): Promise<string[]> {
  const [row] = await sql<{ cases: number; events: number; outbox: number; refs: number; min_seq: number; max_seq: number }>(
    `SELECT count(*)::int AS cases,
            (SELECT count(*)::int FROM case_event e JOIN request_case c2 ON c2.id = e.case_id
              WHERE c2.submission_scope LIKE 'api:%' AND e.type = 'case.received') AS events,
            (SELECT count(*)::int FROM mail_outbox m JOIN request_case c3 ON c3.id = m.case_id
              WHERE c3.submission_scope LIKE 'api:%' AND m.template = 'request_receipt') AS outbox,
            count(DISTINCT reference)::int AS refs,
            min(reference_seq)::int AS min_seq, max(reference_seq)::int AS max_seq
       FROM request_case c WHERE c.submission_scope LIKE 'api:%'`,
  );
  const [all] = await sql<{ n: number; min_seq: number; max_seq: number; years: number }>(
    `SELECT count(*)::int AS n, min(reference_seq)::int AS min_seq, max(reference_seq)::int AS max_seq, count(DISTINCT reference_year)::int AS years FROM request_case`,
  );
  const problems: string[] = [];
  if (row!.cases < acknowledged || row!.cases > atMost) problems.push(`${acknowledged} acknowledged (+ at most ${atMost - acknowledged} in flight), ${row!.cases} stored`);
  if (row!.events !== row!.cases) problems.push(`${row!.cases} cases, ${row!.events} receipt events`);
  if (row!.outbox !== row!.cases) problems.push(`${row!.cases} cases, ${row!.outbox} receipts in the outbox`);
  if (row!.refs !== row!.cases) problems.push("duplicate references");
  if (all!.years === 1 && all!.max_seq - all!.min_seq + 1 !== all!.n) problems.push(`references not gap-free: ${all!.n} cases, numbers ${all!.min_seq}-${all!.max_seq}`);
  return problems;
}

/**
 * Waits until the outbox has sent every receipt. Returns the delivery rate over the whole run, the
 * backlog left when the last round ended and how fast it drained with no submissions arriving.
 */
async function deliveryRate(): Promise<{ mails: number; perSecond: number; drainSeconds: number; backlog: number; drainPerSecond: number }> {
  const started = Date.now();
  const [pending] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE status <> 'sent'`);
  for (;;) {
    const [left] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE status <> 'sent'`);
    if (left!.n === 0 || Date.now() - started > 600_000) break;
    await sleep(500);
  }
  const [row] = await sql<{ mails: number; span: number }>(
    `SELECT count(*)::int AS mails, extract(epoch FROM max(sent_at) - min(created_at))::float8 AS span FROM mail_outbox WHERE template = 'request_receipt'`,
  );
  const drainSeconds = (Date.now() - started) / 1000;
  const backlog = pending!.n;
  return { mails: row!.mails, perSecond: row!.span > 0 ? row!.mails / row!.span : 0, drainSeconds, backlog, drainPerSecond: backlog > 0 ? backlog / drainSeconds : 0 };
}

function printTable(results: Round[]) {
  const cell = (target: Target, connections: number) => {
    const mine = results.filter((r) => r.target === target && r.connections === connections);
    return { rps: median(mine.map((r) => r.rps)), p50: median(mine.map((r) => r.p50)), p99: median(mine.map((r) => r.p99)) };
  };
  say("");
  say(`| Target | ${connectionCounts.map((c) => `${c} conn. req/s (p50 / p99 ms)`).join(" | ")} |`);
  say(`|:--|${connectionCounts.map(() => "--:").join("|")}|`);
  for (const target of ["health", "insert", "submit"] as const) {
    const cells = connectionCounts.map((c) => {
      const x = cell(target, c);
      return `${x.rps.toFixed(0)} (${x.p50.toFixed(0)} / ${x.p99.toFixed(0)})`;
    });
    say(`| ${target === "health" ? "`GET /api/health` (bare)" : target === "insert" ? "one INSERT through Prisma" : "`POST /api/v1/requests`"} | ${cells.join(" | ")} |`);
  }
  say(`| submit / bare | ${connectionCounts.map((c) => (cell("submit", c).rps / cell("health", c).rps).toFixed(2)).join(" | ")} |`);
  say(`| submit / one INSERT | ${connectionCounts.map((c) => (cell("submit", c).rps / cell("insert", c).rps).toFixed(2)).join(" | ")} |`);
  say("");
}

/** Where the profiled processes spent their CPU time (idle left out): by package, then by function. */
function printProfile() {
  const files = fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile")) : [];
  if (files.length === 0) return say("(no CPU profile written)");
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const p = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8")) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const node = byId.get(id);
      const us = p.timeDeltas[i] ?? 0;
      if (!node || node.callFrame.functionName === "(idle)") return;
      const url = node.callFrame.url;
      const inModules = url.split("node_modules/")[1];
      const pkg = inModules
        ? inModules.split("/").slice(0, inModules.startsWith("@") ? 2 : 1).join("/")
        : url
          ? url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "").split("/").slice(0, 2).join("/")
          : node.callFrame.functionName;
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
      const key = `${node.callFrame.functionName || "(anonymous)"} ${(inModules ?? url.replace(process.cwd() + "/", "")).slice(-80)}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + us);
      busy += us;
    });
  }
  const top = (map: Map<string, number>, n: number) => [...map.entries()].sort((x, y) => y[1] - x[1]).slice(0, n);
  say(`CPU time of the portal's processes while profiled: ${(busy / 1000).toFixed(0)} ms busy (idle left out). By package:`);
  for (const [key, us] of top(byPackage, 15)) say(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${key}`);
  say("By function (self time):");
  for (const [key, us] of top(byFunction, 25)) say(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${key}`);
}

async function main() {
  ensureBuild(say);
  // startFaultPostgres wipes its own directory (after stopping a cluster an earlier run left).
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.rmSync(path.join(dataDir, "portal"), { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  postgres = await startFaultPostgres({ dataDir: path.join(dataDir, "pg-parent"), port: ports.pg });
  smtp = await startFaultSmtp({ port: ports.smtp });
  const apiKey = randomBytes(24).toString("hex");
  const publicUrl = `http://localhost:${ports.app}`;
  const started = benchPortal({
    postgres,
    smtp,
    ports,
    dataDir,
    apiKeySecret: apiKey,
    extra: {
      ...(profile ? { NODE_OPTIONS: `--import ${pathToFileURL(path.resolve("scripts/lib/cpu-profile-hook.mjs")).href}`, PROFILE_DIR: profileDir } : {}),
      ...(separateWorker ? { OUTBOX_WORKER: "off", JOBS: "off" } : {}),
    },
  });
  portal = started.portal;
  say(`portal on ${publicUrl} (log: ${path.relative(process.cwd(), portal.logFile)})${separateWorker ? ", mail from a separate worker process" : ""}`);
  await portal.start();
  if (separateWorker) startWorker({ ...started.env, NODE_OPTIONS: "" });
  await sql(`CREATE TABLE bench_insert (id uuid PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  await startBaseline();

  // Warm-up: JIT, connection pools, Next's route compilation.
  for (const target of ["health", "insert", "submit"] as const) await run(target, 10, apiKey);
  const storedNow = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM request_case WHERE submission_scope LIKE 'api:%'`))[0]!.n;
  // What the submit rounds were answered 2xx for, plus what was still in flight when autocannon
  // stopped a round (answered after it stopped counting): at most one per connection.
  let acknowledged = await storedNow();
  let inFlightAllowance = 0;

  const results: Round[] = [];
  for (const connections of connectionCounts) {
    for (let round = 1; round <= rounds; round++) {
      for (const target of ["health", "insert", "submit"] as const) {
        const result = await run(target, connections, apiKey);
        results.push(result);
        if (target === "submit") {
          acknowledged += result.ok;
          inFlightAllowance += connections;
        }
        say(`${target.padEnd(6)} ${String(connections).padStart(3)} conn. round ${round}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`);
      }
    }
  }
  printTable(results);

  if (profile) {
    // One more submit round at the last connection count, with the profiler on in every process.
    portal.signal("SIGUSR2");
    const profiled = await run("submit", connectionCounts.at(-1)!, apiKey);
    acknowledged += profiled.ok;
    inFlightAllowance += connectionCounts.at(-1)!;
    portal.signal("SIGUSR2");
    await sleep(3000);
    say(`profiled submit round: ${profiled.rps.toFixed(0)} req/s`);
    printProfile();
  }

  await sleep(1000);
  const problems = await checkStored(acknowledged, acknowledged + inFlightAllowance);
  say(
    problems.length === 0
      ? `Stored: all ${acknowledged} acknowledged submissions (and ${(await storedNow()) - acknowledged} answered after autocannon stopped counting), each with its audit event and outbox row; references unique and gap-free.`
      : `PROBLEMS: ${problems.join("; ")}`,
  );
  const mail = await deliveryRate();
  say(
    `Mail (${separateWorker ? "a separate `npm run worker`" : "the outbox worker inside the portal"}): ${mail.mails} receipts delivered at ${mail.perSecond.toFixed(0)} per second over the run; ` +
      `${mail.backlog} were waiting when the last round ended and went out in ${mail.drainSeconds.toFixed(1)} s (${mail.drainPerSecond.toFixed(0)} per second).`,
  );
  if (problems.length > 0) process.exitCode = 1;
}

async function shutdown() {
  baseline?.kill("SIGTERM");
  worker?.kill("SIGTERM");
  await portal?.stop().catch(() => {});
  await smtp?.stop().catch(() => {});
  await postgres?.stop().catch(() => {});
}

await runBenchmark({ name: "bench:submit", main, shutdown, portal: () => portal, say });
