// Admin services against the real database: staff users (create, edit roles/units, deactivate ends
// sessions) and units; everyone without the admin role gets not_found.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createStaffUser } from "@/lib/admin/create-staff-user";
import { updateStaffUser } from "@/lib/admin/update-staff-user";
import { setStaffUserActive } from "@/lib/admin/set-staff-user-active";
import { listStaffUsers, getStaffUser } from "@/lib/admin/list-staff-users";
import { createUnit, updateUnit } from "@/lib/admin/save-unit";
import { findRequestUnit, listRequestUnits } from "@/lib/admin/unit-choices";
import { listUnits } from "@/lib/admin/list-units";
import { submitRequest } from "@/lib/cases/submit-request";
import { listQueue } from "@/lib/cases/list-queue";
import type { Actor } from "@/lib/domain/policy";
import { validRequest, staffActorByEmail as actorFor } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;

let admin: Staff;
const suffix = randomUUID().slice(0, 8);

beforeAll(async () => {
  admin = await actorFor("admin@demo.test");
});

afterAll(async () => {
  await disconnectDb();
});

describe("only admins", () => {
  it("every admin service answers not_found to caseworkers, unit leads and the DPO", async () => {
    for (const email of ["saksbehandler@demo.test", "leder@demo.test", "personvernombud@demo.test"]) {
      const actor = await actorFor(email);
      const unit = await db().unit.findFirstOrThrow({ where: { slug: "barnehage" } });
      const calls = [
        () => listStaffUsers(actor),
        () => getStaffUser(actor, actor.userId),
        () => createStaffUser(actor, { name: "X", email: `x-${randomUUID()}@example.test`, roles: ["admin"] }),
        () => updateStaffUser(actor, actor.userId, { name: "X", roles: ["admin"], unitIds: [] }),
        () => setStaffUserActive(actor, admin.userId, false),
        () => listUnits(actor),
        () => createUnit(actor, { name: "X", slug: `x-${suffix}`, email: "", systems: "" }),
        () => updateUnit(actor, unit.id, { name: "X", slug: "barnehage", email: "", systems: "" }),
      ];
      for (const call of calls) await expect(call(), email).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await actorFor("personvernombud@demo.test")).roles).toEqual(["dpo"]);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.userId } })).active).toBe(true);
  });
});

