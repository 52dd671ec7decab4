// Cases that staff register (phone, letter, counter, e-mail) reach the citizen's "Mine saker": the
// requester is linked to the citizen identity that proves to be them (lib/citizen-auth/link-requesters.ts).
// (a) ID-porten: same national id (hash); re-points an e-mail-code link, never an ID-porten one.
// (b) E-mail code: same address, only staff-registered and not anonymised cases, only unlinked requesters.
// (c) At registration: an identity that already exists, pid hash first, else the address (digital answers).
// Every link writes "case.requester_linked" (the method only) in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomInt, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { decryptField, lookupHash } from "@/lib/crypto/field-encryption";
import { registerRequest, type RegisterInput } from "@/lib/cases/register-request";
import { submitRequest } from "@/lib/cases/submit-request";
import { citizenListCases } from "@/lib/cases/citizen-list-cases";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { upsertEmailIdentity, upsertIdPortenIdentity } from "@/lib/citizen-auth/upsert-identity";
import { isValidNationalId } from "@/lib/domain/national-id";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { staffActorByEmail, validRequest } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
let kari: Staff;
let ola: Staff;

beforeAll(async () => {
  kari = await staffActorByEmail("saksbehandler@demo.test");
  ola = await staffActorByEmail("saksbehandler2@demo.test");
});

afterAll(async () => {
  delete process.env.ALLOW_SYNTHETIC_NATIONAL_IDS;
  await disconnectDb();
});

const NOW = new Date("2026-03-15T12:00:00Z");
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** A fresh, valid fødselsnummer (both check digits right), different in every test run. */
function newFnr(): string {
  for (;;) {
    const base = [
      String(randomInt(1, 29)).padStart(2, "0"),
      String(randomInt(1, 13)).padStart(2, "0"),
      String(randomInt(50, 100)).padStart(2, "0"),
      String(randomInt(0, 500)).padStart(3, "0"),
    ].join("");
    const digits = Array.from(base, Number);
    const check = (weights: number[]) => {
      const r = weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11;
      return r === 0 ? 0 : r === 1 ? null : 11 - r;
    };
    const k1 = check(W1);
    if (k1 === null) continue;
    digits.push(k1);
    const k2 = check(W2);
    if (k2 === null) continue;
    const fnr = `${base}${k1}${k2}`;
    if (isValidNationalId(fnr)) return fnr;
  }
}

