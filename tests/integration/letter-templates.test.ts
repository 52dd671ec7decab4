// Letter templates against the real database: only admins read and change them (everyone else gets
// not_found); the body is validated (required, at most 4000 characters, no control characters);
// saving writes one row per municipality, right, outcome and language (also when two admins save at
// once), a text equal to the standard text and "reset" remove it; and the draft of a response letter
// uses the municipality's own wording in the case's language while the builder still adds the
// mandatory parts, so the draft passes the Art. 12(4) check and can be sent.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import type { Right, RightOutcome } from "@/lib/db/generated/client";
import {
  getLetterTemplate,
  LETTER_TEMPLATE_MAX,
  listLetterTemplates,
  resetLetterTemplate,
  saveLetterTemplate,
} from "@/lib/admin/letter-templates";
import { sendResponseLetter } from "@/lib/cases/send-response-letter";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { getResponseLetterPage } from "@/lib/letters/response-draft";
import { missingMandatoryParts, standardBodyText } from "@/lib/letters/response-templates";
import type { Locale } from "@/i18n/locales";
import { buildDecidedCase } from "./builders";
import { staffActorByEmail, waitFor } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;

let admin: Staff;
let kari: Staff;

async function clean() {
  await db().letterTemplate.deleteMany({ where: { municipalityId: { in: ["bergen", "trondheim"] } } });
}

beforeAll(async () => {
  admin = await staffActorByEmail("admin@demo.test");
  kari = await staffActorByEmail("saksbehandler@demo.test");
  await clean();
});

afterAll(async () => {
  // Other test files read letters with the standard texts.
  await clean();
  await disconnectDb();
});

async function rows() {
  return db().letterTemplate.findMany({ where: { municipalityId: "bergen" }, orderBy: [{ right: "asc" }, { outcome: "asc" }, { locale: "asc" }] });
}

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

async function fieldError(promise: Promise<unknown>) {
  const error = await errorOf(promise);
  expect(isDomainError(error, "validation_failed"), String(error)).toBe(true);
  return (error as { details: { fields: { body: string } } }).details.fields.body;
}

type Decision = { right: Right; outcome: RightOutcome; legalBasisIds: string[]; reasons: string };

/** A decided case in barnehage, Bergen, answered by post (builders.ts: the real creation path, then decided). */
function decidedCase(decisions: Decision[], locale: Locale = "nb") {
  return buildDecidedCase(decisions, {
    receivedAt: new Date(Date.now() - 3 * 86400_000),
    answerChannel: "paper",
    locale,
    decidedBy: kari,
    requester: { name: "Mal Mottaker", postalAddress: "Malveien 2, 5003 Bergen" },
  });
}

