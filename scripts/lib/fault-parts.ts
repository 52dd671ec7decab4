// The parts `npm run test:faults` runs and breaks (scripts/test-faults.ts): its own embedded
// PostgreSQL (SIGKILLed and restarted on the same data directory), its own SMTP server in this
// process (stopped and started again on the same port) and the portal through scripts/serve.ts as a
// child process group (SIGKILLed and started again). Every part can be stopped from an exit handler.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";
import { referencesIn, type ReceivedMail } from "./fault-check";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(probe: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(50);
  }
}

/** Alive and not a zombie (a killed postgres child is reaped by whoever is its parent, maybe late). */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

// --- PostgreSQL -------------------------------------------------------------------------------

export type FaultPostgres = {
  urls: Pick<EmbeddedDatabase, "appUrl" | "ownerUrl">;
  /** SIGKILL to the postmaster, then waits until it and its backends are gone (no shutdown, no checkpoint). */
  kill: () => Promise<void>;
  /** Starts the cluster again on the same data directory (PostgreSQL runs crash recovery). */
  restart: () => Promise<void>;
  /** Stops it cleanly if it runs; SIGKILL if that does not work. */
  stop: () => Promise<void>;
  /** Synchronous last resort for an exit handler: SIGKILL to the postmaster, if it runs. */
  killNow: () => void;
};

/** The postmaster's pid from postmaster.pid, if that process still runs postgres on this cluster. */
function postmasterPid(clusterDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return null;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres") && cmdline.includes(clusterDir) ? pid : null;
  } catch {
    return null;
  }
}

async function killPostmaster(clusterDir: string): Promise<boolean> {
  const pid = postmasterPid(clusterDir);
  if (!pid) return false;
  const backends = childrenOf(pid);
  process.kill(pid, "SIGKILL");
  // Backends notice their postmaster's death and exit; a new postmaster refuses to start while they
  // still hold the old shared memory.
  await waitUntil(() => !isRunning(pid) && backends.every((b) => !isRunning(b)), 30_000, "the killed PostgreSQL's processes to exit");
  return true;
}

/**
 * A fresh cluster in `dataDir` (wiped first), with the roles exactly as `npm start` sets them up
 * (scripts/lib/embedded-postgres.ts). A postgres left running on it by an earlier run that was itself
 * killed is SIGKILLed first.
 */
export async function startFaultPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<FaultPostgres> {
  const clusterDir = path.resolve(options.dataDir, "pg");
  if (await killPostmaster(clusterDir)) options.log?.("a PostgreSQL left over from an earlier run was stopped");
  fs.rmSync(options.dataDir, { recursive: true, force: true });
  fs.mkdirSync(options.dataDir, { recursive: true });
  const start = () => startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, database: "portal" });
  let current: EmbeddedDatabase | null = await start();
  const urls = { appUrl: current.appUrl, ownerUrl: current.ownerUrl };
  return {
    urls,
    kill: async () => {
      if (!(await killPostmaster(clusterDir))) throw new Error("PostgreSQL was not running");
      current = null;
    },
    restart: async () => {
      current = await start();
    },
    stop: async () => {
      const running = current;
      current = null;
      if (running) await Promise.race([running.stop(), sleep(15_000)]);
      await killPostmaster(clusterDir);
    },
    killNow: () => {
      const pid = postmasterPid(clusterDir);
      if (pid) process.kill(pid, "SIGKILL");
    },
  };
}

// --- SMTP -------------------------------------------------------------------------------------

export type FaultSmtp = {
  url: string;
  /** Every mail accepted so far: its Message-ID, the references in it and when. Never the addresses. */
  mails: (ReceivedMail & { receivedAt: number })[];
  /** Stops listening at once; a transaction under way may finish (up to 10 s, then 421 and closed). */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  running: () => boolean;
};

