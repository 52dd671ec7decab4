// Retention against the real database and the real file store: boundary days, legal hold, what is
// blanked in every table (and what the statistics keep), audit rows kept with their free text gone,
// files removed from disk at day 90 (not 89), a log without personal data, two runs in parallel,
// housekeeping, and the legal-hold service (policy, stale version).
// Every case here is closed years in the past and every run uses a `now` in that past, so the runs
// never touch the data of other test files (made now).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { getRetentionInfo, liftLegalHold, setLegalHold } from "@/lib/cases/set-legal-hold";
import { storeFile } from "@/lib/files/storage";
import { downloadAttachment } from "@/lib/files/download-attachment";
import { signDownload } from "@/lib/files/signed-link";
import { runRetention } from "@/lib/jobs/retention";
import { getRetentionSettings, setRetentionYears } from "@/lib/admin/retention-settings";
import { isDomainError, type DomainErrorCode } from "@/lib/domain/errors";
import { ANONYMISED_NAME, ANONYMISED_TEXT, DELETED_FILE_NAME } from "@/lib/domain/retention";
import type { Actor } from "@/lib/domain/policy";
import { buildCaseInTx, moveCaseToRequester } from "./builders";
import { staffActorByEmail as staff } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
let kari: Staff; // caseworker, barnehage + skole
let lene: Staff; // unit lead, barnehage + skole
let dpo: Staff;
let admin: Staff;
let barnehageId: string;
const MUNI = `rt-${randomUUID().slice(0, 8)}`; // own municipality: retention period 1 year

beforeAll(async () => {
  process.env.STORAGE_DIR = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration", "files-retention");
  kari = await staff("saksbehandler@demo.test");
  lene = await staff("leder@demo.test");
  dpo = await staff("personvernombud@demo.test");
  admin = await staff("admin@demo.test");
  barnehageId = (await db().unit.findFirstOrThrow({ where: { slug: "barnehage", municipalityId: "bergen" } })).id;
  await db().municipality.create({ data: { id: MUNI, name: "Testkommune", postalAddress: "Postboks 1", retentionYears: 1 } });
});

afterAll(async () => {
  await disconnectDb();
});

async function expectDomainError(p: Promise<unknown>, code: DomainErrorCode) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error, code), `expected ${code}, got ${String((error as Error)?.message ?? error)}`).toBe(true);
}

type Seeded = { caseId: string; reference: string; requesterId: string; name: string; email: string; storageKeys: string[] };

/**
 * A closed case with personal data in every place retention must reach: made through the real
 * creation path (builders.ts), then closed years ago, extended, restricted and put on hold with
 * forceCaseState, and given messages, a letter, a decision, a task, a complaint, files, a sent mail
 * and more audit events as fixtures. `requesterId`: the case is moved to that (earlier) requester.
 */
