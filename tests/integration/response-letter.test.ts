// Sending the response letter against the real database: portal delivery writes the letter, the
// secure message, the PDF attachment, the audit events and the outbox mail in one transaction;
// post delivery queues a paper letter and sends no e-mail; a refusal whose mandatory parts (complaint,
// court, legal basis, the decision's reasons, the enkeltvedtak's appeal information) were edited away
// is refused with nothing written. Also
// the JSON/CSV export attached as answer files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import type { Right } from "@/lib/db/generated/client";
import { sendResponseLetter } from "@/lib/cases/send-response-letter";
import { isDomainError } from "@/lib/domain/errors";
import { downloadAttachment } from "@/lib/files/download-attachment";
import { signDownload } from "@/lib/files/signed-link";
import { readStoredFile } from "@/lib/files/storage";
import { getResponseLetterPage } from "@/lib/letters/response-draft";
import { createAnswerExport } from "@/lib/letters/response-export";
import type { Locale } from "@/i18n/locales";
import { buildCase, buildDecidedCase, buildIdentity, type CaseOverrides } from "./builders";
import { staffActorByEmail as staffActor } from "./helpers";
import { ownerSql } from "./owner-db";

beforeAll(() => {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.STORAGE_DIR = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration", "files-letters");
});

afterAll(async () => {
  await disconnectDb();
});

type Decision = { right: Right; outcome: "granted" | "partially_granted" | "refused"; legalBasisIds: string[]; reasons: string };

/**
 * A decided case in barnehage, owned by a signed-in identity: made through the real creation path,
 * its decisions recorded and its status forced (builders.ts); without decisions it is in progress.
 */
async function decidedCase(opts: { rights: Right[]; decisions: Decision[]; answerChannel?: "digital" | "paper"; postalAddress?: string | null; locale?: Locale }) {
  const identity = await buildIdentity();
  const common = {
    rights: opts.rights,
    receivedAt: new Date(Date.now() - 5 * 86400_000),
    answerChannel: opts.answerChannel ?? "digital",
    locale: opts.locale ?? "nb",
    identity,
    requester: {
      name: "Åse Brevmottaker",
      postalAddress: opts.postalAddress === undefined ? "Testveien 1, 5003 Bergen" : opts.postalAddress,
      nationalId: "01019012480",
      identityLevel: "none",
    },
  } satisfies CaseOverrides;
  return opts.decisions.length > 0 ? buildDecidedCase(opts.decisions, common) : buildCase({ ...common, state: { status: "in_progress" } });
}

/** The case version the letter page would carry (optimistic locking). */
async function caseVersion(reference: string) {
  return (await db().case.findUniqueOrThrow({ where: { reference }, select: { version: true } })).version;
}

async function counts(caseId: string) {
  const [letters, messages, attachments, events, outbox] = await Promise.all([
    db().letter.count({ where: { caseId, kind: "response" } }),
    db().message.count({ where: { caseId } }),
    db().attachment.count({ where: { caseId } }),
    db().caseEvent.count({ where: { caseId, type: { startsWith: "letter." } } }),
    db().mailOutbox.count({ where: { caseId } }),
  ]);
  return { letters, messages, attachments, events, outbox };
}

