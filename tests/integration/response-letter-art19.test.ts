// GDPR Art. 19 in the response letter, against the real database: a granted rectification whose
// recipient-notice task is still open gets a draft that does not say the recipients were told (and
// the page says why), a letter edited to claim it anyway is refused with nothing written; once the
// task is ticked off (through the real task service) the draft says it and the letter goes out.
// Every variant also says "you can ask who the recipients are" (Art. 19, second sentence).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { completeTask, createTask } from "@/lib/cases/case-tasks";
import { recordNoRecipients } from "@/lib/cases/record-no-recipients";
import { sendResponseLetter } from "@/lib/cases/send-response-letter";
import { isDomainError } from "@/lib/domain/errors";
import { getResponseLetterPage } from "@/lib/letters/response-draft";
import { buildDecidedCase, buildIdentity } from "./builders";
import { staffActorByEmail as staffActor } from "./helpers";

beforeAll(() => {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.STORAGE_DIR = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration", "files-letters-art19");
});

afterAll(async () => {
  await disconnectDb();
});

const TOLD = "Vi har gitt beskjed om rettingen til dem vi har delt opplysningene med (GDPR art. 19).";
const WILL_TELL = "Vi gir beskjed om rettingen til dem vi har delt opplysningene med (GDPR art. 19).";
const ASK = "Du kan be oss om å få vite hvem vi har delt opplysningene med.";
const NONE = "Vi har ikke delt disse opplysningene med andre, så det var ingen mottakere å gi beskjed til (GDPR art. 19).";

async function version(reference: string) {
  return (await db().case.findUniqueOrThrow({ where: { reference }, select: { version: true } })).version;
}

async function grantedRectification() {
  const identity = await buildIdentity();
  return buildDecidedCase([{ right: "rectification", outcome: "granted", legalBasisIds: [], reasons: "" }], {
    receivedAt: new Date(Date.now() - 5 * 86400_000),
    answerChannel: "digital",
    locale: "nb",
    identity,
    requester: { name: "Åse Mottaker", postalAddress: "Testveien 1, 5003 Bergen", nationalId: "01019012480", identityLevel: "none" },
  });
}

describe("Art. 19 in the response letter", () => {
  it("no notice task: the draft claims nothing, says who can be asked, and the page tells the caseworker why", async () => {
    const c = await grantedRectification();
    const kari = await staffActor("saksbehandler@demo.test");
    const page = (await getResponseLetterPage(kari, c.reference))!;
    expect(page.draft).toContain(ASK);
    expect(page.draft).not.toContain(TOLD);
    expect(page.draft).not.toContain(WILL_TELL);
    expect(page.recipientNotice).toEqual({ state: "none" });
  });

  it("an open notice task keeps the claim out (an edited claim is refused); ticked off, the letter says it", async () => {
    const c = await grantedRectification();
    const kari = await staffActor("saksbehandler@demo.test");
    const task = await createTask(kari, { reference: c.reference, kind: "notify_recipient", system: "Barnehagesystem", recipient: "NAV", expectedVersion: await version(c.reference) });

    const open = (await getResponseLetterPage(kari, c.reference))!;
    expect(open.recipientNotice).toEqual({ state: "pending", open: 1 });
    expect(open.draft).toContain(WILL_TELL);
    expect(open.draft).toContain(ASK);
    expect(open.draft).not.toContain(TOLD);

    // The caseworker writes the claim in by hand: refused, nothing written.
    const claimed = open.draft!.replace(WILL_TELL, TOLD);
    const error = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await version(c.reference), body: claimed, delivery: "portal" }).catch((e: unknown) => e);
    expect(isDomainError(error, "validation_failed")).toBe(true);
    expect((error as { details: { missing: string[] } }).details.missing).toEqual(["art19_claim"]);
    expect(await db().letter.count({ where: { caseId: c.id } })).toBe(0);

    await completeTask(kari, { reference: c.reference, taskId: task.taskId, note: "Sendt brev til NAV.", expectedVersion: await version(c.reference) });
    const done = (await getResponseLetterPage(kari, c.reference))!;
    expect(done.recipientNotice).toBeNull();
    expect(done.draft).toContain(`${TOLD} ${ASK}`);
    expect(done.draft).not.toContain(WILL_TELL);
    const sent = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await version(c.reference), body: done.draft!, delivery: "portal" });
    const letter = await db().letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    expect(letter.body).toContain(TOLD);
  });

  it("'no recipients' recorded: the letter says there was nobody to tell, audited; a notice task afterwards wins", async () => {
    const c = await grantedRectification();
    const kari = await staffActor("saksbehandler@demo.test");
    const dpo = await staffActor("personvernombud@demo.test");
    expect(isDomainError(await recordNoRecipients(dpo, { reference: c.reference, noRecipients: true, expectedVersion: await version(c.reference) }).catch((e: unknown) => e), "forbidden")).toBe(true);

    const recorded = await recordNoRecipients(kari, { reference: c.reference, noRecipients: true, expectedVersion: await version(c.reference) });
    expect(recorded.changed).toBe(true);
    const again = await recordNoRecipients(kari, { reference: c.reference, noRecipients: true, expectedVersion: recorded.version });
    expect(again).toEqual({ version: recorded.version, changed: false });
    const events = await db().caseEvent.findMany({ where: { caseId: c.id, type: { startsWith: "case.no_recipients" } } });
    expect(events.map((e) => [e.type, e.after])).toEqual([["case.no_recipients_set", { noRecipients: true }]]);

    const page = (await getResponseLetterPage(kari, c.reference))!;
    expect(page.recipientNotice).toEqual({ state: "no_recipients" });
    expect(page.canRecordRecipients).toBe(true);
    expect(page.draft).toContain(NONE);
    expect(page.draft).not.toContain(TOLD);
    expect(page.draft).not.toContain(ASK);
    // The record is no ground for claiming notices either.
    const claimed = page.draft!.replace(NONE, TOLD);
    const error = await sendResponseLetter(kari, { reference: c.reference, expectedVersion: await version(c.reference), body: claimed, delivery: "portal" }).catch((e: unknown) => e);
    expect((error as { details: { missing: string[] } }).details.missing).toEqual(["art19_claim"]);

    // A notice task means there is a recipient after all: it decides what the letter says.
    await createTask(kari, { reference: c.reference, kind: "notify_recipient", system: "Barnehagesystem", recipient: "NAV", expectedVersion: await version(c.reference) });
    const withTask = (await getResponseLetterPage(kari, c.reference))!;
    expect(withTask.recipientNotice).toEqual({ state: "pending", open: 1 });
    expect(withTask.draft).toContain(WILL_TELL);
    expect(withTask.draft).not.toContain(NONE);

    const cleared = await recordNoRecipients(kari, { reference: c.reference, noRecipients: false, expectedVersion: await version(c.reference) });
    expect(cleared.changed).toBe(true);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { noRecipientsAt: true } })).noRecipientsAt).toBeNull();
  });
});