describe("only admins", () => {
  it("every template service answers not_found to caseworkers, unit leads and the DPO, and nothing is written", async () => {
    for (const email of ["saksbehandler@demo.test", "leder@demo.test", "personvernombud@demo.test"]) {
      const actor = await staffActorByEmail(email);
      const key = { right: "access", outcome: "granted", locale: "nb" };
      const calls = [
        () => listLetterTemplates(actor),
        () => getLetterTemplate(actor, key),
        () => saveLetterTemplate(actor, { ...key, body: "Egen tekst" }),
        () => resetLetterTemplate(actor, key),
      ];
      for (const call of calls) await expect(call(), email).rejects.toMatchObject({ code: "not_found" });
    }
    for (const actor of [{ kind: "system" } as const, { kind: "citizen", requesterId: randomUUID() } as const]) {
      await expect(listLetterTemplates(actor)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await rows()).toEqual([]);
  });

  it("an unknown right, outcome or language is not_found", async () => {
    for (const key of [
      { right: "deletion", outcome: "granted", locale: "nb" },
      { right: "access", outcome: "maybe", locale: "nb" },
      { right: "access", outcome: "granted", locale: "de" },
    ]) {
      await expect(getLetterTemplate(admin, key)).rejects.toMatchObject({ code: "not_found" });
      await expect(saveLetterTemplate(admin, { ...key, body: "Tekst" })).rejects.toMatchObject({ code: "not_found" });
      await expect(resetLetterTemplate(admin, key)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await rows()).toEqual([]);
  });
});

describe("the list and the edit form", () => {
  it("lists all 20 combinations (no data held only for access and portability) in nb, nn and en with the standard texts until the municipality writes its own", async () => {
    const list = await listLetterTemplates(admin);
    expect(list).toHaveLength(20);
    expect(list.filter((r) => r.outcome === "no_data").map((r) => r.right)).toEqual(["access", "portability"]);
    expect(new Set(list.map((r) => `${r.right}.${r.outcome}`)).size).toBe(20);
    expect(list[0]).toMatchObject({ right: "access", outcome: "granted" });
    for (const row of list) {
      for (const locale of ["nb", "nn", "en"] as const) {
        expect(row.texts[locale]).toEqual({ body: standardBodyText(locale, row.right, row.outcome), custom: false, updatedAt: null });
      }
    }
    expect(list[0]!.texts.nb.body).toContain("Vi har søkt etter opplysninger om deg");
    expect(list[0]!.texts.nn.body).not.toBe(list[0]!.texts.nb.body);

    const own = "Takk for forespørselen.\nHer er en kopi av alt Bergen kommune har om deg.";
    expect(await saveLetterTemplate(admin, { right: "erasure", outcome: "refused", locale: "nn", body: own.replace(/\n/g, "\r\n") })).toEqual({ custom: true });
    const after = await listLetterTemplates(admin);
    const erasure = after.find((r) => r.right === "erasure" && r.outcome === "refused")!;
    expect(erasure.texts.nn).toMatchObject({ body: own, custom: true });
    expect(erasure.texts.nn.updatedAt).toBeInstanceOf(Date);
    expect(erasure.texts.nb.custom).toBe(false);
    expect(after.filter((r) => Object.values(r.texts).some((t) => t.custom))).toHaveLength(1);

    const detail = await getLetterTemplate(admin, { right: "erasure", outcome: "refused", locale: "nn" });
    expect(detail).toMatchObject({ body: own, custom: true, standard: standardBodyText("nn", "erasure", "refused"), updatedByName: "Anne Admin" });
    const standard = await getLetterTemplate(admin, { right: "erasure", outcome: "refused", locale: "nb" });
    expect(standard).toMatchObject({ body: standard.standard, custom: false, updatedAt: null, updatedByName: null });
    await clean();
  });
});

describe("saving and resetting", () => {
  const key = { right: "access", outcome: "granted", locale: "nb" } as const;

  it("validates the body: required, at most 4000 characters, no control characters; nothing is written", async () => {
    expect(await fieldError(saveLetterTemplate(admin, { ...key, body: "" }))).toBe("required");
    expect(await fieldError(saveLetterTemplate(admin, { ...key, body: " \n\t \r\n " }))).toBe("required");
    expect(await fieldError(saveLetterTemplate(admin, { ...key, body: "x".repeat(LETTER_TEMPLATE_MAX + 1) }))).toBe("tooLong");
    for (const bad of ["Tekst\u0000med NUL", "Bjelle\u0007", "Tab\tinni", "Escape\u001b[31m", "C1\u0085tegn", "Slett\u007f"]) {
      expect(await fieldError(saveLetterTemplate(admin, { ...key, body: bad })), JSON.stringify(bad)).toBe("controlCharacters");
    }
    expect(await rows()).toEqual([]);
    // The limit itself, and line breaks (counted as one character each, \r\n as \n), are fine.
    await saveLetterTemplate(admin, { ...key, body: `${"y".repeat(LETTER_TEMPLATE_MAX - 2)}\r\nz` });
    const [row] = await rows();
    expect(row!.body).toHaveLength(LETTER_TEMPLATE_MAX);
    expect(row!.body.endsWith("y\nz")).toBe(true);
    await clean();
  });

  it("one row per municipality, right, outcome and language: saving again updates it, also when two admins save at once", async () => {
    await saveLetterTemplate(admin, { ...key, body: "  Første versjon.  " });
    const first = await rows();
    expect(first).toEqual([expect.objectContaining({ municipalityId: "bergen", right: "access", outcome: "granted", locale: "nb", body: "Første versjon.", updatedById: admin.userId })]);
    // The update is stamped with its own time (strictly after the first save, which is at least a
    // millisecond in the past), the row keeps its creation time.
    await waitFor(() => Date.now() > first[0]!.updatedAt.getTime() + 1);
    const beforeSecond = Date.now();
    await saveLetterTemplate(admin, { ...key, body: "Andre versjon." });
    const afterSecond = Date.now();
    const second = await rows();
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ id: first[0]!.id, body: "Andre versjon.", updatedById: admin.userId, createdAt: first[0]!.createdAt });
    expect(second[0]!.updatedAt.getTime()).toBeGreaterThan(first[0]!.updatedAt.getTime());
    expect(second[0]!.updatedAt.getTime()).toBeGreaterThanOrEqual(beforeSecond);
    expect(second[0]!.updatedAt.getTime()).toBeLessThanOrEqual(afterSecond);

    await clean();
    const texts = ["Samtidig A.", "Samtidig B.", "Samtidig C.", "Samtidig D."];
    const results = await Promise.allSettled(texts.map((body) => saveLetterTemplate(admin, { ...key, body })));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const after = await rows();
    expect(after).toHaveLength(1);
    expect(texts).toContain(after[0]!.body);
    await clean();
  });

  it("a text equal to the standard text, or a reset, goes back to the standard text (the row is removed)", async () => {
    await saveLetterTemplate(admin, { ...key, body: "Egen tekst." });
    expect(await rows()).toHaveLength(1);
    expect(await saveLetterTemplate(admin, { ...key, body: `\n${standardBodyText("nb", "access", "granted")}  ` })).toEqual({ custom: false });
    expect(await rows()).toEqual([]);

    await saveLetterTemplate(admin, { ...key, body: "Egen tekst igjen." });
    await saveLetterTemplate(admin, { ...key, locale: "en", body: "Our own English text." });
    expect(await resetLetterTemplate(admin, key)).toEqual({ removed: true });
    expect((await rows()).map((r) => r.locale)).toEqual(["en"]);
    expect(await resetLetterTemplate(admin, key)).toEqual({ removed: false });
    expect((await getLetterTemplate(admin, key)).custom).toBe(false);
    await clean();
  });
});

