// The app's database role (issue 10): the services connect as DATABASE_URL (portal_app_login, a member
// of portal_app) and that role can read and append to the audit trail, nothing more. It cannot
// UPDATE, DELETE or TRUNCATE case_event, switch its triggers off (not the owner), set
// session_replication_role (not a superuser), create or alter anything, or touch Prisma's migration
// history. Retention's redaction goes through redact_case_events only, which refuses a case that is
// not anonymised and blanks nothing but the free text (the same rule as redactEventPayload, checked
// here as a property). Before this change the app connected as the superuser that owned everything,
// and every one of these statements went through.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { FREE_TEXT_EVENT_KEYS, redactEventPayload } from "@/lib/domain/retention";
import { validRequest } from "./helpers";
import { ownerSql, withOwner } from "./owner-db";

afterAll(async () => {
  await disconnectDb();
});

/** A session of the app's own role (DATABASE_URL), outside Prisma: errors come back as PostgreSQL says them. */
async function asApp<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The error message of one statement as the app, or null if it went through. */
async function appRefusal(sql: string, params: unknown[] = []): Promise<string | null> {
  return asApp(async (client) => {
    try {
      await client.query(sql, params);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  });
}

const FREE_TEXT = {
  reason: "Kari Nordmann ba om dette på telefon",
  note: "Ring tilbake på 912 34 567",
  nested: { message: "Hei", keep: "status", list: [{ fileName: "pass.pdf", id: 7 }] },
};

/** A case (submitted as the app) with one more event that holds free text in before and after. */
async function caseWithFreeText() {
  const c = await submitRequest(validRequest({ submissionKey: randomUUID() }), { locale: "nb" });
  const staffEvent = await db().caseEvent.create({
    data: { caseId: c.caseId, actorType: "system", type: "case.test_note", before: { status: "received", note: "før" }, after: FREE_TEXT },
  });
  return { ...c, staffEventId: staffEvent.id };
}

async function eventsOf(caseId: string) {
  return db().caseEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } });
}

/** As retention leaves a case (closed, anonymised): the app may write request_case. */
async function markAnonymised(caseId: string) {
  await db().case.update({ where: { id: caseId }, data: { status: "completed", closedAt: new Date(), anonymisedAt: new Date() } });
}

