// What the requester filed reaches the caseworker ("Forespørselen" on the staff case page), national
// ids are masked and shown in full only through an audited reveal, the special-category mark (case
// toggle with optimistic locking, the admin's unit flag) and what it means for the citizen's page.
// Against the real database; cases are filed through the real services.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { lastChangedBy, staffGetCaseWork } from "@/lib/cases/staff-case-view";
import { staffGetRequestDetails } from "@/lib/cases/staff-request-details";
import { revealNationalId } from "@/lib/cases/reveal-national-id";
import { setSpecialCategory } from "@/lib/cases/set-special-category";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { citizenSendMessage } from "@/lib/cases/citizen-send-message";
import { createUnit, updateUnit } from "@/lib/admin/save-unit";
import { getUnit, listUnits } from "@/lib/admin/list-units";
import { isDomainError } from "@/lib/domain/errors";
import type { SubmitRequest } from "@/lib/requests/request-schema";
import { staffActorByEmail as staffActor, validRequest } from "./helpers";

const OWN_ID = "01019012480";
const CHILD_ID = "01011550076";

beforeAll(() => {
  process.env.FIELD_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ??= randomBytes(32).toString("base64");
});

afterAll(async () => {
  await disconnectDb();
});

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

async function newIdentity(level: "email_code" | "idporten_high" = "email_code") {
  const email = `detaljer-${randomUUID()}@example.test`;
  const identity = await db().citizenIdentity.create({
    data: { method: level === "email_code" ? "email_code" : "idporten", email, level },
    select: { id: true },
  });
  return { identityId: identity.id, email, level };
}

/** A request with every kind of detail: four rights, a scope, on behalf of a child, answer by post. */
function fullRequest(overrides: Partial<SubmitRequest> = {}): SubmitRequest {
  return validRequest({
    rights: ["rectification", "erasure", "restriction", "objection"],
    unit: "barnehage",
    description: "Gjelder barnehageåret 2024/25.\nRing meg gjerne.",
    details: {
      incorrectData: "Adressen i barnehagesystemet",
      correctData: "Nygårdsgaten 1, 5015 Bergen",
      dataToErase: "Bilder fra juleavslutningen",
      erasureGround: "b",
      processingConcerned: "Deling med helsestasjonen",
      restrictionGround: "a",
      directMarketing: false,
      objectionReasons: "Jeg har hemmelig adresse.",
      scopeService: "Nordnes barnehage",
      scopePeriodFrom: "2024-08-01",
      scopePeriodTo: "2025-06-30",
    },
    onBehalfOf: "child",
    subjectName: "Lille Testesen",
    subjectNationalId: CHILD_ID,
    declaration: true,
    answerChannel: "paper",
    postalAddress: "Nygårdsgaten 1\n5015 Bergen",
    nationalId: OWN_ID,
    ...overrides,
  });
}