async function closedCase(
  closedAt: Date,
  opts: { legalHold?: boolean; municipalityId?: string; unit?: string | null; requesterId?: string; status?: "completed" | "open"; unarchived?: boolean } = {},
): Promise<Seeded> {
  const name = `Retensjon Testesen ${randomUUID().slice(0, 6)}`;
  const email = `retention-${randomUUID()}@example.test`;
  const files = await Promise.all([storeFile(Buffer.from("%PDF-1.4 vedlegg")), storeFile(Buffer.from("%PDF-1.4 svar"))]);
  const receivedAt = new Date(closedAt.getTime() - 20 * 86_400_000);
  const open = opts.status === "open";
  const seeded = await db().$transaction(async (tx) => {
    const c = await buildCaseInTx(tx, {
      municipalityId: opts.municipalityId ?? "bergen",
      unit: opts.unit === undefined ? "barnehage" : opts.unit,
      rights: ["access", "erasure"],
      receivedAt,
      dueDate: closedAt.toISOString().slice(0, 10),
      description: `Jeg, ${name}, vil se alt dere har om meg.`,
      details: { dataToErase: `Bilder av ${name}` },
      onBehalfOf: "child",
      subjectName: `Barn av ${name}`,
      subjectNationalId: "01011012345",
      requester: { name, email, phone: "+47 99999999", postalAddress: "Testveien 1\n5003 Bergen", nationalId: "01017012345", identityLevel: "idporten_high" },
      state: {
        status: open ? "in_progress" : "completed",
        closedAt: open ? null : closedAt,
        // Journaled by hand (no archive integration in this file): retention may go ahead.
        archiveReferenceManual: open || opts.unarchived ? null : "2015/42",
        extended: true,
        extensionReason: `Mye å finne om ${name}`,
        restrictionNote: `Omstridt adresse for ${name}`,
        legalHold: opts.legalHold ?? false,
        legalHoldReason: opts.legalHold ? "Klage til Datatilsynet er ikke avgjort" : null,
      },
    });
    const requesterId = opts.requesterId ?? c.requesterId;
    if (opts.requesterId) await moveCaseToRequester(tx, c.id, opts.requesterId);
    const message = await tx.message.create({ data: { caseId: c.id, kind: "from_requester", body: `Hilsen ${name}` } });
    await tx.message.create({ data: { caseId: c.id, kind: "internal_note", body: `Notat om ${name}` } });
    await tx.letter.create({ data: { caseId: c.id, kind: "response", locale: "nb", body: `Kjære ${name}`, pdf: Buffer.from("%PDF-1.4 brev") } });
    await tx.caseDecision.create({
      data: { caseId: c.id, right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"], reasons: `Vi kan ikke slette for ${name}`, decidedAt: closedAt, decidedById: kari.userId },
    });
    await tx.caseTask.create({ data: { caseId: c.id, kind: "notify_recipient", system: "Sak- og arkivsystem", recipient: `Advokat for ${name}`, note: `Ringte ${name}` } });
    await tx.dpoComplaint.create({ data: { caseId: c.id, body: `Klage fra ${name}`, receivedAt: closedAt, dueDate: isoDateToDb("2016-02-01"), answer: `Svar til ${name}` } });
    await tx.attachment.createMany({
      data: files.map((f, i) => ({
        caseId: c.id,
        messageId: i === 0 ? message.id : null,
        purpose: i === 0 ? ("from_requester" as const) : ("answer" as const),
        fileName: `${name.replace(/ /g, "_")}_${i}.pdf`,
        contentType: "application/pdf",
        sizeBytes: 16,
        sha256: f.sha256,
        storageKey: f.storageKey,
        uploadedBy: i === 0 ? ("citizen" as const) : ("staff" as const),
      })),
    });
    await tx.mailOutbox.create({
      data: { toAddress: email, template: "receipt", locale: "nb", params: { reference: c.reference, link: "http://x/y" }, caseId: c.id, status: "sent", sentAt: receivedAt },
    });
    await tx.caseEvent.createMany({
      data: [
        { caseId: c.id, at: receivedAt, actorType: "staff", actorId: kari.userId, type: "case.extended", before: { status: "in_progress" }, after: { status: "in_progress", reason: `Mye å finne om ${name}` } },
        { caseId: c.id, at: closedAt, actorType: "staff", actorId: kari.userId, type: "case.decided", after: { outcome: "completed", perRight: [{ right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"] }] } },
      ],
    });
    return { caseId: c.id, reference: c.reference, requesterId };
  });
  return { ...seeded, name, email, storageKeys: files.map((f) => f.storageKey) };
}

const filePath = (key: string) => path.join(process.env.STORAGE_DIR!, key.slice(0, 2), key);

/** Every row of every table that belongs to the case, as one text. */
async function dumpCase(caseId: string): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ t: string }[]>(
    `SELECT row_to_json(c)::text || row_to_json(r)::text
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM case_event x WHERE x.case_id = c.id), '')
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM message x WHERE x.case_id = c.id), '')
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM letter x WHERE x.case_id = c.id), '')
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM case_decision x WHERE x.case_id = c.id), '')
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM case_task x WHERE x.case_id = c.id), '')
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM dpo_complaint x WHERE x.case_id = c.id), '')
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM attachment x WHERE x.case_id = c.id), '')
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM mail_outbox x WHERE x.case_id = c.id), '')
            || coalesce((SELECT string_agg(row_to_json(x)::text, '') FROM retention_log x WHERE x.case_id = c.id), '') AS t
       FROM request_case c JOIN requester r ON r.id = c.requester_id WHERE c.id = $1::uuid`,
    caseId,
  );
  return rows[0]!.t;
}

describe("anonymisation after the retention period (Bergen: 3 years)", () => {
  it("the day before is untouched; on the anniversary (Oslo date) everything personal is gone and the statistics stay", async () => {
    // Closed 10 March 2016 at 00:30 Oslo time (23:30 UTC the day before): the Oslo date counts.
    const c = await closedCase(new Date("2016-03-09T23:30:00Z"));
    const eventsBefore = await db().caseEvent.count({ where: { caseId: c.caseId } });

    await runRetention({ now: new Date("2019-03-09T22:59:00Z") }); // 23:59 Oslo, 9 March 2019
    const untouched = await db().case.findUniqueOrThrow({ where: { id: c.caseId }, include: { requester: true } });
    expect(untouched.anonymisedAt).toBeNull();
    expect(untouched.requester.name).toBe(c.name);
    expect(await db().retentionLog.count({ where: { caseId: c.caseId, action: "case_anonymised" } })).toBe(0);

    const now = new Date("2019-03-09T23:00:00Z"); // 00:00 Oslo, 10 March 2019
    const result = await runRetention({ now });
    // The run's count is exactly what it logged (other files' cases are never this old), this case among them.
    const anonymisedNow = await db().retentionLog.findMany({ where: { at: now, action: "case_anonymised" } });
    expect(result.casesAnonymised).toBe(anonymisedNow.length);
    expect(anonymisedNow.map((l) => l.caseId)).toContain(c.caseId);

    const after = await db().case.findUniqueOrThrow({
      where: { id: c.caseId },
      include: { requester: true, messages: true, letters: true, decisions: true, tasks: true, complaints: true, attachments: true },
    });
    expect(after.anonymisedAt).toEqual(now);
    // Requester: placeholder name, nothing else.
    expect(after.requester).toMatchObject({ name: ANONYMISED_NAME, email: null, phone: null, postalAddress: null, nationalIdEncrypted: null, identityId: null });
    // Case free text.
    expect(after).toMatchObject({
      description: "",
      details: {},
      subjectName: ANONYMISED_NAME,
      subjectNationalIdEncrypted: null,
      extensionReason: ANONYMISED_TEXT,
      restrictionNote: null,
    });
    expect(after.messages.map((m) => m.body)).toEqual(["", ""]);
    expect(after.letters.map((l) => [l.body, l.pdf])).toEqual([[null, null]]);
    expect(after.decisions.map((d) => d.reasons)).toEqual([ANONYMISED_TEXT]);
    expect(after.tasks.map((t) => [t.note, t.recipient])).toEqual([[null, null]]);
    expect(after.complaints.map((x) => [x.body, x.answer])).toEqual([["", null]]);
    expect(after.attachments.every((a) => a.deletedAt && a.fileName === DELETED_FILE_NAME)).toBe(true);
    expect(await db().mailOutbox.count({ where: { caseId: c.caseId } })).toBe(0);
    for (const key of c.storageKeys) expect(existsSync(filePath(key))).toBe(false);
    // What the statistics need stays.
    expect(after).toMatchObject({
      reference: c.reference,
      status: "completed",
      rights: ["access", "erasure"],
      unitId: barnehageId,
      channel: "web",
      extended: true,
      onBehalfOf: "child",
      closedAt: untouched.closedAt,
      receivedAt: untouched.receivedAt,
      dueDate: untouched.dueDate,
    });
    expect(after.requester.identityLevel).toBe("idporten_high");
    expect(after.decisions[0]).toMatchObject({ right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"] });
    // Audit trail: every row kept (plus "case.files_deleted" from the first run and "case.anonymised"),
    // free text blanked, the rest intact.
    const events = await db().caseEvent.findMany({ where: { caseId: c.caseId }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(eventsBefore + 2);
    expect(events.map((e) => e.type).slice(-2)).toEqual(["case.files_deleted", "case.anonymised"]);
    expect(events.find((e) => e.type === "case.extended")!.after).toEqual({ status: "in_progress", reason: null });
    expect(events.find((e) => e.type === "case.decided")!.after).toMatchObject({ outcome: "completed" });
    expect(events.at(-1)).toMatchObject({ type: "case.anonymised", actorType: "system", actorId: null });
    // Nowhere, in no table.
    const dump = await dumpCase(c.caseId);
    expect(dump).not.toContain(c.name);
    expect(dump).not.toContain(c.email);
    expect(dump).not.toContain("Testveien");
    // The log: one row, ids, reference and count only.
    const log = await db().retentionLog.findMany({ where: { caseId: c.caseId } });
    expect(log.map((l) => l.action).sort()).toEqual(["case_anonymised", "files_deleted"]);
    expect(JSON.stringify(log, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(new RegExp(`${c.name}|${c.email}`));

    // Idempotent: another run changes nothing.
    await runRetention({ now: new Date("2019-03-11T10:00:00Z") });
    expect(await db().retentionLog.count({ where: { caseId: c.caseId, action: "case_anonymised" } })).toBe(1);
    expect(await db().caseEvent.count({ where: { caseId: c.caseId } })).toBe(eventsBefore + 2);
  });

  it("legal hold protects the case and its files; lifted, the next run anonymises it", async () => {
    const c = await closedCase(new Date("2015-05-05T10:00:00Z"), { legalHold: true });
    await runRetention({ now: new Date("2019-06-01T10:00:00Z") });
    const held = await db().case.findUniqueOrThrow({ where: { id: c.caseId }, include: { requester: true, attachments: true } });
    expect(held.anonymisedAt).toBeNull();
    expect(held.requester.email).toBe(c.email);
    expect(held.attachments.every((a) => a.deletedAt === null)).toBe(true);
    for (const key of c.storageKeys) expect(existsSync(filePath(key))).toBe(true);

    await db().case.update({ where: { id: c.caseId }, data: { legalHold: false, legalHoldReason: null } });
    await runRetention({ now: new Date("2019-06-01T10:00:00Z") });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).anonymisedAt).not.toBeNull();
  });

  it("waits for the archive: nothing goes before the archive acknowledged the case (or staff recorded its reference)", async () => {
    const c = await closedCase(new Date("2015-05-05T10:00:00Z"), { unarchived: true });
    await runRetention({ now: new Date("2019-06-01T10:00:00Z") });
    const waiting = await db().case.findUniqueOrThrow({ where: { id: c.caseId }, include: { requester: true, attachments: true } });
    expect(waiting.anonymisedAt).toBeNull();
    expect(waiting.requester.email).toBe(c.email);
    expect(waiting.attachments.every((a) => a.deletedAt === null)).toBe(true);
    for (const key of c.storageKeys) expect(existsSync(filePath(key))).toBe(true);

    // The folder acknowledged, but a letter's journal entry still waiting: still nothing.
    await db().case.update({ where: { id: c.caseId }, data: { archiveCaseNumber: "2015/77" } });
    const folder = await db().integrationMessage.create({
      data: { municipalityId: waiting.municipalityId, caseId: c.caseId, kind: "archive_case_folder", idempotencyKey: `arkiv:${c.caseId}:mappe`, status: "delivered", externalId: "2015/77-1" },
    });
    const letter = await db().integrationMessage.create({
      data: { municipalityId: waiting.municipalityId, caseId: c.caseId, kind: "archive_letter", idempotencyKey: `arkiv:${c.caseId}:brev:x`, status: "awaiting_reply", dependsOnId: folder.id },
    });
    await runRetention({ now: new Date("2019-06-01T10:00:00Z") });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).anonymisedAt).toBeNull();

    await db().integrationMessage.update({ where: { id: letter.id }, data: { status: "delivered", externalId: "2015/77-2" } });
    await runRetention({ now: new Date("2019-06-01T10:00:00Z") });
    const done = await db().case.findUniqueOrThrow({ where: { id: c.caseId }, include: { attachments: true } });
    expect(done.anonymisedAt).not.toBeNull();
    expect(done.attachments.every((a) => a.deletedAt !== null)).toBe(true);
  });

  it("an open case is never anonymised, however old", async () => {
    const c = await closedCase(new Date("2012-01-01T10:00:00Z"), { status: "open" });
    await runRetention({ now: new Date("2019-06-01T10:00:00Z") });
    const row = await db().case.findUniqueOrThrow({ where: { id: c.caseId }, include: { attachments: true } });
    expect(row.anonymisedAt).toBeNull();
    expect(row.attachments.every((a) => a.deletedAt === null)).toBe(true);
  });

  it("uses the municipality's own period (1 year here)", async () => {
    const c = await closedCase(new Date("2017-08-15T10:00:00Z"), { municipalityId: MUNI, unit: null });
    await runRetention({ now: new Date("2018-08-14T10:00:00Z") });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).anonymisedAt).toBeNull();
    await runRetention({ now: new Date("2018-08-15T10:00:00Z") });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).anonymisedAt).not.toBeNull();
  });

  it("a requester with several cases is blanked only when the last of them is anonymised", async () => {
    const first = await closedCase(new Date("2014-02-01T10:00:00Z"));
    const second = await closedCase(new Date("2016-06-01T10:00:00Z"), { requesterId: first.requesterId });
    await runRetention({ now: new Date("2018-01-01T10:00:00Z") });
    expect((await db().case.findUniqueOrThrow({ where: { id: first.caseId } })).anonymisedAt).not.toBeNull();
    expect((await db().requester.findUniqueOrThrow({ where: { id: first.requesterId } })).email).toBe(first.email);
    await runRetention({ now: new Date("2019-06-01T10:00:00Z") });
    expect((await db().case.findUniqueOrThrow({ where: { id: second.caseId } })).anonymisedAt).not.toBeNull();
    expect(await db().requester.findUniqueOrThrow({ where: { id: first.requesterId } })).toMatchObject({ name: ANONYMISED_NAME, email: null });
  });

  it("two runs in parallel anonymise each case exactly once", async () => {
    const cases = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => closedCase(new Date(`2016-0${i + 1}-10T10:00:00Z`))));
    const now = new Date("2019-09-01T10:00:00Z");
    const [a, b] = await Promise.all([runRetention({ now, batchSize: 2 }), runRetention({ now, batchSize: 3 })]);
    const ids = cases.map((c) => c.caseId);
    const logs = await db().retentionLog.findMany({ where: { caseId: { in: ids }, action: "case_anonymised" } });
    expect(logs.map((l) => l.caseId).sort()).toEqual([...ids].sort());
    expect(await db().caseEvent.count({ where: { caseId: { in: ids }, type: "case.anonymised" } })).toBe(ids.length);
    expect(await db().retentionLog.count({ where: { caseId: { in: ids }, action: "files_deleted" } })).toBe(ids.length);
    // Together the two runs report exactly the anonymisations they logged: none counted twice.
    const logged = await db().retentionLog.count({ where: { at: now, action: "case_anonymised" } });
    expect(a.casesAnonymised + b.casesAnonymised).toBe(logged);
    expect(logged).toBeGreaterThanOrEqual(ids.length); // ours (checked one by one above) and older leftovers of this file
  });
});