describe("the app's database role", () => {
  it("is a member of portal_app, no superuser, and owns nothing", async () => {
    const rows = await asApp((client) =>
      client.query<{ user: string; superuser: boolean; createrole: boolean; createdb: boolean; bypassrls: boolean; owner: boolean; app: boolean; owned: number }>(
        `SELECT current_user AS user, r.rolsuper AS superuser, r.rolcreaterole AS createrole, r.rolcreatedb AS createdb,
                r.rolbypassrls AS bypassrls, pg_has_role(current_user, 'portal_owner', 'MEMBER') AS owner,
                pg_has_role(current_user, 'portal_app', 'MEMBER') AS app,
                (SELECT count(*)::int FROM pg_class c WHERE pg_has_role(current_user, c.relowner, 'USAGE'))
              + (SELECT count(*)::int FROM pg_proc p WHERE pg_has_role(current_user, p.proowner, 'USAGE'))
              + (SELECT count(*)::int FROM pg_namespace n WHERE pg_has_role(current_user, n.nspowner, 'USAGE')) AS owned
           FROM pg_roles r WHERE r.rolname = current_user`,
      ),
    );
    expect(rows.rows[0]).toEqual({ user: "portal_app_login", superuser: false, createrole: false, createdb: false, bypassrls: false, owner: false, app: true, owned: 0 });
  });

  it("may read and append to case_event, and is refused UPDATE, DELETE and TRUNCATE", async () => {
    const c = await caseWithFreeText();
    const privileges = await asApp((client) =>
      client.query(
        `SELECT has_table_privilege('case_event', 'SELECT') AS s, has_table_privilege('case_event', 'INSERT') AS i,
                has_table_privilege('case_event', 'UPDATE') AS u, has_table_privilege('case_event', 'DELETE') AS d,
                has_table_privilege('case_event', 'TRUNCATE') AS t, has_table_privilege('case_event', 'TRIGGER') AS tr,
                has_table_privilege('case_event', 'REFERENCES') AS r`,
      ),
    );
    expect(privileges.rows[0]).toEqual({ s: true, i: true, u: false, d: false, t: false, tr: false, r: false });
    expect(await appRefusal(`UPDATE case_event SET after = '{"reason": "oppdiktet"}' WHERE id = $1`, [c.staffEventId])).toMatch(/permission denied for table case_event/);
    expect(await appRefusal("DELETE FROM case_event WHERE case_id = $1", [c.caseId])).toMatch(/permission denied for table case_event/);
    expect(await appRefusal("TRUNCATE case_event")).toMatch(/permission denied for table case_event/);
    expect(await appRefusal("TRUNCATE request_case CASCADE")).toMatch(/permission denied for table request_case/);
    expect((await eventsOf(c.caseId)).find((e) => e.id === c.staffEventId)?.after).toEqual(FREE_TEXT);
  });

  it("cannot switch the triggers off: ALTER TABLE needs the owner, session_replication_role a superuser", async () => {
    const c = await caseWithFreeText();
    expect(await appRefusal("ALTER TABLE case_event DISABLE TRIGGER ALL")).toMatch(/must be owner of table case_event/);
    expect(await appRefusal("ALTER TABLE case_event DISABLE TRIGGER case_event_no_update_or_delete")).toMatch(/must be owner of table case_event/);
    expect(await appRefusal("SET session_replication_role = replica")).toMatch(/permission denied to set parameter "session_replication_role"/);
    expect(await appRefusal("SELECT set_config('session_replication_role', 'replica', true)")).toMatch(/permission denied to set parameter/);
    expect(await appRefusal("ALTER ROLE CURRENT_USER SET session_replication_role = replica")).toMatch(/permission denied/);
    // Not even in one session that tries both before a DELETE.
    const deleted = await asApp(async (client) => {
      await client.query("ALTER TABLE case_event DISABLE TRIGGER ALL").catch(() => undefined);
      await client.query("SET session_replication_role = replica").catch(() => undefined);
      return client.query("DELETE FROM case_event WHERE case_id = $1", [c.caseId]).then((r) => r.rowCount, (e: Error) => e.message);
    });
    expect(deleted).toMatch(/permission denied/);
    expect(await db().caseEvent.count({ where: { caseId: c.caseId } })).toBe(2);
  });

  it("cannot create tables, schemas, temporary tables or functions, nor alter, drop or grant anything", async () => {
    const refusals: Record<string, RegExp> = {
      "CREATE TABLE public.intruder (id int)": /permission denied for schema public/,
      "CREATE TABLE pgboss.intruder (id int)": /permission denied for schema pgboss/,
      "CREATE TEMPORARY TABLE intruder (id int)": /permission denied to create temporary tables/,
      "CREATE SCHEMA intruder": /permission denied for database/,
      "CREATE FUNCTION public.intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'": /permission denied for schema public/,
      "CREATE OR REPLACE FUNCTION redact_case_events(target_case uuid) RETURNS integer LANGUAGE sql AS 'SELECT 0'": /permission denied for schema public|must be owner/,
      "CREATE TRIGGER intruder BEFORE INSERT ON case_event FOR EACH ROW EXECUTE FUNCTION case_event_is_append_only()": /permission denied for table case_event/,
      "ALTER TABLE request_case ADD COLUMN intruder text": /must be owner of table request_case/,
      "ALTER TABLE request_case DROP CONSTRAINT request_case_reference_format": /must be owner of table request_case/,
      "ALTER TABLE case_event OWNER TO portal_app_login": /must be owner of table case_event/,
      "ALTER FUNCTION redact_case_events(uuid) SECURITY INVOKER": /must be owner of function redact_case_events/,
      "ALTER FUNCTION case_event_is_append_only() OWNER TO portal_app": /must be owner of function case_event_is_append_only/,
      "DROP TRIGGER case_event_no_update_or_delete ON case_event": /must be owner of (table|relation) case_event/,
      "DROP TABLE retention_log": /must be owner of table retention_log/,
      "DROP FUNCTION case_event_is_append_only() CASCADE": /must be owner of function case_event_is_append_only/,
      "ALTER SCHEMA public OWNER TO portal_app_login": /must be owner of schema public/,
      "GRANT portal_owner TO portal_app_login": /permission denied to grant role/,
      "COMMENT ON TABLE case_event IS 'x'": /must be owner of (table|relation) case_event/,
    };
    const results: Record<string, string | null> = {};
    for (const sql of Object.keys(refusals)) results[sql] = await appRefusal(sql);
    for (const [sql, expected] of Object.entries(refusals)) expect(results[sql], sql).toMatch(expected);
    // A GRANT without the grant option only warns ("no privileges were granted"): nothing changes.
    const granted = await asApp(async (client) => {
      await client.query("GRANT UPDATE, DELETE, TRUNCATE ON case_event TO portal_app_login").catch(() => undefined);
      return (await client.query("SELECT has_table_privilege('case_event', 'UPDATE') OR has_table_privilege('case_event', 'DELETE') OR has_table_privilege('case_event', 'TRUNCATE') AS any")).rows[0];
    });
    expect(granted).toEqual({ any: false });
  });

  it("can neither read nor write Prisma's migration history (_prisma_migrations stays the owner's)", async () => {
    expect(await appRefusal("SELECT count(*) FROM _prisma_migrations")).toMatch(/permission denied for table _prisma_migrations/);
    expect(await appRefusal("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'x', 'x')")).toMatch(/permission denied/);
    expect(await appRefusal("UPDATE _prisma_migrations SET finished_at = now()")).toMatch(/permission denied/);
    expect(await appRefusal("DELETE FROM _prisma_migrations")).toMatch(/permission denied/);
    const owner = await withOwner((client) => client.query("SELECT tableowner FROM pg_tables WHERE tablename = '_prisma_migrations'"));
    expect(owner.rows[0]).toEqual({ tableowner: "portal_owner" });
  });

  it("gets tables created later by the owner (a later migration) without a grant of their own", async () => {
    const table = `later_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await ownerSql(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, note text)`);
    try {
      const written = await asApp(async (client) => {
        await client.query(`INSERT INTO ${table} (note) VALUES ('a'), ('b')`);
        await client.query(`UPDATE ${table} SET note = 'c' WHERE id = 1`);
        await client.query(`DELETE FROM ${table} WHERE id = 2`);
        return (await client.query(`SELECT note FROM ${table}`)).rows;
      });
      expect(written).toEqual([{ note: "c" }]);
      expect(await appRefusal(`TRUNCATE ${table}`)).toMatch(/permission denied/);
      expect(await appRefusal(`ALTER TABLE ${table} ADD COLUMN x int`)).toMatch(/must be owner/);
    } finally {
      await ownerSql(`DROP TABLE ${table}`);
    }
  });
});

