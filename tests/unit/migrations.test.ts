// Rules every committed migration keeps (README, "Database roles" and "Migrations").
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATION_PREAMBLE } from "../../scripts/lib/database-roles";

const DIR = path.join("prisma", "migrations");
const ROLES = "20261203140000_database_roles";
const migrations = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("migrations", () => {
  it("include the roles migration", () => {
    expect(migrations).toContain(ROLES);
  });

  it.each(migrations.filter((m) => m > ROLES))("%s creates its objects as portal_owner (SET ROLE first)", (name) => {
    const sql = readFileSync(path.join(DIR, name, "migration.sql"), "utf8");
    expect(sql.startsWith(MIGRATION_PREAMBLE)).toBe(true);
  });

  it.each(migrations)("%s has no semicolon in a comment (the engine splits statements on them)", (name) => {
    const sql = readFileSync(path.join(DIR, name, "migration.sql"), "utf8");
    const offending = sql.split("\n").filter((line) => /^\s*--.*;/.test(line));
    expect(offending).toEqual([]);
  });
});
