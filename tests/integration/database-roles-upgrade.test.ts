// An installation from before the database roles (a .data of an earlier release, or a compose volume):
// every object belongs to the cluster's superuser `portal`, pg-boss's schema too, and the app connected
// as that superuser. Built here for real: the migrations of that release applied as `portal`, pg-boss
// installed and the demo data seeded as `portal`. Then the three ways it meets this release:
//   A. the embedded start / `npm run db:roles` (ensureDatabaseRoles as a superuser), then the
//      migrations as portal_owner: portal_owner owns everything, the app role works, twice in a row;
//   B. the migrations run once as a superuser: the role migration takes everything over by itself;
//   C. the migrations run as portal_owner without the takeover: serve.ts refuses before it starts
//      Prisma and says what to do (Prisma would fail on the old owner's _prisma_migrations), and
//      nothing changes.
// Needs the embedded cluster's superuser (TEST_SUPERUSER_URL from global-setup.ts).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { prepareJobSchema } from "../../scripts/lib/job-schema";
import { EMBEDDED_APP_LOGIN, EMBEDDED_PASSWORDS, FOREIGN_OWNED_OBJECTS_SQL, checkMigrationRole, ensureDatabaseRoles } from "../../scripts/lib/database-roles";
import { startJobRunner } from "@/lib/jobs/job-runner";
import { seed } from "@/prisma/seed";
import { waitFor } from "./helpers";

const ROLE_MIGRATION = "20261203140000_database_roles";
const superuserUrl = process.env.TEST_SUPERUSER_URL;
const LEGACY = "legacy_roles";
const CLONES = { a: "legacy_roles_a", b: "legacy_roles_b", c: "legacy_roles_c" } as const;

function urlFor(database: string, who: "superuser" | "owner" | "app"): string {
  const url = new URL(superuserUrl!);
  url.pathname = `/${database}`;
  if (who === "owner") [url.username, url.password] = ["portal_owner", EMBEDDED_PASSWORDS.owner];
  if (who === "app") [url.username, url.password] = [EMBEDDED_APP_LOGIN, EMBEDDED_PASSWORDS.app];
  return url.toString();
}

async function on<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const asSuperuser = <T>(fn: (client: pg.Client) => Promise<T>) => on(urlFor("postgres", "superuser"), fn);

