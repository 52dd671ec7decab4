// Issue 10 item 3: every administration change leaves an append-only entry (who, what, before and
// after) written in the same transaction as the change; admins and the DPO read it, nobody else; the
// app's database role can only read and append.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createStaffUser } from "@/lib/admin/create-staff-user";
import { updateStaffUser } from "@/lib/admin/update-staff-user";
import { setStaffUserActive } from "@/lib/admin/set-staff-user-active";
import { createUnit, updateUnit } from "@/lib/admin/save-unit";
import { getRetentionSettings, setRetentionYears } from "@/lib/admin/retention-settings";
import { resetLetterTemplate, saveLetterTemplate } from "@/lib/admin/letter-templates";
import { listAdminEvents, ADMIN_LOG_PAGE } from "@/lib/admin/admin-audit";
import { ADMIN_AUDIT_ACTIONS, ADMIN_AUDIT_TARGETS } from "@/lib/domain/admin-audit";
import { standardBodyText } from "@/lib/letters/response-templates";
import type { Actor } from "@/lib/domain/policy";
import { staffActorByEmail } from "./helpers";
import { ownerSql, withOwner } from "./owner-db";

type Staff = Extract<Actor, { kind: "staff" }>;
let admin: Staff;
let dpo: Staff;
const suffix = randomUUID().slice(0, 8);

beforeAll(async () => {
  admin = await staffActorByEmail("admin@demo.test");
  dpo = await staffActorByEmail("personvernombud@demo.test");
});

afterAll(async () => {
  await disconnectDb();
});

async function entriesFor(targetType: (typeof ADMIN_AUDIT_TARGETS)[number], targetId: string) {
  return (await listAdminEvents(admin, { filter: { targetType, targetId } })).entries;
}

async function appRefusal(sql: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end();
  }
}