describe("redact_case_events: retention's one way to blank audit events", () => {
  it("is SECURITY DEFINER, owned by portal_owner, with a fixed search_path, and callable by portal_app only", async () => {
    const fn = await withOwner((client) =>
      client.query(
        `SELECT pg_get_userbyid(p.proowner) AS owner, p.prosecdef AS definer, p.proconfig AS config,
                has_function_privilege('portal_app', p.oid, 'EXECUTE') AS app,
                has_function_privilege('public', p.oid, 'EXECUTE') AS everyone
           FROM pg_proc p WHERE p.oid = 'redact_case_events(uuid)'::regprocedure`,
      ),
    );
    expect(fn.rows[0]).toEqual({ owner: "portal_owner", definer: true, config: ["search_path=pg_catalog, pg_temp"], app: true, everyone: false });
  });

  it("refuses a live case, and a closed one that is not anonymised, and changes nothing", async () => {
    const c = await caseWithFreeText();
    const before = await eventsOf(c.caseId);
    expect(await appRefusal("SELECT redact_case_events($1::uuid)", [c.caseId])).toMatch(/redaction refused: case .* is not anonymised/);
    await db().case.update({ where: { id: c.caseId }, data: { status: "completed", closedAt: new Date() } });
    expect(await appRefusal("SELECT redact_case_events($1::uuid)", [c.caseId])).toMatch(/redaction refused/);
    expect(await appRefusal("SELECT redact_case_events($1::uuid)", [randomUUID()])).toMatch(/redaction refused/);
    expect(await eventsOf(c.caseId)).toEqual(before);
  });

  it("on an anonymised case blanks only the free text of before/after: who, what and when stay, and nothing else changes", async () => {
    const c = await caseWithFreeText();
    const before = await eventsOf(c.caseId);
    await markAnonymised(c.caseId);
    const changed = await asApp((client) => client.query<{ n: number }>("SELECT redact_case_events($1::uuid) AS n", [c.caseId]));
    expect(changed.rows[0]!.n).toBe(1); // the received event holds no free text
    const after = await eventsOf(c.caseId);
    expect(after).toEqual(before.map((e) => ({ ...e, before: redactEventPayload(e.before).value, after: redactEventPayload(e.after).value })));
    expect(after.find((e) => e.id === c.staffEventId)?.after).toEqual({
      reason: null,
      note: null,
      nested: { message: null, keep: "status", list: [{ fileName: null, id: 7 }] },
    });
    // Idempotent: a second call finds nothing left to blank.
    const again = await asApp((client) => client.query<{ n: number }>("SELECT redact_case_events($1::uuid) AS n", [c.caseId]));
    expect(again.rows[0]!.n).toBe(0);
  });

  it("leaves the trigger as a second wall: even the owner can change an anonymised case's events only to their redacted form", async () => {
    const c = await caseWithFreeText();
    await markAnonymised(c.caseId);
    const id = c.staffEventId;
    await expect(ownerSql(`UPDATE case_event SET after = '{"reason": "oppdiktet"}' WHERE id = ${id}`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(ownerSql(`UPDATE case_event SET type = 'case.tampered', after = case_event_redact(after) WHERE id = ${id}`)).rejects.toThrow(/append-only/);
    await expect(ownerSql(`UPDATE case_event SET at = at - interval '1 day', after = case_event_redact(after) WHERE id = ${id}`)).rejects.toThrow(/append-only/);
    await expect(ownerSql(`DELETE FROM case_event WHERE id = ${id}`)).rejects.toThrow(/append-only: DELETE/);
    await ownerSql(`UPDATE case_event SET before = case_event_redact(before), after = case_event_redact(after) WHERE id = ${id}`);
    expect((await db().caseEvent.findUniqueOrThrow({ where: { id } })).after).toMatchObject({ reason: null, note: null });
    // On a live case not even the redacted form.
    const live = await caseWithFreeText();
    await expect(ownerSql(`UPDATE case_event SET after = case_event_redact(after) WHERE id = ${live.staffEventId}`)).rejects.toThrow(/append-only/);
  });

  it("blanks exactly what redactEventPayload blanks (lib/domain/retention.ts), for every free-text key and any JSON", async () => {
    const sqlRedact = (client: pg.Client, value: unknown) =>
      client.query<{ v: unknown }>("SELECT case_event_redact($1::jsonb) AS v", [JSON.stringify(value)]).then((r) => r.rows[0]!.v);
    await asApp(async (client) => {
      // Every key on its own, so a key added on one side only fails here by name.
      for (const key of FREE_TEXT_EVENT_KEYS) {
        expect(await sqlRedact(client, { [key]: "fritekst", other: 1 }), key).toEqual({ [key]: null, other: 1 });
      }
      expect(await sqlRedact(client, { reasonText: "x", Name: "y" })).toEqual({ reasonText: "x", Name: "y" });
      const key = fc.constantFrom(...FREE_TEXT_EVENT_KEYS, "status", "id", "rights", "outcome", "count", "Reason");
      const json = fc.letrec((tie) => ({
        // PostgreSQL's jsonb cannot hold U+0000.
        value: fc.oneof({ depthSize: "small" }, fc.string().filter((t) => !t.includes("\u0000")), fc.integer(), fc.boolean(), fc.constant(null), tie("array"), tie("object")),
        array: fc.array(tie("value"), { maxLength: 4 }),
        object: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
      }));
      await fc.assert(
        fc.asyncProperty(json.object, async (payload) => {
          expect(await sqlRedact(client, payload)).toEqual(redactEventPayload(payload).value);
        }),
        { numRuns: 200 },
      );
    });
  });
});