describe("Forespørselen: what was filed reaches the caseworker", () => {
  it("returns the right-specific details, scope, unit, on whose behalf, contact and answer channel; national ids masked", async () => {
    const filed = await submitRequest(fullRequest(), { locale: "nb" });
    const kari = await staffActor("saksbehandler@demo.test");
    const view = await staffGetRequestDetails(kari, filed.reference);
    expect(view).not.toBeNull();
    expect(view!.rights).toEqual(["rectification", "erasure", "restriction", "objection"]);
    expect(view!.channel).toBe("web");
    expect(view!.details).toEqual({
      incorrectData: "Adressen i barnehagesystemet",
      correctData: "Nygårdsgaten 1, 5015 Bergen",
      dataToErase: "Bilder fra juleavslutningen",
      erasureGround: "b",
      processingConcerned: "Deling med helsestasjonen",
      restrictionGround: "a",
      directMarketing: false,
      objectionReasons: "Jeg har hemmelig adresse.",
      scopeService: "Nordnes barnehage",
      scopePeriodFrom: "2024-08-01",
      scopePeriodTo: "2025-06-30",
    });
    expect(view!.description).toBe("Gjelder barnehageåret 2024/25.\nRing meg gjerne.");
    expect(view!.unitAtReceipt?.name).toBe("Barnehage");
    expect(view!.onBehalfOf).toBe("child");
    expect(view!.subjectName).toBe("Lille Testesen");
    expect(view!.declarationConfirmed).toBe(true);
    expect(view!.answerChannel).toBe("paper");
    expect(view!.contact).toMatchObject({ name: "Test Testesen", postalAddress: "Nygårdsgaten 1\n5015 Bergen" });
    expect(view!.requesterNationalIdMasked).toBe("010190*****");
    expect(view!.requesterNationalIdSource).toBe("form");
    expect(view!.subjectNationalIdMasked).toBe("010115*****");
    expect(view!.specialCategory).toBe(false);
    expect(view!.can).toEqual({ revealNationalId: true, setSpecialCategory: true });
    // Never the full numbers outside the reveal.
    const json = JSON.stringify(view);
    expect(json).not.toContain(OWN_ID);
    expect(json).not.toContain(CHILD_ID);
  });

  it("a request without a unit says 'vet ikke'; the unit at receipt stays when the case is moved", async () => {
    const filed = await submitRequest(validRequest({ rights: ["access"], unit: "" }), { locale: "nb" });
    const lene = await staffActor("leder@demo.test");
    const view = await staffGetRequestDetails(lene, filed.reference);
    expect(view!.unitAtReceipt).toBeNull();
    expect(view!.details).toEqual({});
    expect(view!.onBehalfOf).toBe("self");
    expect(view!.subjectName).toBeNull();
    expect(view!.declarationConfirmed).toBe(false);
    expect(view!.requesterNationalIdMasked).toBeNull();

    const inUnit = await submitRequest(validRequest({ unit: "skole" }), { locale: "nb" });
    const barnehage = await db().unit.findFirstOrThrow({ where: { municipalityId: "bergen", slug: "barnehage" } });
    await db().case.update({ where: { reference: inUnit.reference }, data: { unitId: barnehage.id } });
    expect((await staffGetRequestDetails(lene, inUnit.reference))!.unitAtReceipt?.name).toBe("Skole");
  });

  it("stored details are read as untrusted: unknown keys and wrong types are left out", async () => {
    const filed = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb" });
    await db().case.update({
      where: { reference: filed.reference },
      data: { details: { incorrectData: 42, erasureGround: "z", scopePeriodFrom: "2025-02-30", correctData: "  Riktig  ", legacy: "x", directMarketing: "yes" } },
    });
    const kari = await staffActor("saksbehandler@demo.test");
    expect((await staffGetRequestDetails(kari, filed.reference))!.details).toEqual({ correctData: "Riktig" });
  });

  it("a caseworker of another unit and the admin get nothing (404), the DPO reads", async () => {
    const filed = await submitRequest(fullRequest(), { locale: "nb" });
    const ola = await staffActor("saksbehandler2@demo.test");
    const admin = await staffActor("admin@demo.test");
    const dpo = await staffActor("personvernombud@demo.test");
    expect(await staffGetRequestDetails(ola, filed.reference)).toBeNull();
    expect(await staffGetRequestDetails(admin, filed.reference)).toBeNull();
    expect(isDomainError(await errorOf(revealNationalId(ola, { reference: filed.reference, of: "requester" })), "not_found")).toBe(true);
    expect(isDomainError(await errorOf(revealNationalId(admin, { reference: filed.reference, of: "requester" })), "not_found")).toBe(true);
    const forDpo = await staffGetRequestDetails(dpo, filed.reference);
    expect(forDpo!.details.incorrectData).toBe("Adressen i barnehagesystemet");
    expect(forDpo!.can).toEqual({ revealNationalId: true, setSpecialCategory: false });
    expect(await db().caseEvent.count({ where: { case: { reference: filed.reference }, type: "case.national_id_viewed" } })).toBe(0);
  });
});

