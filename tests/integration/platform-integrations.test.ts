// The municipal platform for real: the portal's integration outbox delivers to local stand-ins that
// speak the real protocols (Maskinporten JWT grant, KRR REST, SvarUt v2, Fiks Arkiv over Fiks IO
// with a private RabbitMQ broker). Every message kind, the archive's numbers on the case, SvarUt's
// status read back, and retries that never journal or send twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { startPlatformStandIns, type PlatformStandIns } from "@/lib/dev/platform-stand-ins";
import { resetPlatformClients, platformClients } from "@/lib/platform/clients";
import { configuredHandlers, handleArchiveReply, refreshSvarUtStatuses } from "@/lib/platform/deliveries";
import { processIntegrations, retryIntegrationInTx } from "@/lib/platform/integration-worker";
import { enqueueLetterInTx } from "@/lib/platform/integration-outbox";
import { transitionCaseInTx } from "@/lib/cases/case-transition";
import { buildCase } from "./builders";
import { staffActorByEmail, waitFor } from "./helpers";

const PERSON_DIGITAL = "15859110190"; // KRR stand-in: active, digital mailbox, bokmål
const PERSON_RESERVED = "03917810019"; // reserved: paper
const PERSON_NYNORSK = "22870510083"; // digital mailbox, nynorsk

let standIns: PlatformStandIns;
let dataDir: string;
let replies: { close(): Promise<void> } | undefined;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "platform-"));
  standIns = await startPlatformStandIns({ dataDir });
  if (!standIns.archive) throw new Error(standIns.notes.join(" "));
  for (const [k, v] of Object.entries(standIns.env)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  resetPlatformClients();
  replies = await platformClients().fiksIo!.subscribe(handleArchiveReply);
}, 120_000);

afterAll(async () => {
  await replies?.close();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetPlatformClients();
  await standIns?.close();
  rmSync(dataDir, { recursive: true, force: true });
  await disconnectDb();
});

/**
 * Rounds until nothing of this case is left to send or waiting for the archive. `skipBackoff`: a
 * row that failed is due again at once (as if its backoff had passed).
 */
async function deliverAll(caseId: string, options: { skipBackoff?: boolean } = {}) {
  return waitFor(async () => {
    if (options.skipBackoff) await db().integrationMessage.updateMany({ where: { caseId, status: "pending" }, data: { nextAttemptAt: new Date() } });
    await processIntegrations(configuredHandlers());
    const open = await db().integrationMessage.count({ where: { caseId, status: { in: ["pending", "sending", "awaiting_reply"] } } });
    return open === 0 ? true : null;
  }, 30_000);
}

async function rows(caseId: string) {
  return db().integrationMessage.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
}

async function letterFor(caseId: string, municipalityId = "bergen") {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  return db().$transaction(async (tx) => {
    const letter = await tx.letter.create({ data: { caseId, kind: "response", locale: "nb", delivery: "svarut", body: "Svar", pdf }, select: { id: true } });
    await enqueueLetterInTx(tx, { caseId, municipalityId, letterId: letter.id, viaSvarUt: true });
    return letter.id;
  });
}