/** The same number with a wrong second check digit. */
function withWrongCheckDigit(fnr: string) {
  return `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;
}

const uniqueAddress = (prefix: string) => `${prefix}-${randomUUID()}@example.test`;

function phoneRequest(overrides: Partial<RegisterInput> = {}): RegisterInput {
  return {
    channel: "phone",
    receivedDate: "2026-03-05",
    receivedTime: "14:30",
    rights: ["access"],
    name: "Kobling Testesen",
    email: uniqueAddress("kobling"),
    phone: "",
    postalAddress: "",
    answerChannel: "digital",
    unit: "barnehage",
    locale: "nb",
    description: "Ringte og ba om innsyn.",
    identityVerified: false,
    ...overrides,
  };
}

async function requesterOf(caseId: string) {
  return (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { requester: true } })).requester;
}

async function linkEvents(caseId: string) {
  return db().caseEvent.findMany({ where: { caseId, type: "case.requester_linked" }, orderBy: { id: "asc" } });
}

async function counts() {
  const [cases, requesters, events, mails] = await Promise.all([db().case.count(), db().requester.count(), db().caseEvent.count(), db().mailOutbox.count()]);
  return { cases, requesters, events, mails };
}

describe("registering with a fødselsnummer", () => {
  it("stores it only encrypted with its lookup hash, and nowhere in clear text", async () => {
    const fnr = newFnr();
    // People type spaces between the groups; the stored number is the 11 digits.
    const result = await registerRequest(kari, phoneRequest({ nationalId: `${fnr.slice(0, 6)} ${fnr.slice(6)}` }), { now: NOW });
    const requester = await requesterOf(result.caseId);
    expect(requester.nationalIdHash).toBe(lookupHash(fnr));
    expect(decryptField(requester.nationalIdEncrypted!)).toBe(fnr);
    expect(requester.identityId).toBeNull();
    expect(result.linked).toBeNull();
    const dump = await db().$queryRawUnsafe<{ t: string }[]>(
      `SELECT row_to_json(c)::text || row_to_json(r)::text
              || coalesce((SELECT string_agg(row_to_json(e)::text, '') FROM case_event e WHERE e.case_id = c.id), '')
              || coalesce((SELECT string_agg(row_to_json(m)::text, '') FROM mail_outbox m WHERE m.case_id = c.id), '') AS t
         FROM request_case c JOIN requester r ON r.id = c.requester_id WHERE c.id = $1::uuid`,
      result.caseId,
    );
    expect(dump[0]!.t).not.toContain(fnr);
  });

  it("refuses a wrong check digit and writes nothing; synthetic test numbers only where allowed", async () => {
    const before = await counts();
    for (const nationalId of [withWrongCheckDigit(newFnr()), "1234567890", "0101901234x"]) {
      const error = await registerRequest(kari, phoneRequest({ nationalId }), { now: NOW }).catch((e: unknown) => e);
      expect(isDomainError(error, "validation_failed"), nationalId).toBe(true);
      expect((error as { details?: Record<string, unknown> }).details).toEqual({ field: "nationalId" });
    }
    expect(await counts()).toEqual(before);

    const synthetic = "15859110190"; // Tenor: month + 80
    const refused = await registerRequest(kari, phoneRequest({ nationalId: synthetic }), { now: NOW }).catch((e: unknown) => e);
    expect(isDomainError(refused, "validation_failed")).toBe(true);
    expect(await counts()).toEqual(before);
    process.env.ALLOW_SYNTHETIC_NATIONAL_IDS = "1";
    try {
      const accepted = await registerRequest(kari, phoneRequest({ nationalId: synthetic }), { now: NOW });
      expect((await requesterOf(accepted.caseId)).nationalIdHash).toBe(lookupHash(synthetic));
    } finally {
      delete process.env.ALLOW_SYNTHETIC_NATIONAL_IDS;
    }
  });

  it("a double submit of the same form (one submission key) makes one case, also at the same time", async () => {
    const submissionKey = randomUUID();
    const input = phoneRequest({ submissionKey });
    const [a, b] = await Promise.all([registerRequest(kari, input, { now: NOW }), registerRequest(kari, input, { now: NOW })]);
    expect(a.reference).toBe(b.reference);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await registerRequest(kari, input, { now: NOW });
    expect(again).toMatchObject({ reference: a.reference, created: false });
    expect(await db().case.count({ where: { submissionKey } })).toBe(1);
    expect(await db().requester.count({ where: { email: input.email } })).toBe(1);
    expect(await db().mailOutbox.count({ where: { toAddress: input.email } })).toBe(1);
    expect(await db().caseEvent.count({ where: { case: { submissionKey }, type: "case.registered" } })).toBe(1);

    // The same key with other content (a stale form, or someone else's) makes nothing and says so.
    const before = await counts();
    const stale = await registerRequest(kari, { ...input, receivedTime: "09:00" }, { now: NOW }).catch((e: unknown) => e);
    expect(isDomainError(stale, "validation_failed")).toBe(true);
    expect((stale as { details?: Record<string, unknown> }).details).toMatchObject({ reason: "stale" });
    expect(await counts()).toEqual(before);

    // Keys are scoped to whoever submits: the same key from another caseworker is their own
    // registration and never returns Kari's case.
    const otherStaff = await registerRequest(ola, { ...input, unit: "helse-omsorg" }, { now: NOW });
    expect(otherStaff.created).toBe(true);
    expect(otherStaff.reference).not.toBe(a.reference);
    expect(await db().case.count({ where: { submissionKey } })).toBe(2);
  });
});

describe("(a) ID-porten sign-in", () => {
  it("links a registered case with the same national id; the citizen sees it with the channel and the link in the timeline", async () => {
    const fnr = newFnr();
    const registered = await registerRequest(kari, phoneRequest({ nationalId: fnr }), { now: NOW });
    const signIn = new Date("2026-03-16T08:00:00Z");
    const identity = await upsertIdPortenIdentity({ pid: fnr, acr: "idporten-loa-substantial", now: signIn });

    expect((await requesterOf(registered.caseId)).identityId).toBe(identity.identityId);
    const events = await linkEvents(registered.caseId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "system", actorId: null, after: { method: "idporten" } });
    expect(events[0]!.at.toISOString()).toBe(signIn.toISOString());

    expect((await citizenListCases(identity.identityId)).map((c) => c.reference)).toContain(registered.reference);
    const view = await citizenGetCase({ identityId: identity.identityId, level: identity.level }, registered.reference);
    expect(view?.timeline.map((e) => [e.type, e.actor, e.detail])).toEqual([
      ["case.registered", "municipality", "phone"],
      ["case.requester_linked", "municipality", "idporten"],
    ]);
    // Signing in again links nothing new.
    await upsertIdPortenIdentity({ pid: fnr, acr: "idporten-loa-high" });
    expect(await linkEvents(registered.caseId)).toHaveLength(1);
  });

  it("re-points a requester that only an e-mail code had linked (the stronger proof of the same person)", async () => {
    const fnr = newFnr();
    const email = uniqueAddress("sterkere");
    const registered = await registerRequest(kari, phoneRequest({ nationalId: fnr, email }), { now: NOW });
    const byEmail = await upsertEmailIdentity({ email });
    expect((await requesterOf(registered.caseId)).identityId).toBe(byEmail.identityId);

    const byPid = await upsertIdPortenIdentity({ pid: fnr, acr: "idporten-loa-high" });
    expect((await requesterOf(registered.caseId)).identityId).toBe(byPid.identityId);
    expect((await linkEvents(registered.caseId)).map((e) => e.after)).toEqual([{ method: "email_code" }, { method: "idporten" }]);
    expect(await citizenGetCase({ identityId: byEmail.identityId, level: "email_code" }, registered.reference)).toBeNull();
  });

  it("never re-points a requester that belongs to another ID-porten identity, nor an anonymised case", async () => {
    const fnr = newFnr();
    const owner = await upsertIdPortenIdentity({ pid: newFnr(), acr: "idporten-loa-high" });
    const registered = await registerRequest(kari, phoneRequest({ nationalId: fnr }), { now: NOW });
    await db().requester.update({ where: { id: (await requesterOf(registered.caseId)).id }, data: { identityId: owner.identityId } });

    const anonymised = await registerRequest(kari, phoneRequest({ nationalId: fnr }), { now: NOW });
    await db().case.update({ where: { id: anonymised.caseId }, data: { status: "completed", closedAt: NOW, anonymisedAt: NOW } });

    const other = await upsertIdPortenIdentity({ pid: fnr, acr: "idporten-loa-high" });
    expect((await requesterOf(registered.caseId)).identityId).toBe(owner.identityId);
    expect((await requesterOf(anonymised.caseId)).identityId).toBeNull();
    expect(await linkEvents(registered.caseId)).toHaveLength(0);
    expect(await linkEvents(anonymised.caseId)).toHaveLength(0);
    expect(await citizenListCases(other.identityId)).toEqual([]);
  });
});

describe("(b) e-mail-code sign-in", () => {
  it("links staff-registered cases with that address that want digital answers, with an audit event; not a paper case", async () => {
    const email = uniqueAddress("epost");
    const registered = await registerRequest(kari, phoneRequest({ email: email.toUpperCase() }), { now: NOW });
    const paper = await registerRequest(kari, phoneRequest({ email, answerChannel: "paper", postalAddress: "Gata 1\n5003 Bergen" }), { now: NOW });
    const identity = await upsertEmailIdentity({ email });

    expect((await requesterOf(registered.caseId)).identityId).toBe(identity.identityId);
    const events = await linkEvents(registered.caseId);
    expect(events.map((e) => [e.actorType, e.after])).toEqual([["system", { method: "email_code" }]]);
    // The paper case's address was never used to reach the requester: nothing showed it was theirs.
    expect((await requesterOf(paper.caseId)).identityId).toBeNull();
    expect(await linkEvents(paper.caseId)).toHaveLength(0);
    expect((await citizenListCases(identity.identityId)).map((c) => c.reference)).toEqual([registered.reference]);
  });

  it("does not link another address, a web-filed case, an anonymised case, or a requester someone already has", async () => {
    const email = uniqueAddress("ikke");
    const otherAddress = await registerRequest(kari, phoneRequest({ email: uniqueAddress("annen") }), { now: NOW });
    // Filed on the web without signing in (the JSON API): the address there proves nothing.
    const web = await submitRequest(validRequest({ email }), { locale: "nb" });
    const anonymised = await registerRequest(kari, phoneRequest({ email }), { now: NOW });
    await db().case.update({ where: { id: anonymised.caseId }, data: { status: "completed", closedAt: NOW, anonymisedAt: NOW } });
    const owner = await upsertIdPortenIdentity({ pid: newFnr(), acr: "idporten-loa-high" });
    const owned = await registerRequest(kari, phoneRequest({ email }), { now: NOW });
    await db().requester.update({ where: { id: (await requesterOf(owned.caseId)).id }, data: { identityId: owner.identityId } });

    const identity = await upsertEmailIdentity({ email });
    expect((await requesterOf(otherAddress.caseId)).identityId).toBeNull();
    expect((await requesterOf(web.caseId)).identityId).toBeNull();
    expect((await requesterOf(anonymised.caseId)).identityId).toBeNull();
    expect((await requesterOf(owned.caseId)).identityId).toBe(owner.identityId);
    for (const c of [otherAddress, web, anonymised, owned]) expect(await linkEvents(c.caseId)).toHaveLength(0);
    expect(await citizenListCases(identity.identityId)).toEqual([]);
  });

  it("never re-points a web-filed case by e-mail, even one filed by another e-mail identity", async () => {
    const email = uniqueAddress("nett");
    const filer = await upsertEmailIdentity({ email: uniqueAddress("filer") });
    const web = await submitRequest(validRequest({ email }), { locale: "nb", citizen: { identityId: filer.identityId, level: "email_code", email: null } });
    await upsertEmailIdentity({ email });
    expect((await requesterOf(web.caseId)).identityId).toBe(filer.identityId);
    expect(await linkEvents(web.caseId)).toHaveLength(0);
  });
});

describe("(c) linking at registration", () => {
  it("links at once to the ID-porten identity with that national id, before an e-mail identity", async () => {
    const fnr = newFnr();
    const email = uniqueAddress("straks");
    const byPid = await upsertIdPortenIdentity({ pid: fnr, acr: "idporten-loa-high" });
    await upsertEmailIdentity({ email });
    const result = await registerRequest(kari, phoneRequest({ nationalId: fnr, email }), { now: NOW });
    expect(result.linked).toBe("idporten");
    expect((await requesterOf(result.caseId)).identityId).toBe(byPid.identityId);
    const events = await db().caseEvent.findMany({ where: { caseId: result.caseId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorType, e.actorId, e.after && "method" in (e.after as object) ? e.after : null])).toEqual([
      ["case.registered", "staff", kari.userId, null],
      ["case.requester_linked", "staff", kari.userId, { method: "idporten" }],
    ]);
    expect((await citizenListCases(byPid.identityId)).map((c) => c.reference)).toContain(result.reference);
  });

  it("links to the e-mail identity when the answer is digital, not when it goes by post", async () => {
    const email = uniqueAddress("digital");
    const identity = await upsertEmailIdentity({ email });
    const digital = await registerRequest(kari, phoneRequest({ email }), { now: NOW });
    expect(digital.linked).toBe("email_code");
    expect((await requesterOf(digital.caseId)).identityId).toBe(identity.identityId);
    expect((await linkEvents(digital.caseId)).map((e) => e.after)).toEqual([{ method: "email_code" }]);

    const paper = await registerRequest(kari, phoneRequest({ email, answerChannel: "paper", postalAddress: "Gata 2\n5003 Bergen" }), { now: NOW });
    expect(paper.linked).toBeNull();
    expect((await requesterOf(paper.caseId)).identityId).toBeNull();
  });

  it("no identity yet: nothing is linked and no link event is written", async () => {
    const result = await registerRequest(kari, phoneRequest({ nationalId: newFnr() }), { now: NOW });
    expect(result.linked).toBeNull();
    expect(await linkEvents(result.caseId)).toHaveLength(0);
  });
});

describe("special category and the requester's own national id on new cases", () => {
  it("a case of a special-category unit is special category, registered or filed on the web", async () => {
    const registered = await registerRequest(ola, phoneRequest({ unit: "helse-omsorg" }), { now: NOW });
    const ordinary = await registerRequest(kari, phoneRequest({ unit: "barnehage" }), { now: NOW });
    const noUnit = await registerRequest(kari, phoneRequest({ unit: "" }), { now: NOW });
    const web = await submitRequest(validRequest({ unit: "helse-omsorg" }), { locale: "nb" });
    const flags = await db().case.findMany({
      where: { id: { in: [registered.caseId, ordinary.caseId, noUnit.caseId, web.caseId] } },
      select: { id: true, specialCategory: true },
    });
    const flag = (id: string) => flags.find((f) => f.id === id)!.specialCategory;
    expect([flag(registered.caseId), flag(ordinary.caseId), flag(noUnit.caseId), flag(web.caseId)]).toEqual([true, false, false, true]);
  });

  it("web: a typed own number is stored with its hash; after ID-porten the pid is used, never a typed other number", async () => {
    const typed = newFnr();
    const anonymous = await submitRequest(validRequest({ nationalId: typed }), { locale: "nb" });
    const a = await requesterOf(anonymous.caseId);
    expect(a.nationalIdHash).toBe(lookupHash(typed));
    expect(decryptField(a.nationalIdEncrypted!)).toBe(typed);

    const pid = newFnr();
    const signedIn = await upsertIdPortenIdentity({ pid, acr: "idporten-loa-high" });
    const viaIdPorten = await submitRequest(validRequest({ nationalId: newFnr() }), {
      locale: "nb",
      citizen: { identityId: signedIn.identityId, level: signedIn.level, email: null },
    });
    const b = await requesterOf(viaIdPorten.caseId);
    expect(b.identityId).toBe(signedIn.identityId);
    expect(b.nationalIdHash).toBe(lookupHash(pid));
    expect(decryptField(b.nationalIdEncrypted!)).toBe(pid);

    // E-mail-code sign-in: the typed number is the requester's own claim, stored with its hash.
    const emailCitizen = await upsertEmailIdentity({ email: uniqueAddress("kode") });
    const viaEmail = await submitRequest(validRequest({ nationalId: typed }), {
      locale: "nb",
      citizen: { identityId: emailCitizen.identityId, level: "email_code", email: null },
    });
    expect((await requesterOf(viaEmail.caseId)).nationalIdHash).toBe(lookupHash(typed));
    // ... but a later ID-porten sign-in with that number takes over neither typed-number case: a
    // number typed in a form was never checked, and the owner of the number may be someone else.
    await upsertIdPortenIdentity({ pid: typed, acr: "idporten-loa-substantial" });
    expect((await requesterOf(anonymous.caseId)).identityId).toBeNull();
    expect((await requesterOf(viaEmail.caseId)).identityId).toBe(emailCitizen.identityId);
    expect(await linkEvents(viaEmail.caseId)).toHaveLength(0);
  });

});