describe("Vis fødselsnummer: need-to-know with an audit event", () => {
  it("reveals the full number and writes case.national_id_viewed without the number; the version stays", async () => {
    const filed = await submitRequest(fullRequest(), { locale: "nb" });
    const kari = await staffActor("saksbehandler@demo.test");
    const before = await db().case.findUniqueOrThrow({ where: { reference: filed.reference }, select: { id: true, version: true } });

    expect(await revealNationalId(kari, { reference: filed.reference, of: "requester" })).toBe(OWN_ID);
    expect(await revealNationalId(kari, { reference: filed.reference, of: "subject" })).toBe(CHILD_ID);

    const events = await db().caseEvent.findMany({ where: { caseId: before.id, type: "case.national_id_viewed" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.actorType, e.actorId, e.after])).toEqual([
      ["staff", kari.userId, { nationalIdOf: "requester", source: "form" }],
      ["staff", kari.userId, { nationalIdOf: "subject", source: "form" }],
    ]);
    const allEvents = JSON.stringify(await db().caseEvent.findMany({ where: { caseId: before.id } }), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(allEvents).not.toContain(OWN_ID);
    expect(allEvents).not.toContain(CHILD_ID);
    const after = await db().case.findUniqueOrThrow({ where: { id: before.id }, select: { version: true } });
    expect(after.version).toBe(before.version);

    // The DPO reads the case too, may reveal (logged), and sees every viewing in the timeline.
    const dpo = await staffActor("personvernombud@demo.test");
    expect(await revealNationalId(dpo, { reference: filed.reference, of: "requester" })).toBe(OWN_ID);
    const work = await staffGetCaseWork(dpo, filed.reference);
    const viewed = work!.timeline.filter((e) => e.type === "case.national_id_viewed");
    expect(viewed.map((e) => [e.actorName, e.facts.nationalIdOf])).toEqual([
      ["Kari Saksbehandler", "requester"],
      ["Kari Saksbehandler", "subject"],
      ["Per Personvernombud", "requester"],
    ]);
    // A reading is not a change: "changed by" still names whoever filed it.
    expect(await lastChangedBy(kari, filed.reference)).toEqual({ kind: "citizen", name: null });
  });

  it("no number stored: null and nothing logged", async () => {
    const filed = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb" });
    const kari = await staffActor("saksbehandler@demo.test");
    expect(await revealNationalId(kari, { reference: filed.reference, of: "requester" })).toBeNull();
    expect(await revealNationalId(kari, { reference: filed.reference, of: "subject" })).toBeNull();
    expect(await db().caseEvent.count({ where: { case: { reference: filed.reference }, type: "case.national_id_viewed" } })).toBe(0);
  });

  it("an ID-porten requester's number comes from the sign-in", async () => {
    const pidEncrypted = (await import("@/lib/crypto/field-encryption")).encryptField("01019000083");
    const identity = await db().citizenIdentity.create({
      data: { method: "idporten", level: "idporten_substantial", pidHash: `test-${randomUUID()}`, pidEncrypted },
      select: { id: true },
    });
    const filed = await submitRequest(validRequest({ unit: "barnehage" }), {
      locale: "nb",
      citizen: { identityId: identity.id, level: "idporten_substantial", email: null },
    });
    const kari = await staffActor("saksbehandler@demo.test");
    const view = await staffGetRequestDetails(kari, filed.reference);
    expect(view!.requesterNationalIdMasked).toBe("010190*****");
    expect(await revealNationalId(kari, { reference: filed.reference, of: "requester" })).toBe("01019000083");
  });
});

describe("special category on the case", () => {
  it("the caseworker marks and clears it: version bump, audit event with before/after, no-op when unchanged", async () => {
    const me = await newIdentity();
    const filed = await submitRequest(validRequest({ unit: "barnehage", email: me.email }), {
      locale: "nb",
      citizen: { identityId: me.identityId, level: "email_code", email: me.email },
    });
    await citizenSendMessage({ identityId: me.identityId, reference: filed.reference, body: "Om helsen til barnet mitt" });
    const kari = await staffActor("saksbehandler@demo.test");
    const c = await db().case.findUniqueOrThrow({ where: { reference: filed.reference }, select: { id: true, version: true, specialCategory: true } });
    expect(c.specialCategory).toBe(false);
    expect((await citizenGetCase(me, filed.reference))!.needsHighLevel).toBe(false);

    const on = await setSpecialCategory(kari, { reference: filed.reference, specialCategory: true, expectedVersion: c.version });
    expect(on).toEqual({ version: c.version + 1, changed: true });
    // The citizen signed in with an e-mail code now gets the step-up, and no content.
    const low = await citizenGetCase(me, filed.reference);
    expect(low!.needsHighLevel).toBe(true);
    expect(low!.messages).toEqual([]);
    const high = await citizenGetCase({ identityId: me.identityId, level: "idporten_high" }, filed.reference);
    expect(high!.needsHighLevel).toBe(false);
    expect(high!.messages.map((m) => m.body)).toEqual(["Om helsen til barnet mitt"]);

    // The same value again changes nothing.
    expect(await setSpecialCategory(kari, { reference: filed.reference, specialCategory: true, expectedVersion: on.version })).toEqual({
      version: on.version,
      changed: false,
    });
    const off = await setSpecialCategory(kari, { reference: filed.reference, specialCategory: false, expectedVersion: on.version });
    expect(off).toEqual({ version: on.version + 1, changed: true });

    const events = await db().caseEvent.findMany({ where: { caseId: c.id, type: "case.special_category_set" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [kari.userId, { specialCategory: false }, { specialCategory: true }],
      [kari.userId, { specialCategory: true }, { specialCategory: false }],
    ]);
    expect((await staffGetCaseWork(kari, filed.reference))!.timeline.filter((e) => e.type === "case.special_category_set").map((e) => e.facts.specialCategory)).toEqual([
      true,
      false,
    ]);
  });

  it("a stale version is refused and nothing is written", async () => {
    const filed = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb" });
    const kari = await staffActor("saksbehandler@demo.test");
    const lene = await staffActor("leder@demo.test");
    const c = await db().case.findUniqueOrThrow({ where: { reference: filed.reference }, select: { id: true, version: true } });
    // Kari opened the page (flag off, version v); Lene marks the case meanwhile. Kari saves her page's
    // "off": the case has moved on, so she is told to reload instead of undoing Lene's mark.
    await setSpecialCategory(lene, { reference: filed.reference, specialCategory: true, expectedVersion: c.version });
    const error = await errorOf(setSpecialCategory(kari, { reference: filed.reference, specialCategory: false, expectedVersion: c.version }));
    expect(isDomainError(error, "conflict_stale_version")).toBe(true);
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true, specialCategory: true } });
    expect(row).toEqual({ version: c.version + 1, specialCategory: true });
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: "case.special_category_set" } })).toBe(1);
  });

  it("the DPO may not toggle (forbidden, read only), another unit's caseworker gets not_found; closed cases may be marked", async () => {
    const filed = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb" });
    const c = await db().case.findUniqueOrThrow({ where: { reference: filed.reference }, select: { id: true, version: true } });
    const dpo = await staffActor("personvernombud@demo.test");
    const ola = await staffActor("saksbehandler2@demo.test");
    expect(isDomainError(await errorOf(setSpecialCategory(dpo, { reference: filed.reference, specialCategory: true, expectedVersion: c.version })), "forbidden")).toBe(
      true,
    );
    expect(isDomainError(await errorOf(setSpecialCategory(ola, { reference: filed.reference, specialCategory: true, expectedVersion: c.version })), "not_found")).toBe(
      true,
    );
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: "case.special_category_set" } })).toBe(0);

    await db().case.update({ where: { id: c.id }, data: { status: "completed", closedAt: new Date(), version: { increment: 1 } } });
    const kari = await staffActor("saksbehandler@demo.test");
    const result = await setSpecialCategory(kari, { reference: filed.reference, specialCategory: true, expectedVersion: c.version + 1 });
    expect(result.changed).toBe(true);
  });

  it("permission flags of the case page: the policy's own actions", async () => {
    const filed = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb" });
    const flags = async (email: string) => (await staffGetCaseWork(await staffActor(email), filed.reference))!.can;
    expect(await flags("saksbehandler@demo.test")).toMatchObject({
      tasks: true,
      restrict: true,
      complex: true,
      specialCategory: true,
      changeUnit: false,
      assign: false,
    });
    expect(await flags("leder@demo.test")).toMatchObject({ tasks: true, restrict: true, complex: true, specialCategory: true, changeUnit: true, assign: true });
    expect(await flags("personvernombud@demo.test")).toMatchObject({
      ask: false,
      decide: false,
      tasks: false,
      restrict: false,
      complex: false,
      specialCategory: false,
      changeUnit: false,
      assign: false,
    });
  });
});