export async function startFaultSmtp(options: { port: number }): Promise<FaultSmtp> {
  const host = "127.0.0.1";
  const mails: FaultSmtp["mails"] = [];
  let server: SMTPServer | null = null;
  const start = async () => {
    const next = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      banner: "Personvernportalen fault test mail server",
      logger: false,
      // A mail server going down for maintenance: no new connections at once, a transaction under
      // way ends first (nodemailer sends one mail per connection). Cutting one off between "250" and
      // the recorded mail would fabricate SMTP's own classic duplicate, which is not the portal's.
      closeTimeout: 10_000,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            mails.push({
              messageId: parsed.messageId ?? null,
              references: referencesIn(`${parsed.subject ?? ""}\n${parsed.text ?? ""}`),
              receivedAt: Date.now(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      next.server.once("error", reject);
      next.listen(options.port, host, () => resolve());
    });
    server = next;
  };
  await start();
  return {
    url: `smtp://${host}:${options.port}`,
    mails,
    running: () => server !== null,
    start,
    stop: async () => {
      const running = server;
      server = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
  };
}

// --- The portal -------------------------------------------------------------------------------

export type FaultPortal = {
  /** Starts scripts/serve.ts (migrations, seed, `next start`) and resolves when it answers HTTP. */
  start: () => Promise<void>;
  /** SIGKILL to the whole process group: serve.ts, next and its workers, at once. */
  kill: () => Promise<void>;
  /** Ctrl-C as in a terminal (SIGINT to serve.ts), SIGKILL to the group if it has not stopped in 20 s. */
  stop: () => Promise<void>;
  /** Synchronous last resort for an exit handler. */
  killNow: () => void;
  /** Sends a signal to every process of the portal (bench:submit's profiler switch, SIGUSR2). */
  signal: (signal: NodeJS.Signals) => void;
  logFile: string;
  tail: (lines?: number) => string;
};

export function faultPortal(options: { port: number; env: NodeJS.ProcessEnv; logFile: string; startTimeoutMs?: number }): FaultPortal {
  let child: ChildProcess | null = null;
  const groupAlive = (pid: number) => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const waitGroupGone = (pid: number, timeoutMs: number) => waitUntil(() => !groupAlive(pid), timeoutMs, "the portal's processes to exit");
  const tail = (lines = 40) => {
    try {
      return fs.readFileSync(options.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  };
  const answers = async () => {
    try {
      // Any HTTP answer means next listens; GET on the API is refused without touching the database.
      await fetch(`http://127.0.0.1:${options.port}/api/v1/requests`, { redirect: "manual", signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      return false;
    }
  };
  return {
    logFile: options.logFile,
    tail,
    start: async () => {
      if (child) throw new Error("the portal is running already");
      const log = fs.openSync(options.logFile, "a");
      const started = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
        env: options.env,
        stdio: ["ignore", log, log],
        // Its own process group, so that one signal reaches serve.ts, next and next's workers.
        detached: true,
      });
      fs.closeSync(log);
      child = started;
      const exited = new Promise<never>((_, reject) =>
        started.once("exit", (code, signal) => reject(new Error(`the portal exited during start-up (${signal ?? code}):\n${tail()}`))),
      );
      exited.catch(() => {});
      await Promise.race([waitUntil(answers, options.startTimeoutMs ?? 180_000, "the portal to answer"), exited]);
    },
    kill: async () => {
      const pid = child?.pid;
      child = null;
      if (!pid) return;
      process.kill(-pid, "SIGKILL");
      await waitGroupGone(pid, 15_000);
    },
    stop: async () => {
      const running = child;
      child = null;
      if (!running?.pid || !groupAlive(running.pid)) return;
      running.kill("SIGINT");
      try {
        await waitGroupGone(running.pid, 20_000);
      } catch {
        process.kill(-running.pid, "SIGKILL");
        await waitGroupGone(running.pid, 10_000);
      }
    },
    signal: (signal) => {
      if (child?.pid) process.kill(-child.pid, signal);
    },
    killNow: () => {
      const pid = child?.pid;
      child = null;
      if (pid && groupAlive(pid)) process.kill(-pid, "SIGKILL");
    },
  };
}

/** `next build` unless a production build is there already (it is not rebuilt when the code changed). */
export function ensureBuild(say: (line: string) => void): void {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (fs.existsSync(path.resolve(distDir, "BUILD_ID"))) return;
  say(`No production build in ${distDir}: running \`next build\` first.`);
  const result = spawnSync(path.resolve("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

/**
 * The environment of a scratch portal on these parts (test:faults, bench:submit): the app role on
 * the scratch PostgreSQL, the in-process SMTP server, one API key, no demo data, and no per-key
 * limit (the load is the point). `extra` adds or overrides.
 */
export function scratchPortalEnv(options: {
  postgres: FaultPostgres;
  smtp: FaultSmtp;
  ports: { app: number; oidc: number };
  dataDir: string;
  apiKey: { name: string; secret: string };
  extra?: Record<string, string>;
}): NodeJS.ProcessEnv {
  const publicUrl = `http://localhost:${options.ports.app}`;
  return {
    ...process.env,
    DATABASE_URL: options.postgres.urls.appUrl,
    MIGRATION_DATABASE_URL: options.postgres.urls.ownerUrl,
    SMTP_URL: options.smtp.url,
    PORT: String(options.ports.app),
    PUBLIC_URL: publicUrl,
    AUTH_URL: publicUrl,
    HOSTNAME: "127.0.0.1",
    DATA_DIR: options.dataDir,
    // Demo mode only for what a test run has no real counterpart of (ID-porten, generated keys).
    DEMO_MODE: "1",
    SEED_DEMO_DATA: "0",
    OIDC_DEV_PORT: String(options.ports.oidc),
    API_KEYS: `${options.apiKey.name}:${options.apiKey.secret}`,
    RATE_LIMITS: "submit_api_key=100000000/3600",
    LOG_LEVEL: "warn",
    ...options.extra,
  };
}
