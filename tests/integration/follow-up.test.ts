// Follow-up on a closed case (issue 9, item 11): the letter says "answer in Mine saker", so the
// requester can, for the follow-up period; the case stays closed and shows in the queue's
// "Oppfølging" view (only for staff who see the case) until someone answers or marks it handled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { claimCase } from "@/lib/cases/claim-case";
import { decideCase } from "@/lib/cases/decide-case";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { citizenSendMessage } from "@/lib/cases/citizen-send-message";
import { staffSendMessage } from "@/lib/cases/staff-send-message";
import { staffGetCase } from "@/lib/cases/staff-case-view";
import { markFollowUpHandled } from "@/lib/cases/mark-follow-up-handled";
import { countFollowUps, listQueue } from "@/lib/cases/list-queue";
import { citizenUploadAttachment } from "@/lib/files/upload-attachment";
import { isDomainError } from "@/lib/domain/errors";
import { SMALL_PDF, setAsidePendingMail, staffActorByEmail, validRequest } from "./helpers";

let kari: Awaited<ReturnType<typeof staffActorByEmail>>;
let ola: Awaited<ReturnType<typeof staffActorByEmail>>;

beforeAll(async () => {
  await setAsidePendingMail();
  kari = await staffActorByEmail("saksbehandler@demo.test");
  ola = await staffActorByEmail("saksbehandler2@demo.test");
});

afterAll(async () => {
  await disconnectDb();
});

/** A citizen's own access request (barnehage), taken by Kari and closed as "no data held" at `closedAt`. */
async function closedCase(closedAt: Date) {
  const identity = await db().citizenIdentity.create({ data: { method: "email_code", email: `oppf-${randomUUID()}@example.test`, level: "email_code" } });
  const citizen = { identityId: identity.id, level: "email_code" as const, email: identity.email! };
  const receivedAt = new Date(closedAt.getTime() - 10 * 86_400_000);
  const { reference } = await submitRequest(validRequest({ unit: "barnehage", email: citizen.email }), { locale: "nb", now: receivedAt, citizen });
  const row = await db().case.findUniqueOrThrow({ where: { reference }, select: { id: true, version: true } });
  const claimed = await claimCase(kari, { caseId: row.id, expectedVersion: row.version, now: receivedAt });
  await decideCase(kari, { reference, perRight: [{ right: "access", outcome: "no_data", legalBasisIds: [], reasons: "" }], expectedVersion: claimed.version, now: closedAt });
  return { reference, caseId: row.id, citizen };
}

const state = (caseId: string) => db().case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, followUpAt: true, version: true } });