describe("the admin audit trail", () => {
  it("records granting the DPO role, with the roles and units before and after, and who did it", async () => {
    const barnehage = await db().unit.findFirstOrThrow({ where: { slug: "barnehage", municipalityId: "bergen" } });
    const { id } = await createStaffUser(admin, { name: "Revisor Rolle", email: `revisor-${suffix}@example.test`, roles: ["caseworker"], unitIds: [barnehage.id] });
    await updateStaffUser(admin, id, { name: "Revisor Rolle", roles: ["caseworker", "dpo"], unitIds: [] });
    // The same form saved again changes nothing: no entry.
    await updateStaffUser(admin, id, { name: "Revisor Rolle", roles: ["dpo", "caseworker"], unitIds: [] });

    const entries = await entriesFor("staff_user", id);
    expect(entries.map((e) => e.action)).toEqual(["staff_user.updated", "staff_user.created"]);
    const [updated, created] = entries;
    expect(created!.after).toEqual({ name: "Revisor Rolle", email: `revisor-${suffix}@example.test`, roles: ["caseworker"], units: [barnehage.name] });
    expect(created!.before).toBeNull();
    expect(updated!.before).toEqual({ roles: ["caseworker"], units: [barnehage.name] });
    expect(updated!.after).toEqual({ roles: ["caseworker", "dpo"], units: [] });
    expect(updated!.actorName).toBe((await db().user.findUniqueOrThrow({ where: { id: admin.userId } })).name);
    expect(updated!.targetLabel).toBe("Revisor Rolle");

    await setStaffUserActive(admin, id, false);
    await setStaffUserActive(admin, id, true);
    const [reactivated, deactivated] = await entriesFor("staff_user", id);
    expect(deactivated).toMatchObject({ action: "staff_user.deactivated", before: { active: true }, after: { active: false, unassignedCases: 0 } });
    expect(reactivated).toMatchObject({ action: "staff_user.reactivated", before: { active: false }, after: { active: true } });
  });

  it("records units created and changed, field by field", async () => {
    const { id } = await createUnit(admin, { name: `Revisjon ${suffix}`, slug: `revisjon-${suffix}`, email: "", systems: "Visma" });
    await updateUnit(admin, id, { name: `Revisjon ${suffix}`, slug: `revisjon-${suffix}`, email: "post@example.test", systems: "Visma\nPublic 360", active: false });
    const [updated, created] = await entriesFor("unit", id);
    expect(created).toMatchObject({ action: "unit.created", after: { name: `Revisjon ${suffix}`, slug: `revisjon-${suffix}`, systems: ["Visma"], active: true, specialCategory: false } });
    expect(updated).toMatchObject({
      action: "unit.updated",
      before: { email: null, systems: ["Visma"], active: true },
      after: { email: "post@example.test", systems: ["Visma", "Public 360"], active: false },
    });
    expect(Object.keys(updated!.after!).sort()).toEqual(["active", "email", "systems"]);
  });

  it("records the retention period and letter wording, before and after", async () => {
    const before = (await getRetentionSettings(admin)).retentionYears;
    const other = before === 4 ? 5 : 4;
    try {
      await setRetentionYears(admin, { retentionYears: String(other) });
      const [entry] = await entriesFor("municipality", "bergen");
      expect(entry).toMatchObject({ action: "retention.years_set", before: { retentionYears: before }, after: { retentionYears: other }, targetLabel: "Bergen kommune" });
    } finally {
      await setRetentionYears(admin, { retentionYears: String(before) });
    }

    const key = { right: "objection", outcome: "refused", locale: "nn" } as const;
    const own = `Vår eiga formulering ${suffix}.`;
    await saveLetterTemplate(admin, { ...key, body: own });
    await resetLetterTemplate(admin, key);
    const [reset, saved] = await entriesFor("letter_template", "objection/refused/nn");
    expect(saved).toMatchObject({ action: "letter_template.saved", after: { body: own } });
    expect(reset).toMatchObject({ action: "letter_template.reset", before: { body: own }, after: { body: null } });
    // Saving the standard text over the standard text changes nothing and writes nothing.
    const count = (await entriesFor("letter_template", "objection/refused/nn")).length;
    await saveLetterTemplate(admin, { ...key, body: standardBodyText("nn", "objection", "refused") });
    expect((await entriesFor("letter_template", "objection/refused/nn")).length).toBe(count);
  });

  it("a change whose entry cannot be written is not made (one transaction)", async () => {
    const unit = await createUnit(admin, { name: `Atomisk ${suffix}`, slug: `atomisk-${suffix}`, email: "", systems: "" });
    await ownerSql(
      `CREATE OR REPLACE FUNCTION test_refuse_admin_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit write failed (test)'; END $$`,
      `CREATE TRIGGER test_refuse_admin_audit BEFORE INSERT ON admin_audit_event FOR EACH ROW EXECUTE FUNCTION test_refuse_admin_audit()`,
    );
    try {
      await expect(updateUnit(admin, unit.id, { name: `Atomisk ${suffix}`, slug: `atomisk-${suffix}`, email: "", systems: "", active: false })).rejects.toThrow(/audit write failed/);
    } finally {
      await ownerSql(`DROP TRIGGER test_refuse_admin_audit ON admin_audit_event`, `DROP FUNCTION test_refuse_admin_audit()`);
    }
    expect((await db().unit.findUniqueOrThrow({ where: { id: unit.id } })).active).toBe(true);
  });

  it("the DPO reads it; caseworkers, unit leads and citizens get not_found", async () => {
    expect((await listAdminEvents(dpo)).entries.length).toBeGreaterThan(0);
    for (const email of ["saksbehandler@demo.test", "leder@demo.test"]) {
      await expect(listAdminEvents(await staffActorByEmail(email))).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(listAdminEvents({ kind: "citizen", requesterId: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });

  it("pages newest first by keyset without gaps or repeats, and ignores a forged cursor", async () => {
    const ids = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    const total = await db().adminAuditEvent.count({ where: { municipalityId: "bergen" } });
    do {
      const page = await listAdminEvents(admin, { cursor, limit: 3 });
      for (const e of page.entries) {
        expect(ids.has(e.id)).toBe(false);
        ids.add(e.id);
      }
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 1000);
    expect(ids.size).toBe(total);
    const forged = await listAdminEvents(admin, { cursor: "'; DROP TABLE admin_audit_event; --" });
    expect(forged.entries.length).toBe(Math.min(total, ADMIN_LOG_PAGE));
  });

  it("the app's database role cannot rewrite it: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const rows = await db().adminAuditEvent.count();
    expect(rows).toBeGreaterThan(0);
    expect(await appRefusal(`UPDATE admin_audit_event SET action = 'unit.created'`)).toMatch(/permission denied/);
    expect(await appRefusal(`DELETE FROM admin_audit_event`)).toMatch(/permission denied/);
    expect(await appRefusal(`TRUNCATE admin_audit_event`)).toMatch(/permission denied/);
    expect(await appRefusal(`ALTER TABLE admin_audit_event DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    // Nor can the owner: the trigger is a second wall.
    await withOwner(async (client) => {
      await expect(client.query(`UPDATE admin_audit_event SET action = action`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM admin_audit_event`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE admin_audit_event`)).rejects.toThrow(/append-only/);
    });
    expect(await db().adminAuditEvent.count()).toBe(rows);
  });

  it("the database accepts exactly the actions and targets of the domain list", async () => {
    const actor = admin.userId;
    const insert = (action: string, target: string) =>
      withOwner((client) =>
        client
          .query("BEGIN")
          .then(() => client.query(`INSERT INTO admin_audit_event (id, municipality_id, actor_id, action, target_type, target_id, target_label) VALUES ($1, 'bergen', $2, $3, $4, 'x', 'x')`, [randomUUID(), actor, action, target]))
          .then(
            () => "ok",
            (e: Error) => e.message,
          )
          .finally(() => client.query("ROLLBACK")),
      );
    for (const action of ADMIN_AUDIT_ACTIONS) expect(await insert(action, "unit"), action).toBe("ok");
    for (const target of ADMIN_AUDIT_TARGETS) expect(await insert("unit.created", target), target).toBe("ok");
    expect(await insert("unit.deleted", "unit")).toMatch(/admin_audit_event_action_known/);
    expect(await insert("unit.created", "case")).toMatch(/admin_audit_event_target_known/);
  });

});