async function dropDatabases() {
  await asSuperuser(async (client) => {
    for (const name of [LEGACY, ...Object.values(CLONES)]) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

/** A prisma.config.ts whose migrations folder holds only the migrations from before the roles. */
function legacyPrismaConfig(): string {
  const dir = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration", "legacy-prisma");
  const migrations = path.join(dir, "migrations");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(migrations, { recursive: true });
  const source = path.resolve("prisma", "migrations");
  for (const entry of fs.readdirSync(source)) {
    if (entry === "migration_lock.toml" || entry < ROLE_MIGRATION) fs.cpSync(path.join(source, entry), path.join(migrations, entry), { recursive: true });
  }
  const config = path.join(dir, "prisma.config.ts");
  fs.writeFileSync(
    config,
    `import { defineConfig } from "prisma/config";
import { PrismaPg } from "adapter-pg-7";
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: ${JSON.stringify(path.resolve("prisma", "schema.prisma"))},
  migrations: { path: ${JSON.stringify(migrations)} },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
`,
  );
  return config;
}

async function foreignOwned(database: string): Promise<{ stmt: string; owner: string }[]> {
  return on(urlFor(database, "superuser"), async (client) => (await client.query<{ stmt: string; owner: string }>(FOREIGN_OWNED_OBJECTS_SQL)).rows);
}

async function owners(database: string) {
  return on(urlFor(database, "superuser"), async (client) => {
    const row = await client.query<{ db: string; public: string; pgboss: string; caseEvent: string; migrations: string; jobs: string }>(
      `SELECT pg_get_userbyid((SELECT datdba FROM pg_database WHERE datname = current_database())) AS db,
              (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public') AS public,
              (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'pgboss') AS pgboss,
              (SELECT tableowner FROM pg_tables WHERE tablename = 'case_event') AS "caseEvent",
              (SELECT tableowner FROM pg_tables WHERE tablename = '_prisma_migrations') AS migrations,
              (SELECT tableowner FROM pg_tables WHERE schemaname = 'pgboss' AND tablename = 'job') AS jobs`,
    );
    return row.rows[0]!;
  });
}

/** What the app's role can and cannot do on that database. */
async function appChecks(database: string) {
  return on(urlFor(database, "app"), async (client) => {
    const attempt = (sql: string) => client.query(sql).then(() => "ok", (e: Error) => e.message);
    const cases = Number((await client.query("SELECT count(*) FROM request_case")).rows[0].count);
    return {
      cases,
      updateEvent: await attempt("UPDATE case_event SET type = 'x'"),
      disableTrigger: await attempt("ALTER TABLE case_event DISABLE TRIGGER ALL"),
      migrations: await attempt("SELECT 1 FROM _prisma_migrations"),
      createTable: await attempt("CREATE TABLE intruder (id int)"),
    };
  });
}

const appRefusals = {
  updateEvent: expect.stringMatching(/permission denied for table case_event/),
  disableTrigger: expect.stringMatching(/must be owner of table case_event/),
  migrations: expect.stringMatching(/permission denied for table _prisma_migrations/),
  createTable: expect.stringMatching(/permission denied for schema public/),
};

describe.skipIf(!superuserUrl)("an installation from before the database roles (needs TEST_SUPERUSER_URL: the embedded test cluster)", () => {
  beforeAll(async () => {
    await dropDatabases();
    await asSuperuser((client) => client.query(`CREATE DATABASE ${LEGACY}`));
    const legacy = urlFor(LEGACY, "superuser");
    await migrateDeploy(legacy, () => {}, { config: legacyPrismaConfig() });
    await prepareJobSchema(legacy);
    await seed({ databaseUrl: legacy, demoData: true, log: () => {} });
    for (const clone of Object.values(CLONES)) await asSuperuser((client) => client.query(`CREATE DATABASE ${clone} TEMPLATE ${LEGACY}`));
  }, 240_000);

  afterAll(async () => {
    await dropDatabases();
  }, 60_000);

  it("really is the old state: everything belongs to the superuser `portal`", async () => {
    expect(await owners(LEGACY)).toEqual({ db: "portal", public: "pg_database_owner", pgboss: "portal", caseEvent: "portal", migrations: "portal", jobs: "portal" });
    expect((await foreignOwned(LEGACY)).length).toBeGreaterThan(50);
  });

  it("A: the embedded start (ensureDatabaseRoles), then the migrations as portal_owner: portal_owner owns everything and the app role works", async () => {
    const database = CLONES.a;
    for (let run = 0; run < 2; run++) {
      const adopted = await on(urlFor(database, "superuser"), (client) =>
        ensureDatabaseRoles(client, { ownerPassword: EMBEDDED_PASSWORDS.owner, appLogin: EMBEDDED_APP_LOGIN, appPassword: EMBEDDED_PASSWORDS.app }),
      );
      if (run === 0) expect(adopted.adopted).toBeGreaterThan(50);
      else expect(adopted.adopted).toBe(0);
      expect(await checkMigrationRole(urlFor(database, "owner"))).toEqual([]);
      await migrateDeploy(urlFor(database, "owner"), () => {});
      await prepareJobSchema(urlFor(database, "owner"));
    }
    expect(await foreignOwned(database)).toEqual([]);
    expect(await owners(database)).toEqual({ db: "portal_owner", public: "portal_owner", pgboss: "portal_owner", caseEvent: "portal_owner", migrations: "portal_owner", jobs: "portal_owner" });
    const app = await appChecks(database);
    expect(app).toEqual({ cases: expect.any(Number), ...appRefusals });
    expect(app.cases).toBeGreaterThan(100);

    // pg-boss, installed by the old superuser, runs as the app role: a queued job is worked.
    const ran: string[] = [];
    const runner = await startJobRunner({ databaseUrl: urlFor(database, "app"), pollingIntervalSeconds: 0.5, runJob: async (name) => void ran.push(name) });
    try {
      await runner.trigger("retention");
      await waitFor(() => ran.includes("retention") || null, 30_000);
    } finally {
      await runner.stop();
    }

    // The old audit events of an anonymised legacy case are redacted through the function, as the app.
    const redacted = await on(urlFor(database, "app"), async (client) => {
      const { rows } = await client.query<{ id: string }>("SELECT id FROM request_case WHERE closed_at IS NOT NULL ORDER BY id LIMIT 1");
      await client.query("UPDATE request_case SET anonymised_at = now() WHERE id = $1", [rows[0]!.id]);
      return (await client.query<{ n: number }>("SELECT redact_case_events($1::uuid) AS n", [rows[0]!.id])).rows[0]!.n;
    });
    expect(redacted).toBe(0); // the demo history's events hold no free text: nothing to blank, and no error
  }, 180_000);

  it("B: the migrations run once as a superuser: the role migration hands everything to portal_owner itself", async () => {
    const database = CLONES.b;
    const warnings = await checkMigrationRole(urlFor(database, "superuser"));
    expect(warnings).toEqual([expect.stringContaining("set MIGRATION_DATABASE_URL to portal_owner")]);
    await migrateDeploy(urlFor(database, "superuser"), () => {});
    expect(await foreignOwned(database)).toEqual([]);
    expect(await owners(database)).toEqual({ db: "portal_owner", public: "pg_database_owner", pgboss: "portal_owner", caseEvent: "portal_owner", migrations: "portal_owner", jobs: "portal_owner" });
    expect(await appChecks(database)).toEqual({ cases: expect.any(Number), ...appRefusals });
  }, 120_000);

  it("C: the migrations as portal_owner without the takeover: refused before anything changes, saying what to do", async () => {
    const database = CLONES.c;
    // serve.ts's check before Prisma starts: the message names the fix.
    await expect(checkMigrationRole(urlFor(database, "owner"))).rejects.toThrow(/belong to another role than portal_owner.*npm run db:roles/);
    // Prisma itself cannot even read the old owner's migration history.
    const error = await migrateDeploy(urlFor(database, "owner"), () => {}).catch((e: Error) => e);
    expect(String(error)).toMatch(/permission denied for table _prisma_migrations/);
    expect(await owners(database)).toEqual({ db: "portal", public: "pg_database_owner", pgboss: "portal", caseEvent: "portal", migrations: "portal", jobs: "portal" });
    const trigger = await on(urlFor(database, "superuser"), async (client) => (await client.query("SELECT prosrc FROM pg_proc WHERE proname = 'case_event_is_append_only'")).rows[0].prosrc as string);
    expect(trigger).toContain("retention_redaction"); // the old function: nothing of the migration was applied
  }, 120_000);
});