describe("the draft of a response letter", () => {
  it("uses the municipality's own main paragraph in the case's language, and keeps the standard text elsewhere", async () => {
    const own = `Vi har gått gjennom alle fagsystemene våre. Her er alt vi fant. ${randomUUID()}`;
    await saveLetterTemplate(admin, { right: "access", outcome: "granted", locale: "nb", body: own });
    // Another municipality's wording never reaches Bergen's letters.
    await db().letterTemplate.create({ data: { municipalityId: "trondheim", right: "access", outcome: "granted", locale: "en", body: "Trondheim's own text." } });

    const nbCase = await decidedCase([{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }]);
    const nbDraft = (await getResponseLetterPage(kari, nbCase.reference))!.draft!;
    expect(nbDraft).toContain(own);
    expect(nbDraft).not.toContain(standardBodyText("nb", "access", "granted"));
    // The rest of an access answer is still there (Art. 15 list, free copy).
    expect(nbDraft).toContain("Den første kopien er gratis");

    const enCase = await decidedCase([{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }], "en");
    const enDraft = (await getResponseLetterPage(kari, enCase.reference))!.draft!;
    expect(enDraft).toContain(standardBodyText("en", "access", "granted"));
    expect(enDraft).not.toContain(own);
    expect(enDraft).not.toContain("Trondheim's own text.");
    await clean();
  });

  it("a refusal with the municipality's wording still carries every mandatory part, passes the check and is sent", async () => {
    await saveLetterTemplate(admin, { right: "erasure", outcome: "refused", locale: "nb", body: "Vi kan dessverre ikke slette opplysningene." });
    const reasons = "Bildene er journalført i barnehagens saksmappe.";
    const decisions: Decision[] = [{ right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"], reasons }];
    const c = await decidedCase(decisions);
    const draft = (await getResponseLetterPage(kari, c.reference))!.draft!;
    expect(draft).toContain("Vi kan dessverre ikke slette opplysningene.");
    expect(draft).not.toContain(standardBodyText("nb", "erasure", "refused"));
    for (const part of [reasons, "GDPR art. 17(3)(b)", "Datatilsynet, Postboks 458 Sentrum, 0105 Oslo", "domstolene", "lov om dokumentasjon og arkiv"]) {
      expect(draft).toContain(part);
    }
    expect(missingMandatoryParts(draft, { locale: "nb", decisions })).toEqual({ missing: [], citations: [], reasons: [] });
    const version = (await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } })).version;
    const sent = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: version, body: draft, delivery: "post" });
    const letter = await db().letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    expect(letter.body).toContain("Vi kan dessverre ikke slette opplysningene.");
    await clean();
  });
});