describe("files: 90 days after closing", () => {
  it("kept at day 89, gone from disk (rows kept, neutral name, logged) at day 90; a file already missing is fine", async () => {
    const c = await closedCase(new Date("2016-01-01T10:00:00Z")); // files due 31 March 2016
    const [missingKey] = c.storageKeys;
    const { rm } = await import("node:fs/promises");
    await rm(filePath(missingKey!)); // gone already: not an error

    await runRetention({ now: new Date("2016-03-30T10:00:00Z") }); // day 89
    expect(await db().attachment.count({ where: { caseId: c.caseId, deletedAt: null } })).toBe(2);
    const dpoActor = await staff("personvernombud@demo.test");
    expect((await getRetentionInfo(dpoActor, c.reference))?.files).toEqual({ left: 2, deleted: 0 });
    expect(existsSync(filePath(c.storageKeys[1]!))).toBe(true);

    const day90 = new Date("2016-03-31T10:00:00Z");
    const result = await runRetention({ now: day90 }); // day 90
    // The run's count is exactly what it logged; this case's two files are checked below.
    const filesLogged = await db().retentionLog.findMany({ where: { at: day90, action: "files_deleted" } });
    expect(result.filesDeleted).toBe(filesLogged.reduce((sum, l) => sum + l.count, 0));
    const rows = await db().attachment.findMany({ where: { caseId: c.caseId } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.deletedAt !== null && r.fileName === DELETED_FILE_NAME)).toBe(true);
    for (const key of c.storageKeys) expect(existsSync(filePath(key))).toBe(false);
    const log = await db().retentionLog.findMany({ where: { caseId: c.caseId } });
    expect(log.map((l) => [l.action, l.count, l.reference])).toEqual([["files_deleted", 2, c.reference]]);
    expect((await getRetentionInfo(dpoActor, c.reference))?.files).toEqual({ left: 0, deleted: 2 });
    // A download link signed before the deletion answers nothing (-> 404), even to the DPO.
    const dpo = await db().user.findUniqueOrThrow({ where: { email: "personvernombud@demo.test" }, select: { id: true } });
    for (const row of rows) {
      const { expires, sig } = signDownload(row.id);
      const got = await downloadAttachment(
        { id: row.id, expires: String(expires), sig },
        { citizen: null, staff: { kind: "staff", userId: dpo.id, roles: ["dpo"], unitIds: [] } },
      );
      expect(got).toBeNull();
    }
    // The case itself is not anonymised yet.
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId }, include: { requester: true } })).requester.email).toBe(c.email);
  });
});