const REFUSE_ERASURE: Decision = { right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"], reasons: "Dokumentene er arkivert i sak- og arkivsystemet." };
const GRANT_ACCESS: Decision = { right: "access", outcome: "granted", legalBasisIds: [], reasons: "" };

describe("sending the response letter", () => {
  it("via the portal: letter, message, PDF attachment, audit events and outbox mail, all in one transaction", async () => {
    const c = await decidedCase({ rights: ["access"], decisions: [GRANT_ACCESS] });
    const kari = await staffActor("saksbehandler@demo.test");
    const page = await getResponseLetterPage(kari, c.reference);
    expect(page?.defaultDelivery).toBe("portal");
    expect(page?.draft).toContain("Innsyn i opplysningene dine");

    const result = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: page!.draft!, delivery: "portal" });
    expect(result.mailed).toBe(true);

    const letter = await db().letter.findUniqueOrThrow({ where: { id: result.letterId } });
    expect(letter).toMatchObject({ caseId: c.id, kind: "response", delivery: "portal", locale: "nb", createdById: (kari as { userId: string }).userId });
    expect(letter.body).toBe(page!.draft!.trim());
    expect(Buffer.from(letter.pdf!).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const message = await db().message.findUniqueOrThrow({ where: { id: result.messageId! }, include: { attachments: true } });
    expect(message.kind).toBe("to_requester");
    expect(message.body).toBe(letter.body);
    expect(message.attachments).toHaveLength(1);
    const attachment = message.attachments[0]!;
    expect(attachment).toMatchObject({ id: result.attachmentId, purpose: "answer", contentType: "application/pdf", fileName: `svarbrev-${c.reference}.pdf` });
    const stored = await readStoredFile(attachment.storageKey);
    expect(stored.equals(Buffer.from(letter.pdf!))).toBe(true);

    const events = await db().caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
    const sent = events.find((e) => e.type === "letter.sent");
    expect(sent?.after).toMatchObject({ letterId: letter.id, delivery: "portal", messageId: message.id, attachmentId: attachment.id });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["message.to_requester", "attachment.answer", "letter.sent"]));

    const mail = await db().mailOutbox.findFirstOrThrow({ where: { caseId: c.id } });
    expect(mail).toMatchObject({ toAddress: c.email, template: "new_message" });
    expect(mail.params).toEqual({ reference: c.reference, link: expect.stringContaining(`/my-cases/${c.reference}`) });
    // Not in the print queue.
    expect(letter.delivery).not.toBe("post");

    // The citizen downloads the PDF through the expiring link.
    const { expires, sig } = signDownload(attachment.id);
    const file = await downloadAttachment({ id: attachment.id, expires: String(expires), sig }, { citizen: { identityId: c.identityId!, level: "email_code" }, staff: null });
    expect(file?.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("a failing transaction writes nothing (no letter, message, attachment, event or mail)", async () => {
    const c = await decidedCase({ rights: ["access"], decisions: [GRANT_ACCESS] });
    const kari = await staffActor("saksbehandler@demo.test");
    const draft = (await getResponseLetterPage(kari, c.reference))!.draft!;
    const before = await counts(c.id);
    // The outbox insert (the last write) is refused: everything before it must roll back.
    await ownerSql(`ALTER TABLE mail_outbox ADD CONSTRAINT letters_test_block CHECK (case_id IS DISTINCT FROM '${c.id}'::uuid)`);
    try {
      const error = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: draft, delivery: "portal" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
    } finally {
      await ownerSql(`ALTER TABLE mail_outbox DROP CONSTRAINT letters_test_block`);
    }
    expect(await counts(c.id)).toEqual(before);
  });

  it("via post: a queued paper letter with the address in the PDF, and no e-mail", async () => {
    const c = await decidedCase({ rights: ["erasure"], decisions: [REFUSE_ERASURE], answerChannel: "paper" });
    const kari = await staffActor("saksbehandler@demo.test");
    const page = await getResponseLetterPage(kari, c.reference);
    expect(page?.defaultDelivery).toBe("post");
    const result = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: page!.draft!, delivery: "post" });
    expect(result).toMatchObject({ delivery: "post", messageId: null, attachmentId: null, mailed: false });
    const letter = await db().letter.findUniqueOrThrow({ where: { id: result.letterId } });
    expect(letter).toMatchObject({ delivery: "post", status: "queued", printedAt: null });
    expect(letter.body).toContain("GDPR art. 17(3)(b)");
    expect(Buffer.from(letter.pdf!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await db().mailOutbox.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db().message.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: "letter.sent" } })).toBe(1);
  });

  it("post without a postal address is refused", async () => {
    const c = await decidedCase({ rights: ["access"], decisions: [GRANT_ACCESS], postalAddress: null });
    const kari = await staffActor("saksbehandler@demo.test");
    const draft = (await getResponseLetterPage(kari, c.reference))!.draft!;
    const error = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: draft, delivery: "post" }).catch((e: unknown) => e);
    expect(isDomainError(error, "validation_failed")).toBe(true);
    expect((error as { details: { reason: string } }).details.reason).toBe("noPostalAddress");
    expect((await counts(c.id)).letters).toBe(0);
  });

  it("a refusal with the complaint, court, legal basis or reasons edited away is refused, and nothing is written", async () => {
    const c = await decidedCase({ rights: ["erasure"], decisions: [REFUSE_ERASURE] });
    const kari = await staffActor("saksbehandler@demo.test");
    const draft = (await getResponseLetterPage(kari, c.reference))!.draft!;
    const before = await counts(c.id);
    const variants: [string, string[]][] = [
      [draft.split("\n").filter((l) => !l.includes("Datatilsynet")).join("\n"), ["complaint"]],
      [draft.split("\n").filter((l) => !l.includes("domstolene")).join("\n"), ["court"]],
      [draft.replaceAll("GDPR art. 17(3)(b)", "arkivloven"), ["legal_basis"]],
      [draft.replace(REFUSE_ERASURE.reasons, ""), ["reasons"]],
      [draft.replace(REFUSE_ERASURE.reasons, "Dokumentene er arkivert."), ["reasons"]],
      [draft.split("\n").filter((l) => !l.includes("enkeltvedtak")).join("\n"), ["appeal"]],
      ["Vi sletter ikke. Hilsen kommunen.", ["complaint", "court", "legal_basis", "reasons", "appeal"]],
    ];
    for (const [body, missing] of variants) {
      for (const delivery of ["portal", "post"]) {
        const error = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body, delivery }).catch((e: unknown) => e);
        expect(isDomainError(error, "validation_failed")).toBe(true);
        expect((error as { details: { missing: string[] } }).details.missing).toEqual(missing);
        // The page names the rights whose reasons are missing.
        expect((error as { details: { reasons: string[] } }).details.reasons).toEqual(missing.includes("reasons") ? ["erasure"] : []);
      }
    }
    expect(await counts(c.id)).toEqual(before);
    // The reasons with other line breaks and capitals are still the reasons.
    const reflowed = draft.replace(REFUSE_ERASURE.reasons, "DOKUMENTENE er arkivert\n i sak- og  arkivsystemet.");
    expect(reflowed).not.toContain(REFUSE_ERASURE.reasons);
    const ok = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: reflowed, delivery: "post" });
    expect(ok.delivery).toBe("post");
    expect((await counts(c.id)).letters).toBe(before.letters + 1);
    // The untouched draft goes through.
    await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: draft, delivery: "portal" });
    expect((await counts(c.id)).letters).toBe(before.letters + 2);
  });

  it("needs decisions, case.decide and a visible case", async () => {
    const undecided = await decidedCase({ rights: ["access"], decisions: [] });
    const kari = await staffActor("saksbehandler@demo.test");
    const page = await getResponseLetterPage(kari, undecided.reference);
    expect(page?.draft).toBeNull();
    const noDecision = await sendResponseLetter(kari, { reference: undecided.reference, expectedVersion: await caseVersion(undecided.reference), body: "Hei", delivery: "portal" }).catch((e: unknown) => e);
    expect((noDecision as { details: { reason: string } }).details.reason).toBe("noDecisions");

    const c = await decidedCase({ rights: ["access"], decisions: [GRANT_ACCESS] });
    const dpo = await staffActor("personvernombud@demo.test");
    const dpoPage = await getResponseLetterPage(dpo, c.reference);
    expect(dpoPage?.canSend).toBe(false);
    expect(dpoPage?.draft).toContain(c.reference);
    const forbidden = await sendResponseLetter(dpo, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: dpoPage!.draft!, delivery: "portal" }).catch((e: unknown) => e);
    expect(isDomainError(forbidden, "forbidden")).toBe(true);

    const ola = await staffActor("saksbehandler2@demo.test");
    expect(await getResponseLetterPage(ola, c.reference)).toBeNull();
    const hidden = await sendResponseLetter(ola, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: "x", delivery: "portal" }).catch((e: unknown) => e);
    expect(isDomainError(hidden, "not_found")).toBe(true);
    expect((await counts(c.id)).letters).toBe(0);
  });

  it("writes the letter in the requester's language", async () => {
    const c = await decidedCase({ rights: ["erasure"], decisions: [REFUSE_ERASURE], locale: "en" });
    const kari = await staffActor("saksbehandler@demo.test");
    const draft = (await getResponseLetterPage(kari, c.reference))!.draft!;
    expect(draft).toContain("We have considered your request to erase your data");
    expect(draft).toContain("court");
    const sent = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await caseVersion(c.reference), body: draft, delivery: "portal" });
    const attachment = await db().attachment.findUniqueOrThrow({ where: { id: sent.attachmentId! } });
    expect(attachment.fileName).toBe(`response-letter-${c.reference}.pdf`);
  });
});