describe("staff users", () => {
  it("creates a caseworker for a unit, who then sees only that unit's cases", async () => {
    const helse = await db().unit.findFirstOrThrow({ where: { slug: "helse-omsorg" } });
    const email = `Ny.Saksbehandler-${suffix}@Example.test`;
    const { id } = await createStaffUser(admin, { name: " Nina Ny ", email, roles: ["caseworker"], unitIds: [helse.id] });
    const user = await db().user.findUniqueOrThrow({ where: { id }, include: { units: true } });
    expect(user).toMatchObject({ name: "Nina Ny", email: email.toLowerCase(), roles: ["caseworker"], active: true, municipalityId: "bergen" });
    expect(user.units.map((u) => u.unitId)).toEqual([helse.id]);

    const inHelse = await submitRequest(validRequest({ unit: "helse-omsorg" }), { locale: "nb" });
    const inSkole = await submitRequest(validRequest({ unit: "skole" }), { locale: "nb" });
    const nina = await actorFor(email.toLowerCase());
    const seen = async (reference: string) => (await listQueue(nina, { filters: { q: reference } })).rows.length;
    expect(await seen(inHelse.reference)).toBe(1);
    expect(await seen(inSkole.reference)).toBe(0);
  });

  it("refuses a taken e-mail (any case), no role, and a unit that does not exist", async () => {
    await expect(createStaffUser(admin, { name: "Dobbel", email: "SAKSBEHANDLER@demo.test", roles: ["caseworker"] })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: { email: "emailTaken" } },
    });
    await expect(createStaffUser(admin, { name: "", email: "ikke-epost", roles: [] })).rejects.toMatchObject({
      details: { fields: { name: "required", email: "email", roles: "rolesRequired" } },
    });
    await expect(
      createStaffUser(admin, { name: "Feil enhet", email: `feil-${suffix}@example.test`, roles: ["caseworker"], unitIds: [randomUUID()] }),
    ).rejects.toMatchObject({ details: { fields: { unitIds: "unit" } } });
    expect(await db().user.count({ where: { email: `feil-${suffix}@example.test` } })).toBe(0);
  });

  it("edits roles and units; the change is what the next request sees", async () => {
    const [barnehage, skole] = await Promise.all(["barnehage", "skole"].map((slug) => db().unit.findFirstOrThrow({ where: { slug } })));
    const { id } = await createStaffUser(admin, { name: "Endre Meg", email: `endre-${suffix}@example.test`, roles: ["caseworker"], unitIds: [barnehage!.id] });
    await updateStaffUser(admin, id, { name: "Endre Meg", roles: ["caseworker", "unit_lead"], unitIds: [skole!.id] });
    const after = await getStaffUser(admin, id);
    expect(after?.roles).toEqual(["caseworker", "unit_lead"]);
    expect(after?.units.map((u) => u.id)).toEqual([skole!.id]);
    await expect(updateStaffUser(admin, randomUUID(), { name: "X", roles: ["caseworker"], unitIds: [] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("an admin cannot remove their own admin role or deactivate themselves", async () => {
    await expect(updateStaffUser(admin, admin.userId, { name: "Anne Admin", roles: ["caseworker"], unitIds: [] })).rejects.toMatchObject({
      details: { fields: { roles: "ownAdminRole" } },
    });
    await expect(setStaffUserActive(admin, admin.userId, false)).rejects.toMatchObject({ code: "validation_failed" });
    expect((await actorFor("admin@demo.test")).roles).toEqual(["admin"]);
  });

  it("deactivating ends every session of the user; reactivating lets them sign in again", async () => {
    const { id } = await createStaffUser(admin, { name: "Slutter Snart", email: `slutter-${suffix}@example.test`, roles: ["caseworker"] });
    const expires = new Date(Date.now() + 3_600_000);
    await db().session.createMany({
      data: [1, 2].map(() => ({ sessionToken: randomBytes(16).toString("hex"), userId: id, expires })),
    });
    expect(await setStaffUserActive(admin, id, false)).toEqual({ sessionsEnded: 2, unassignedCases: 0 });
    expect(await db().session.count({ where: { userId: id } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    await setStaffUserActive(admin, id, true);
    expect((await db().user.findUniqueOrThrow({ where: { id } })).active).toBe(true);
    const listed = (await listStaffUsers(admin)).find((u) => u.id === id);
    expect(listed).toMatchObject({ active: true, roles: ["caseworker"] });
  });
});

describe("units", () => {
  it("keeps a name per language: the English form shows the English name, a blank one falls back to bokmål", async () => {
    const slug = `sprak-${suffix}`;
    const { id } = await createUnit(admin, { name: "Kulturskole", nameNn: "Kulturskule", nameEn: "  ", slug, email: "", systems: "" });
    expect(await db().unit.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Kulturskole", nameNn: "Kulturskule", nameEn: null });
    const pick = async (locale: string) => (await listRequestUnits(locale)).find((u) => u.slug === slug)?.name;
    expect(await pick("nb")).toBe("Kulturskole");
    expect(await pick("nn")).toBe("Kulturskule");
    expect(await pick("en")).toBe("Kulturskole");
    await updateUnit(admin, id, { name: "Kulturskole", nameNn: "Kulturskule", nameEn: "School of arts", slug, email: "", systems: "" });
    expect(await pick("en")).toBe("School of arts");
    expect((await findRequestUnit(slug, "en"))?.name).toBe("School of arts");
    // The seeded units carry their translations from the municipality profile.
    expect((await findRequestUnit("barnehage", "en"))?.name).toBe("Kindergartens");
    expect((await findRequestUnit("skole", "nn"))?.name).toBe("Skule");
  });

  it("creates a unit with systems (one per line) and edits it; deactivated units cannot take requests", async () => {
    const slug = `ny-enhet-${suffix}`;
    const { id } = await createUnit(admin, {
      name: "Ny enhet",
      slug,
      email: "Ny.Enhet@Bergen.kommune.no",
      systems: "Fagsystem A\n\n  Sak- og arkivsystem  \r\nFagsystem A",
    });
    expect(await db().unit.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Ny enhet",
      slug,
      email: "ny.enhet@bergen.kommune.no",
      systems: ["Fagsystem A", "Sak- og arkivsystem"],
      active: true,
      municipalityId: "bergen",
    });
    await submitRequest(validRequest({ unit: slug }), { locale: "nb" });

    await updateUnit(admin, id, { name: "Ny enhet (endret)", slug, email: "", systems: ["Bare ett system"], active: false });
    expect((await listUnits(admin)).find((u) => u.id === id)).toMatchObject({
      name: "Ny enhet (endret)",
      email: null,
      systems: ["Bare ett system"],
      active: false,
    });
    await expect(submitRequest(validRequest({ unit: slug }), { locale: "nb" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("refuses a taken or malformed slug and a bad e-mail", async () => {
    await expect(createUnit(admin, { name: "Kopi", slug: "barnehage", email: "", systems: "" })).rejects.toMatchObject({
      details: { fields: { slug: "slugTaken" } },
    });
    await expect(createUnit(admin, { name: "Feil", slug: "Med mellomrom", email: "ikke-epost", systems: "" })).rejects.toMatchObject({
      details: { fields: { slug: "slug", email: "email" } },
    });
  });
});