describe("platform integrations against the stand-ins", () => {
  it("filing makes the case folder in the archive and looks the person up in KRR, in the filing's transaction", async () => {
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_DIGITAL, name: "Digital Testesen" } });
    const queued = await rows(c.caseId);
    expect(queued.map((r) => r.kind).sort()).toEqual(["archive_case_folder", "krr_lookup"]);
    expect(queued.every((r) => r.status === "pending")).toBe(true);

    await deliverAll(c.caseId);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(after.archiveCaseNumber).toMatch(/^\d{4}\/\d+$/);
    expect(after.krrChannel).toBe("digital");
    expect(after.krrReason).toBe("digital_mailbox");
    const folder = (await rows(c.caseId)).find((r) => r.kind === "archive_case_folder")!;
    expect(folder.externalId).toBe(`${after.archiveCaseNumber}-1`);
    // In the archive: one folder with the request as a screened incoming entry and its PDF.
    const archived = standIns.archive!.folders().find((f) => f.caseKey === c.caseId)!;
    expect(archived.caseNumber).toBe(after.archiveCaseNumber);
    expect(archived.entries).toHaveLength(1);
    expect(archived.entries[0]!.type).toBe("I");
    expect(archived.entries[0]!.screened).toBe(true);
    expect(Buffer.from(archived.entries[0]!.files[0]!.bytes).subarray(0, 4).toString()).toBe("%PDF");
    // The KRR answer itself is not kept: only the decision.
    expect(JSON.stringify(after)).not.toMatch(/krr\.example/);
    const events = await db().caseEvent.findMany({ where: { caseId: c.caseId, type: { in: ["krr.checked", "archive.journaled"] } } });
    expect(events.map((e) => e.type).sort()).toEqual(["archive.journaled", "krr.checked"]);
  });

  it("a fødselsnummer only typed into the form is never used: no KRR look-up, no SvarUt letter, not in the archive", async () => {
    const c = await buildCase({ requester: { identityLevel: "email_code", nationalId: PERSON_DIGITAL } });
    expect((await rows(c.caseId)).map((r) => r.kind)).toEqual(["archive_case_folder"]);
    await deliverAll(c.caseId);
    const archived = standIns.archive!.folders().find((f) => f.caseKey === c.caseId)!;
    expect(archived.entries[0]!.xml).not.toContain(PERSON_DIGITAL);
  });

  it("a letter is journaled after its folder and sent through SvarUt; its status is read back", async () => {
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_DIGITAL } });
    const letterId = await letterFor(c.caseId);
    await deliverAll(c.caseId);
    const all = await rows(c.caseId);
    const entry = all.find((r) => r.kind === "archive_letter")!;
    const folder = all.find((r) => r.kind === "archive_case_folder")!;
    expect(entry.externalId).toBe(`${folder.externalId!.replace(/-1$/, "")}-2`);
    const forsendelse = all.find((r) => r.kind === "svarut_letter")!;
    expect(forsendelse.letterId).toBe(letterId);
    const sent = standIns.svarut.list().find((f) => f.id === forsendelse.externalId)!;
    expect(sent.externalReference).toBe(forsendelse.id);
    expect(sent.channel).toBe("digital");
    expect(sent.title).not.toContain("Testesen");

    standIns.svarut.advanceAll();
    standIns.svarut.advanceAll();
    await refreshSvarUtStatuses();
    const read = await db().integrationMessage.findUniqueOrThrow({ where: { id: forsendelse.id } });
    expect(read.deliveryStatus).toBe("delivered_digitally");
  });

  it("a reserved person's letter is printed by SvarUt", async () => {
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_RESERVED, postalAddress: "Testveien 1\n5003 Bergen" } });
    await letterFor(c.caseId);
    await deliverAll(c.caseId);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(after.krrChannel).toBe("paper");
    expect(after.krrReason).toBe("reserved");
    expect(after.answerChannel).toBe("paper");
    const forsendelse = (await rows(c.caseId)).find((r) => r.kind === "svarut_letter")!;
    expect(standIns.svarut.list().find((f) => f.id === forsendelse.externalId)!.channel).toBe("print");
    standIns.svarut.advanceAll();
    standIns.svarut.advanceAll();
    await refreshSvarUtStatuses();
    expect((await db().integrationMessage.findUniqueOrThrow({ where: { id: forsendelse.id } })).deliveryStatus).toBe("sent_to_print");
  });

  it("a staff-registered request takes the language KRR has for the person", async () => {
    const kari = await staffActorByEmail("saksbehandler@demo.test");
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_NYNORSK }, registeredBy: kari });
    await deliverAll(c.caseId);
    const after = await db().case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(after.krrLanguage).toBe("nn");
    expect(after.locale).toBe("nn");
  });

  it("SvarUt accepting but the answer lost: the retry finds the forsendelse and sends nothing twice", async () => {
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_DIGITAL } });
    await deliverAll(c.caseId);
    const before = standIns.svarut.sendCount();
    await letterFor(c.caseId);
    standIns.svarut.dropAfterAcceptNext();
    await processIntegrations(configuredHandlers());
    await waitFor(async () => {
      await processIntegrations(configuredHandlers());
      return (await db().integrationMessage.findFirst({ where: { caseId: c.caseId, kind: "archive_letter", status: "delivered" } })) ? true : null;
    }, 30_000);
    const failed = (await rows(c.caseId)).find((r) => r.kind === "svarut_letter")!;
    expect(failed.status).toBe("pending");
    expect(failed.attempts).toBe(1);
    expect(standIns.svarut.sendCount()).toBe(before + 1);
    // The next attempt, after the backoff.
    await deliverAll(c.caseId, { skipBackoff: true });
    const done = await db().integrationMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(done.status).toBe("delivered");
    expect(standIns.svarut.sendCount()).toBe(before + 1);
    expect(standIns.svarut.list().filter((f) => f.externalReference === failed.id)).toHaveLength(1);
  });

  it("the archive's receipt lost after it journaled: sent again, the same numbers, no second entry", async () => {
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_DIGITAL } });
    await deliverAll(c.caseId);
    const folder = (await rows(c.caseId)).find((r) => r.kind === "archive_case_folder")!;
    // As if the worker died after sending, before it recorded the receipt.
    await db().integrationMessage.update({ where: { id: folder.id }, data: { status: "pending", externalId: null, transportMessageId: null } });
    await deliverAll(c.caseId);
    const again = await db().integrationMessage.findUniqueOrThrow({ where: { id: folder.id } });
    expect(again.status).toBe("delivered");
    expect(again.externalId).toBe(folder.externalId);
    const archived = standIns.archive!.folders().filter((f) => f.caseKey === c.caseId);
    expect(archived).toHaveLength(1);
    expect(archived[0]!.entries).toHaveLength(1);
  });

  it("a message the archive refuses is shown with the refusal and can be retried after the fix", async () => {
    const kari = await staffActorByEmail("saksbehandler@demo.test");
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_DIGITAL } });
    // The portal believes in a folder the archive never made (its receipt recorded by mistake).
    const folder = (await rows(c.caseId)).find((r) => r.kind === "archive_case_folder")!;
    await db().integrationMessage.update({ where: { id: folder.id }, data: { status: "delivered", externalId: "1999/4242-1" } });
    await db().case.update({ where: { id: c.caseId }, data: { archiveCaseNumber: "1999/4242", archiveFolderSystemId: "8d5f5f8e-0000-4000-8000-000000000000" } });
    const letterId = await letterFor(c.caseId);
    await deliverAll(c.caseId);
    const entry = (await rows(c.caseId)).find((r) => r.kind === "archive_letter" && r.letterId === letterId)!;
    expect(entry.status).toBe("refused");
    expect(entry.refusal).toBeTruthy();
    expect(standIns.archive!.folders().find((f) => f.caseKey === c.caseId)).toBeUndefined();
    const refusedEvent = await db().caseEvent.findFirst({ where: { caseId: c.caseId, type: "integration.refused" } });
    expect(refusedEvent).not.toBeNull();

    // The fix: the folder is made for real; then staff retry the refused entry.
    await db().integrationMessage.update({ where: { id: folder.id }, data: { status: "pending", externalId: null } });
    await db().case.update({ where: { id: c.caseId }, data: { archiveCaseNumber: null, archiveFolderSystemId: null } });
    await deliverAll(c.caseId);
    const ok = await db().$transaction((tx) => retryIntegrationInTx(tx, { integrationId: entry.id, caseId: c.caseId, staffUserId: kari.userId, now: new Date() }));
    expect(ok).toBe(true);
    await deliverAll(c.caseId);
    const retried = await db().integrationMessage.findUniqueOrThrow({ where: { id: entry.id } });
    expect(retried.status).toBe("delivered");
    expect(retried.refusal).toBeNull();
    expect(standIns.archive!.folders().find((f) => f.caseKey === c.caseId)!.entries.map((e) => e.type)).toEqual(["I", "U"]);
    // Only a refused or failed message can be retried.
    expect(await db().$transaction((tx) => retryIntegrationInTx(tx, { integrationId: entry.id, caseId: c.caseId, staffUserId: kari.userId, now: new Date() }))).toBe(false);
  });

  it("KRR down at filing: the request is received, the look-up retried later", async () => {
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_DIGITAL } });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).status).toBe("received");
    // KRR answers 503 for a while.
    standIns.krr.failNext(3);
    await processIntegrations(configuredHandlers());
    const waiting = (await rows(c.caseId)).find((r) => r.kind === "krr_lookup")!;
    expect(waiting.status).toBe("pending");
    expect(waiting.lastError).toBeTruthy();
    await deliverAll(c.caseId, { skipBackoff: true });
    expect((await rows(c.caseId)).find((r) => r.kind === "krr_lookup")!.attempts).toBe(4);
    expect((await db().case.findUniqueOrThrow({ where: { id: c.caseId } })).krrChannel).toBe("digital");
  });

  it("closing the case closes its folder in the archive, after its letters", async () => {
    const c = await buildCase({ requester: { identityLevel: "idporten_substantial", nationalId: PERSON_DIGITAL } });
    await letterFor(c.caseId);
    await db().$transaction((tx) => transitionCaseInTx(tx, { caseId: c.caseId, command: { type: "withdraw" }, actor: { type: "citizen", id: null } }));
    expect((await rows(c.caseId)).map((r) => r.kind)).toContain("archive_close");
    const close = (await rows(c.caseId)).find((r) => r.kind === "archive_close")!;
    // Due after the grace period (the response letter follows the decision): not before.
    expect(close.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    await deliverAll(c.caseId, { skipBackoff: true });
    const after = await db().case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(after.archiveClosedAt).not.toBeNull();
    const archived = standIns.archive!.folders().find((f) => f.caseKey === c.caseId)!;
    expect(archived.status).toBe("closed");
    expect(archived.entries.map((e) => e.type)).toEqual(["I", "U"]);
  });
});