describe("JSON/CSV export of what the portal holds", () => {
  it("attaches a JSON and a CSV answer file without encrypted ids, which the requester can download", async () => {
    const c = await decidedCase({ rights: ["access", "portability"], decisions: [GRANT_ACCESS, { right: "portability", outcome: "granted", legalBasisIds: [], reasons: "" }] });
    await db().message.create({ data: { caseId: c.id, kind: "from_requester", body: "Hemmelig meldingstekst", authorId: null } });
    const kari = await staffActor("saksbehandler@demo.test");
    const { attachmentIds } = await createAnswerExport(kari, { reference: c.reference });
    expect(attachmentIds).toHaveLength(2);
    const rows = await db().attachment.findMany({ where: { id: { in: attachmentIds } }, orderBy: { fileName: "asc" } });
    expect(rows.map((r) => [r.fileName, r.contentType, r.purpose])).toEqual([
      [`personopplysninger-${c.reference}.csv`, "text/csv", "answer"],
      [`personopplysninger-${c.reference}.json`, "application/json", "answer"],
    ]);
    const json = JSON.parse((await readStoredFile(rows[1]!.storageKey)).toString("utf8"));
    expect(json.requester[0]).toMatchObject({ name: "Åse Brevmottaker", email: c.email, postalAddress: "Testveien 1, 5003 Bergen" });
    expect(json.cases).toEqual([
      expect.objectContaining({ reference: c.reference, rights: ["access", "portability"], status: "completed", messages: [expect.objectContaining({ direction: "from_requester" })] }),
    ]);
    const csv = (await readStoredFile(rows[0]!.storageKey)).toString("utf8");
    expect(csv).toContain(`"case","${c.reference}","status","completed"`);
    expect(csv).toContain('"requester","","name","Åse Brevmottaker"');
    for (const text of [JSON.stringify(json), csv]) {
      expect(text).not.toMatch(/"nationalIdEncrypted"|01019012480/);
      expect(text).not.toMatch(/\b[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\./); // no ciphertext
      expect(text).not.toContain("nationalId");
      expect(text).not.toContain("Hemmelig meldingstekst");
      expect(text).not.toContain(c.identityId);
    }
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: "attachment.answer" } })).toBe(2);

    const { expires, sig } = signDownload(rows[1]!.id);
    const file = await downloadAttachment({ id: rows[1]!.id, expires: String(expires), sig }, { citizen: { identityId: c.identityId!, level: "email_code" }, staff: null });
    expect(file?.contentType).toBe("application/json");

    const ola = await staffActor("saksbehandler2@demo.test");
    expect(isDomainError(await createAnswerExport(ola, { reference: c.reference }).catch((e: unknown) => e), "not_found")).toBe(true);
  });
});