describe("special category on the unit (admin)", () => {
  it("a new unit can be made a special-category unit; its new cases are marked, and the citizen needs level high", async () => {
    const admin = await staffActor("admin@demo.test");
    const slug = `psykisk-${randomUUID().slice(0, 8)}`;
    const { id } = await createUnit(admin, { name: "Psykisk helse", slug, email: "", systems: "", active: true, specialCategory: true });
    expect((await getUnit(admin, id))!.specialCategory).toBe(true);
    expect((await listUnits(admin)).find((u) => u.id === id)?.specialCategory).toBe(true);

    const me = await newIdentity();
    const filed = await submitRequest(validRequest({ unit: slug, email: me.email }), {
      locale: "nb",
      citizen: { identityId: me.identityId, level: "email_code", email: me.email },
    });
    expect((await db().case.findUniqueOrThrow({ where: { reference: filed.reference } })).specialCategory).toBe(true);
    expect((await citizenGetCase(me, filed.reference))!.needsHighLevel).toBe(true);
    expect((await citizenGetCase({ identityId: me.identityId, level: "idporten_high" }, filed.reference))!.needsHighLevel).toBe(false);
  });

  it("turning the flag on marks the unit's existing cases (one audit event each); off leaves them; omitted leaves the flag", async () => {
    const admin = await staffActor("admin@demo.test");
    const slug = `familie-${randomUUID().slice(0, 8)}`;
    const { id } = await createUnit(admin, { name: "Familie", slug, email: "", systems: "", active: true });
    expect((await getUnit(admin, id))!.specialCategory).toBe(false);
    const a = await submitRequest(validRequest({ unit: slug }), { locale: "nb" });
    const b = await submitRequest(validRequest({ unit: slug }), { locale: "nb" });
    const before = await db().case.findMany({ where: { unitId: id }, select: { id: true, version: true, specialCategory: true }, orderBy: { id: "asc" } });
    expect(before.map((c) => c.specialCategory)).toEqual([false, false]);

    const result = await updateUnit(admin, id, { name: "Familie", slug, email: "", systems: "", active: true, specialCategory: true });
    expect(result).toEqual({ markedCases: 2 });
    const after = await db().case.findMany({ where: { unitId: id }, select: { id: true, version: true, specialCategory: true }, orderBy: { id: "asc" } });
    expect(after.map((c) => c.specialCategory)).toEqual([true, true]);
    expect(after.map((c) => c.version)).toEqual(before.map((c) => c.version + 1));
    for (const reference of [a.reference, b.reference]) {
      const events = await db().caseEvent.findMany({ where: { case: { reference }, type: "case.special_category_set" } });
      expect(events.map((e) => [e.actorId, e.before, e.after])).toEqual([[admin.userId, { specialCategory: false }, { specialCategory: true, byUnit: true }]]);
    }

    // Saving the form again (still on) marks nothing new; an edit without the flag keeps it.
    expect(await updateUnit(admin, id, { name: "Familie", slug, email: "", systems: "", active: true, specialCategory: true })).toEqual({ markedCases: 0 });
    await updateUnit(admin, id, { name: "Familie og barn", slug, email: "", systems: "" });
    expect((await getUnit(admin, id))!.specialCategory).toBe(true);

    // Off: the unit's flag goes, the cases keep their mark (a caseworker clears them one by one).
    expect(await updateUnit(admin, id, { name: "Familie og barn", slug, email: "", systems: "", active: true, specialCategory: false })).toEqual({ markedCases: 0 });
    expect((await getUnit(admin, id))!.specialCategory).toBe(false);
    expect((await db().case.findMany({ where: { unitId: id }, select: { specialCategory: true } })).every((c) => c.specialCategory)).toBe(true);
  });

  it("only admins: everyone else gets not_found and nothing changes", async () => {
    const unit = await db().unit.findFirstOrThrow({ where: { municipalityId: "bergen", slug: "skole" } });
    for (const email of ["saksbehandler@demo.test", "leder@demo.test", "personvernombud@demo.test"]) {
      const actor = await staffActor(email);
      const error = await errorOf(updateUnit(actor, unit.id, { name: unit.name, slug: unit.slug, email: "", systems: "", specialCategory: true }));
      expect(isDomainError(error, "not_found")).toBe(true);
    }
    expect((await db().unit.findUniqueOrThrow({ where: { id: unit.id } })).specialCategory).toBe(false);
  });

  it("the seeded health unit is a special-category unit and its cases are marked when filed", async () => {
    const helse = await db().unit.findFirstOrThrow({ where: { municipalityId: "bergen", slug: "helse-omsorg" } });
    expect(helse.specialCategory).toBe(true);
    const filed = await submitRequest(validRequest({ unit: "helse-omsorg" }), { locale: "nb" });
    const ola = await staffActor("saksbehandler2@demo.test");
    const view = await staffGetRequestDetails(ola, filed.reference);
    expect(view!.specialCategory).toBe(true);
    expect(view!.specialCategoryUnit?.name).toBe("Helse og omsorg");
  });
});