describe("housekeeping", () => {
  it("removes sent mail older than 30 days, keeps newer and pending mail; expired drafts, codes, challenges, sessions", async () => {
    const now = new Date("2017-06-01T10:00:00Z");
    const day = 86_400_000;
    const mk = (status: "sent" | "pending", sentAt: Date | null) =>
      db().mailOutbox.create({
        data: { toAddress: `hk-${randomUUID()}@example.test`, template: "receipt", locale: "nb", params: {}, status, sentAt, createdAt: new Date(now.getTime() - 40 * day) },
      });
    const old = await mk("sent", new Date(now.getTime() - 31 * day));
    const recent = await mk("sent", new Date(now.getTime() - 29 * day));
    const pending = await mk("pending", null);
    const draft = await db().requestDraft.create({ data: { id: `rt-${randomUUID()}`, expiresAt: new Date(now.getTime() - 1000) } });
    const code = await db().emailCode.create({ data: { email: `hk-${randomUUID()}@example.test`, codeHash: "x", expiresAt: new Date(now.getTime() - 2 * day) } });
    const freshCode = await db().emailCode.create({ data: { email: `hk-${randomUUID()}@example.test`, codeHash: "x", expiresAt: new Date(now.getTime() - 3600_000) } });
    const challenge = await db().usedChallenge.create({ data: { signature: `rt-${randomUUID()}`, expiresAt: new Date(now.getTime() - 2 * day) } });
    const session = await db().session.create({ data: { sessionToken: `rt-${randomUUID()}`, userId: kari.userId, expires: new Date(now.getTime() - 1000) } });
    const demo = await db().demoMail.create({ data: { fromAddr: "a@b", toAddrs: ["x@y"], subject: "s", textBody: "t", receivedAt: new Date(now.getTime() - 31 * day) } });

    const result = await runRetention({ now });
    const outboxLogged = await db().retentionLog.findFirstOrThrow({ where: { at: now, caseId: null, action: "outbox_deleted" } });
    expect(result.housekeeping.outbox_deleted).toBe(outboxLogged.count);
    expect(await db().mailOutbox.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().mailOutbox.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db().mailOutbox.findUnique({ where: { id: pending.id } })).not.toBeNull();
    expect(await db().requestDraft.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await db().emailCode.findUnique({ where: { id: code.id } })).toBeNull();
    expect(await db().emailCode.findUnique({ where: { id: freshCode.id } })).not.toBeNull();
    expect(await db().usedChallenge.findUnique({ where: { signature: challenge.signature } })).toBeNull();
    expect(await db().session.findUnique({ where: { id: session.id } })).toBeNull();
    expect(await db().demoMail.findUnique({ where: { id: demo.id } })).toBeNull();
    const logged = await db().retentionLog.findMany({ where: { at: now, caseId: null } });
    expect(logged.map((l) => l.action)).toEqual(expect.arrayContaining(["outbox_deleted", "drafts_deleted", "sessions_deleted"]));
    expect(logged.every((l) => l.reference === null && l.count > 0)).toBe(true);
  });
});

