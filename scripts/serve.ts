// `npm start` / `npm run serve`: runs the portal. Anything not configured gets an embedded default:
//   no DATABASE_URL -> embedded PostgreSQL in DATA_DIR (.data), migrated and seeded with demo data;
//                      migrations and seed run as portal_owner, the app as portal_app_login
//                      (scripts/lib/database-roles.ts)
//   no SMTP_URL     -> built-in SMTP catcher; mail shows at /demo/mailbox
//   no IDPORTEN_ISSUER (demo mode) -> local test ID-porten on OIDC_DEV_PORT (lib/dev/oidc-provider.ts);
//                                     without STAFF_OIDC_ISSUER it also serves staff sign-in ("portal-staff")
//   no FIELD_ENCRYPTION_KEYS / LOOKUP_HMAC_KEY (demo mode) -> generated once into DATA_DIR
//   demo mode -> next listens on 127.0.0.1 only, unless HOSTNAME says otherwise (the demo mailbox
//                shows every sign-in link to whoever can open it)
// With DATABASE_URL set, migrations and seed use MIGRATION_DATABASE_URL (the owner), which the app
// process never sees. Ctrl-C stops the app, the catcher and the database cleanly; the next start
// reuses the data.
import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";
import { checkAppRole, checkMigrationRole } from "./lib/database-roles";
import { prepareJobSchema } from "./lib/job-schema";

const dev = process.argv.includes("--dev");
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const say = (line: string) => console.log(`[portal] ${line}`);
const isOn = (value: string | undefined) => value === "1" || value === "true";
const isLoopback = (hostname: string) =>
  /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$/.test(hostname) || hostname.endsWith(".localhost");

const cleanups: (() => Promise<void>)[] = [];
let child: ChildProcess | undefined;
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  say("Stopping...");
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child?.kill("SIGKILL");
        resolve(undefined);
      }, 10_000);
      child!.once("exit", () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
  }
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`[portal] cleanup failed: ${(error as Error).message}`);
    }
  }
  say("Stopped.");
  process.exit(code);
}

// embedded-postgres installs its own signal handlers (async-exit-hook) that stop the database at once
// and exit with 130, racing the ordered shutdown above (app first, database last). Ours replace them.
// (Only the listeners `process.listeners` shows: tsx's hidden relay handler must stay, or tsx
// SIGKILLs this process 30 ms after a Ctrl-C.)
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  process.on(signal, () => void stopAll(0));
}

/** A secret generated once into DATA_DIR (demo mode only) and reused by the next start. */
function readOrCreateSecret(fileName: string, generate: () => string): string {
  const file = path.join(dataDir, fileName);
  if (!fs.existsSync(file)) fs.writeFileSync(file, generate(), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The portal answers pages only on PUBLIC_URL's origin (proxy.ts redirects every other host name
 * there), so that is the one address this log prints for it. Warns when it cannot be this server.
 */
function canonicalBase(): string {
  process.env.PUBLIC_URL ??= `http://localhost:${port}`;
  process.env.AUTH_URL ??= process.env.PUBLIC_URL;
  const base = process.env.PUBLIC_URL.replace(/\/$/, "");
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`PUBLIC_URL is not a URL: ${base}`);
  }
  const loopback = isLoopback(url.hostname);
  const publicPort = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (loopback && publicPort !== port) {
    say(`Warning: PUBLIC_URL is ${base}, but the portal listens on port ${port}: its pages redirect there.`);
  }
  if (new URL(process.env.AUTH_URL).origin !== url.origin) {
    say(`Warning: AUTH_URL (${process.env.AUTH_URL}) is not on PUBLIC_URL's origin (${url.origin}): sign-in will fail.`);
  }
  return base;
}

/**
 * Next's own banner prints "- Local: http://localhost:PORT" and "- Network: http://<LAN address>:PORT".
 * Neither is where the portal lives unless it equals PUBLIC_URL (on any other host every page
 * redirects to PUBLIC_URL, which another machine may not reach): those two lines are replaced by
 * one with the canonical address once Next is ready.
 */
function forwardNextOutput(stream: NodeJS.ReadableStream, base: string) {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (/^\s*-\s*(Local|Network):/.test(line)) return;
    console.log(line);
    if (/\bReady in\b/.test(line)) say(`Ready: open ${base}/`);
  });
}

/**
 * The address next listens on. HOSTNAME, as Next's own standalone server reads it, when it is set on
 * purpose: a HOSTNAME that only repeats this machine's name is what shells (Fedora's /etc/profile
 * exports it) and Docker set by themselves, not an instruction. Otherwise demo mode listens on
 * 127.0.0.1 only, because /demo/mailbox shows every staff sign-in link to whoever can open it; outside
 * demo mode Next's default, every interface.
 */
function listenHost(demo: boolean): string | undefined {
  const hostname = process.env.HOSTNAME?.trim();
  if (hostname && hostname !== os.hostname()) return hostname;
  return demo ? "127.0.0.1" : undefined;
}