describe("follow-up on a closed case", () => {
  it("takes the requester's message within the period: the case stays closed, is marked, and Kari is told by e-mail", async () => {
    const closedAt = new Date(Date.now() - 5 * 86_400_000);
    const c = await closedCase(closedAt);
    const view = await citizenGetCase(c.citizen, c.reference);
    expect(view).toMatchObject({ closed: true, mayWrite: true });
    expect(view!.followUpUntil).not.toBeNull();

    const before = await state(c.caseId);
    const sent = await citizenSendMessage({ identityId: c.citizen.identityId, reference: c.reference, body: "Jeg tror dere har opplysninger i skolesystemet også." });
    expect(sent).toMatchObject({ answered: false, followUp: true });
    const after = await state(c.caseId);
    expect(after.status).toBe("completed");
    expect(after.version).toBe(before.version);
    expect(after.followUpAt).not.toBeNull();
    const events = await db().caseEvent.findMany({ where: { caseId: c.caseId, type: { in: ["message.from_requester", "case.follow_up_received"] } }, select: { type: true, actorType: true } });
    expect(events.map((e) => e.type).sort()).toEqual(["case.follow_up_received", "message.from_requester"]);
    const mails = await db().mailOutbox.findMany({ where: { caseId: c.caseId, template: "follow_up" } });
    expect(mails.map((m) => m.toAddress)).toEqual(["saksbehandler@demo.test"]);
    // Reference and link only, never the message.
    expect(JSON.stringify(mails[0]!.params)).not.toContain("skolesystemet");
    expect(mails[0]!.params).toEqual({ reference: c.reference, link: expect.stringMatching(new RegExp(`/staff/cases/${c.reference}$`)) });

    // A second message does not mail again (one follow-up until someone follows it up).
    await citizenSendMessage({ identityId: c.citizen.identityId, reference: c.reference, body: "Og i helsestasjonen." });
    expect(await db().mailOutbox.count({ where: { caseId: c.caseId, template: "follow_up" } })).toBe(1);
  });

  it("takes a file too, and after the period neither (case_closed, nothing written)", async () => {
    const recent = await closedCase(new Date(Date.now() - 86_400_000));
    await citizenUploadAttachment({ identityId: recent.citizen.identityId, reference: recent.reference, fileName: "vedlegg.pdf", bytes: SMALL_PDF });
    expect((await state(recent.caseId)).followUpAt).not.toBeNull();

    // 62 days, not 61: late in the UTC evening, 61 days ago in summer time is already the next Oslo date (60 days).
    const old = await closedCase(new Date(Date.now() - 62 * 86_400_000));
    const view = await citizenGetCase(old.citizen, old.reference);
    expect(view).toMatchObject({ closed: true, mayWrite: false });
    const messages = await db().message.count({ where: { caseId: old.caseId } });
    const error = await citizenSendMessage({ identityId: old.citizen.identityId, reference: old.reference, body: "For sent?" }).catch((e: unknown) => e);
    expect(isDomainError(error, "case_closed")).toBe(true);
    const upload = await citizenUploadAttachment({ identityId: old.citizen.identityId, reference: old.reference, fileName: "sent.pdf", bytes: SMALL_PDF }).catch((e: unknown) => e);
    expect(isDomainError(upload, "case_closed")).toBe(true);
    expect(await db().message.count({ where: { caseId: old.caseId } })).toBe(messages);
    expect(await db().attachment.count({ where: { caseId: old.caseId } })).toBe(0);
    expect((await state(old.caseId)).followUpAt).toBeNull();
  });

  it("shows in the follow-up view of staff who see the case only; answering clears it", async () => {
    const c = await closedCase(new Date(Date.now() - 3 * 86_400_000));
    await citizenSendMessage({ identityId: c.citizen.identityId, reference: c.reference, body: "Et spørsmål til svaret." });
    const followUps = async (actor: typeof kari) => (await listQueue(actor, { filters: { view: "follow_up" }, limit: 100 })).rows.map((r) => r.reference);
    expect(await followUps(kari)).toContain(c.reference);
    // The count in the queue's tab is the number of rows the view lists.
    expect(await countFollowUps(kari)).toBe((await followUps(kari)).length);
    // Ola (another unit) neither sees it in the view nor counts it; the ordinary queue has only open cases.
    expect(await followUps(ola)).not.toContain(c.reference);
    expect((await listQueue(kari, { limit: 100 })).rows.map((r) => r.reference)).not.toContain(c.reference);
    const olaCount = await countFollowUps(ola);
    expect(await db().case.count({ where: { followUpAt: { not: null }, unit: { slug: "helse-omsorg" } } })).toBe(olaCount);

    expect((await staffGetCase(kari, c.reference))?.canWriteNow).toBe(true);
    await staffSendMessage(kari, { reference: c.reference, body: "Vi har sjekket skolesystemet også, og fant ingenting." });
    expect((await state(c.caseId)).followUpAt).toBeNull();
    expect(await followUps(kari)).not.toContain(c.reference);
    const done = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.caseId, type: "case.follow_up_done" } });
    expect(done).toMatchObject({ actorType: "staff", actorId: kari.userId, after: { how: "answered" } });
  });

  it("can be marked handled without an answer; not by someone who cannot see the case (404), and not twice", async () => {
    const c = await closedCase(new Date(Date.now() - 2 * 86_400_000));
    await citizenSendMessage({ identityId: c.citizen.identityId, reference: c.reference, body: "Ring meg gjerne." });
    const outsider = await markFollowUpHandled(ola, { reference: c.reference }).catch((e: unknown) => e);
    expect(isDomainError(outsider, "not_found")).toBe(true);
    expect((await state(c.caseId)).followUpAt).not.toBeNull();
    await markFollowUpHandled(kari, { reference: c.reference });
    expect((await state(c.caseId)).followUpAt).toBeNull();
    const again = await markFollowUpHandled(kari, { reference: c.reference }).catch((e: unknown) => e);
    expect(isDomainError(again, "validation_failed")).toBe(true);
    expect(await db().caseEvent.count({ where: { caseId: c.caseId, type: "case.follow_up_done" } })).toBe(1);
  });

  it("lets staff answer a waiting follow-up after the period, but write nothing new on an old closed case", async () => {
    const c = await closedCase(new Date(Date.now() - 70 * 86_400_000));
    const error = await staffSendMessage(kari, { reference: c.reference, body: "Hei igjen." }).catch((e: unknown) => e);
    expect(isDomainError(error, "case_closed")).toBe(true);
    // A follow-up sent on the last day still waits for its answer.
    await db().case.update({ where: { id: c.caseId }, data: { followUpAt: new Date(Date.now() - 11 * 86_400_000) } });
    await staffSendMessage(kari, { reference: c.reference, body: "Svar på meldingen din." });
    expect((await state(c.caseId)).followUpAt).toBeNull();
  });
});