describe("legal hold service", () => {
  it("the DPO sets and lifts a hold (reason on the case, not in the audit event); a stale version is refused", async () => {
    const c = await closedCase(new Date("2026-01-10T10:00:00Z"), { unit: "helse-omsorg" });
    const v1 = (await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).version;
    const reason = "Søksmål mot kommunen, sak 26-123";
    await expectDomainError(setLegalHold(dpo, { reference: c.reference, reason: "for kort", expectedVersion: v1 }), "validation_failed");
    const set = await setLegalHold(dpo, { reference: c.reference, reason, expectedVersion: v1 });
    expect(set.version).toBe(v1 + 1);
    expect(await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).toMatchObject({ legalHold: true, legalHoldReason: reason });
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.caseId, type: "case.legal_hold_set" } });
    expect(event).toMatchObject({ actorType: "staff", actorId: dpo.userId });
    expect(JSON.stringify(event.after)).not.toContain("Søksmål");

    await expectDomainError(liftLegalHold(dpo, { reference: c.reference, expectedVersion: v1 }), "conflict_stale_version");
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).legalHold).toBe(true);
    await liftLegalHold(dpo, { reference: c.reference, expectedVersion: set.version });
    expect(await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).toMatchObject({ legalHold: false, legalHoldReason: null });
    expect(await db().caseEvent.count({ where: { caseId: c.caseId, type: "case.legal_hold_lifted" } })).toBe(1);
  });

  it("policy: a caseworker (who can see the case) and a unit lead of another unit get not_found; the unit lead of the unit may", async () => {
    const own = await closedCase(new Date("2026-01-10T10:00:00Z"), { unit: "barnehage" });
    const other = await closedCase(new Date("2026-01-10T10:00:00Z"), { unit: "helse-omsorg" });
    const version = (id: string) => db().case.findUniqueOrThrow({ where: { id } }).then((r) => r.version);
    const reason = "Klage til Sivilombudet er ikke avgjort";
    await expectDomainError(setLegalHold(kari, { reference: own.reference, reason, expectedVersion: await version(own.caseId) }), "not_found");
    await expectDomainError(setLegalHold(lene, { reference: other.reference, reason, expectedVersion: await version(other.caseId) }), "not_found");
    await expectDomainError(setLegalHold(admin, { reference: own.reference, reason, expectedVersion: await version(own.caseId) }), "not_found");
    expect((await db().case.findUniqueOrThrow({ where: { id: own.caseId } })).legalHold).toBe(false);
    await setLegalHold(lene, { reference: own.reference, reason, expectedVersion: await version(own.caseId) });
    expect((await db().case.findUniqueOrThrow({ where: { id: own.caseId } })).legalHold).toBe(true);
  });
});

describe("retention settings (admin)", () => {
  it("only admins; 1-10 whole years", async () => {
    await expectDomainError(getRetentionSettings(dpo), "not_found");
    await expectDomainError(setRetentionYears(lene, { retentionYears: "5" }), "not_found");
    const before = (await getRetentionSettings(admin)).retentionYears;
    for (const bad of ["0", "11", "2.5", "abc", ""]) {
      await expectDomainError(setRetentionYears(admin, { retentionYears: bad }), "validation_failed");
    }
    try {
      await setRetentionYears(admin, { retentionYears: "7" });
      expect((await getRetentionSettings(admin)).retentionYears).toBe(7);
    } finally {
      await db().municipality.update({ where: { id: "bergen" }, data: { retentionYears: before } });
    }
  });
});
