// Creates a migration offline: diffs the committed schema (git HEAD) against the edited one.
// `prisma migrate dev` cannot run here (its WebAssembly engine fails on the shadow database),
// so this is how every migration after the first is made. Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { MIGRATION_PREAMBLE } from "./lib/database-roles";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const schemaPath = path.join("prisma", "schema.prisma");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pv-migration-"));
const committed = path.join(tmp, "committed.prisma");
fs.writeFileSync(committed, execFileSync("git", ["show", `HEAD:${schemaPath}`]));

// The CLI's driver adapter wants a reachable database even for a pure schema diff: use a throwaway
// embedded cluster unless DATABASE_URL points at one.
let databaseUrl = process.env.DATABASE_URL;
let stopDatabase: (() => Promise<void>) | undefined;
if (!databaseUrl) {
  // Inside the project, not /tmp: as root, initdb runs as a postgres user that cannot enter mkdtemp dirs.
  const scratchDir = path.resolve(".data-migration");
  fs.rmSync(scratchDir, { recursive: true, force: true });
  const scratch = await startEmbeddedPostgres({
    dataDir: scratchDir,
    port: Number(process.env.MIGRATION_PG_PORT ?? 15398),
    database: "diff",
  });
  databaseUrl = scratch.ownerUrl;
  stopDatabase = async () => {
    await scratch.stop();
    fs.rmSync(scratchDir, { recursive: true, force: true });
  };
}
let sql: string;
try {
  sql = execFileSync(
    path.join("node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-schema-datamodel", committed, "--to-schema-datamodel", schemaPath, "--script"],
    { env: { ...process.env, DATABASE_URL: databaseUrl } },
  ).toString();
} finally {
  await stopDatabase?.();
}

if (/This is an empty migration/.test(sql) || sql.trim() === "") {
  console.log("No schema changes since HEAD: nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
// Whoever runs the migrations (portal_owner, or a superuser), what they create belongs to portal_owner
// and so gets the app's default grants (README, "Database roles"; checked by tests/unit/migrations.test.ts).
fs.writeFileSync(path.join(dir, "migration.sql"), `${MIGRATION_PREAMBLE}\n${sql}`);
console.log(`Wrote ${dir}/migration.sql. Add hand-written SQL (triggers, CHECKs) at its end if needed.`);
console.log("Note: the migration engine splits on semicolons; avoid them inside strings and comments.");