function announceListenHost(host: string | undefined, demo: boolean, base: string) {
  if (!demo) {
    if (host) say(`Listening on ${host} (HOSTNAME).`);
    return;
  }
  const exposed = isOn(process.env.DEMO_MAILBOX) ? "the demo mailbox with every sign-in link" : "the demo portal and its demo staff accounts";
  if (host && isLoopback(host)) {
    say(`Demo mode: listening on ${host} only, so other machines cannot open ${exposed}. HOSTNAME=0.0.0.0 listens on every interface.`);
    if (!isLoopback(new URL(base).hostname)) {
      say(`Warning: PUBLIC_URL (${base}) is not on this machine's loopback address, but the portal listens on ${host} only.`);
    }
  } else {
    say(`Warning: demo mode listening on ${host ?? "every interface"} (HOSTNAME): anyone who can reach port ${port} there can open ${exposed}.`);
  }
}

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  const embeddedDefaults: string[] = [];
  const base = canonicalBase();

  // The app connects with DATABASE_URL (a member of portal_app that owns nothing); migrations, seed
  // and pg-boss's tables use the owner's connection (README, "Database roles").
  let migrationUrl: string;
  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    say(`DATABASE_URL not set: starting embedded PostgreSQL on 127.0.0.1:${pgPort} (data in ${dataDir}/pg)`);
    const database: EmbeddedDatabase = await startEmbeddedPostgres({
      dataDir,
      port: pgPort,
      database: "portal",
      log: process.env.DEBUG_PG ? (l) => console.log(`[postgres] ${l}`) : undefined,
    });
    cleanups.push(() => database.stop());
    process.env.DATABASE_URL = database.appUrl;
    migrationUrl = database.ownerUrl;
    embeddedDefaults.push("database");
  } else if (process.env.MIGRATION_DATABASE_URL) {
    migrationUrl = process.env.MIGRATION_DATABASE_URL;
  } else {
    migrationUrl = process.env.DATABASE_URL;
    say("Warning: MIGRATION_DATABASE_URL not set: migrating and seeding with DATABASE_URL, so the app logs in as the role that owns the tables (see README, \"Database roles\").");
  }
  delete process.env.MIGRATION_DATABASE_URL;
  for (const warning of await checkMigrationRole(migrationUrl)) say(`Warning: ${warning}`);

  say("Applying migrations (prisma migrate deploy)...");
  await migrateDeploy(migrationUrl, (l) => say(l));

  if (embeddedDefaults.length > 0) {
    process.env.DEMO_MODE ??= "1";
    process.env.SEED_DEMO_DATA ??= "1";
  }

  const { seed } = await import("../prisma/seed");
  await seed({ demoData: isOn(process.env.SEED_DEMO_DATA), databaseUrl: migrationUrl, log: say });
  await prepareJobSchema(migrationUrl);
  for (const warning of await checkAppRole(process.env.DATABASE_URL)) say(`Warning: ${warning}`);

  if (!process.env.SMTP_URL) {
    const smtpPort = Number(process.env.DEMO_SMTP_PORT ?? 2525);
    const { startMailCatcher } = await import("../lib/dev/mail-catcher");
    const { db } = await import("../lib/db/client");
    const catcher = await startMailCatcher({
      port: smtpPort,
      onMail: async (mail) => {
        await db().demoMail.create({
          data: { fromAddr: mail.from, toAddrs: mail.to.map((address) => address.toLowerCase()), subject: mail.subject, textBody: mail.text, htmlBody: mail.html },
        });
      },
    });
    cleanups.push(async () => {
      await catcher.close();
      const { disconnectDb } = await import("../lib/db/client");
      await disconnectDb();
    });
    process.env.SMTP_URL = catcher.url;
    process.env.DEMO_MAILBOX = "1";
    process.env.DEMO_MODE ??= "1";
    embeddedDefaults.push("mail");
    say(`SMTP_URL not set: built-in mail catcher on ${catcher.url}; read mail at ${base}/demo/mailbox`);
  }

  if (!process.env.AUTH_SECRET) {
    if (!isOn(process.env.DEMO_MODE)) {
      throw new Error("AUTH_SECRET must be set when running against external services (see README).");
    }
    process.env.AUTH_SECRET = readOrCreateSecret("auth-secret", () => randomBytes(32).toString("base64url"));
  }

  // Application-level encryption of fødselsnummer (lib/crypto/field-encryption.ts) and its lookup key.
  if (!process.env.FIELD_ENCRYPTION_KEYS || !process.env.LOOKUP_HMAC_KEY) {
    if (!isOn(process.env.DEMO_MODE)) {
      throw new Error("FIELD_ENCRYPTION_KEYS and LOOKUP_HMAC_KEY must be set when running against external services (see README).");
    }
    process.env.FIELD_ENCRYPTION_KEYS ||= readOrCreateSecret("field-encryption-keys", () => `k1:${randomBytes(32).toString("base64")}`);
    process.env.LOOKUP_HMAC_KEY ||= readOrCreateSecret("lookup-hmac-key", () => randomBytes(32).toString("base64url"));
  }

  // ID-porten: a local test ID-porten (lib/dev/oidc-provider.ts) unless a real one is configured.
  if (!process.env.IDPORTEN_ISSUER) {
    if (!isOn(process.env.DEMO_MODE)) {
      throw new Error("IDPORTEN_ISSUER, IDPORTEN_CLIENT_ID and IDPORTEN_CLIENT_SECRET must be set outside demo mode (see README).");
    }
    const { startTestIdPorten } = await import("../lib/dev/oidc-provider");
    // The same local provider stands in for the municipality's Entra ID for staff, unless one is configured.
    const staffOidc = !process.env.STAFF_OIDC_ISSUER;
    const idporten = await startTestIdPorten({
      port: Number(process.env.OIDC_DEV_PORT ?? 3110),
      publicUrl: base,
      staffClient: staffOidc ? {} : undefined,
    });
    cleanups.push(() => idporten.close());
    process.env.IDPORTEN_ISSUER = idporten.issuer;
    process.env.IDPORTEN_CLIENT_ID = idporten.clientId;
    process.env.IDPORTEN_CLIENT_SECRET = idporten.clientSecret;
    process.env.ALLOW_SYNTHETIC_NATIONAL_IDS = "1";
    embeddedDefaults.push("test ID-porten");
    // Its issuer root answers 404; the discovery document is the address that opens.
    say(`IDPORTEN_ISSUER not set: test ID-porten with synthetic test persons, ${idporten.issuer}/.well-known/openid-configuration`);
    if (idporten.staff) {
      process.env.STAFF_OIDC_ISSUER = idporten.issuer;
      process.env.STAFF_OIDC_CLIENT_ID = idporten.staff.clientId;
      process.env.STAFF_OIDC_CLIENT_SECRET = idporten.staff.clientSecret;
      say(`STAFF_OIDC_ISSUER not set: staff can also sign in through the test provider (client ${idporten.staff.clientId})`);
    }
  }

  // The municipal platform (Maskinporten, KRR, SvarUt, the archive over Fiks IO): local stand-ins
  // speaking the real protocols, unless real services are configured (MASKINPORTEN_TOKEN_URL) or
  // PLATFORM_STAND_INS=off. Outside demo mode nothing falls back to a stand-in.
  if (isOn(process.env.DEMO_MODE) && !process.env.MASKINPORTEN_TOKEN_URL && process.env.PLATFORM_STAND_INS !== "off") {
    const { startPlatformStandIns } = await import("../lib/dev/platform-stand-ins");
    const standIns = await startPlatformStandIns({ dataDir, svarutAdvanceAfterMs: Number(process.env.DEMO_SVARUT_ADVANCE_MS ?? 20_000), log: say });
    cleanups.push(() => standIns.close());
    Object.assign(process.env, standIns.env);
    embeddedDefaults.push("platform stand-ins");
    say(`Platform stand-ins: Maskinporten, KRR, SvarUt (letters at ${base}/demo/digital-post)` + (standIns.archive ? `, archive over Fiks IO (${base}/demo/archive)` : ""));
    for (const note of standIns.notes) say(`Note: ${note}`);
  }

  const nextBin = path.resolve("node_modules", ".bin", "next");
  const demo = isOn(process.env.DEMO_MODE);
  const host = listenHost(demo);
  const args = [dev ? "dev" : "start", "-p", String(port), ...(host ? ["-H", host] : [])];
  if (!dev && !fs.existsSync(path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npm start` (which builds first) or `npm run build`.");
  }
  announceListenHost(host, demo, base);
  child = spawn(nextBin, args, { stdio: ["inherit", "pipe", "inherit"], env: withHeapLimit(process.env) });
  forwardNextOutput(child.stdout!, base);
  child.on("exit", (code) => void stopAll(code ?? 0));
  say(
    `Portal starting on ${base}/` +
      (embeddedDefaults.length ? ` (demo mode: embedded ${embeddedDefaults.join(" and ")})` : ""),
  );
}

/**
 * The Next.js server's V8 heap limit (NODE_HEAP_MB, default 256 MB; 0 leaves Node's own default).
 * Without one, V8 sizes the old space from the machine's memory and lets garbage pile up under load:
 * bench:pages measured RSS peaks well above what the live objects need. An explicit
 * --max-old-space-size in NODE_OPTIONS wins.
 */
function withHeapLimit(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const megabytes = Number(env.NODE_HEAP_MB ?? 256);
  if (!Number.isFinite(megabytes) || megabytes <= 0 || /--max-old-space-size/.test(env.NODE_OPTIONS ?? "")) return env;
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --max-old-space-size=${Math.trunc(megabytes)}`.trim() };
}

main().catch(async (error) => {
  console.error(`[portal] ${(error as Error).message}`);
  await stopAll(1);
});
