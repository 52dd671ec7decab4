// What each kind of integration message does when the worker delivers it (integration-worker.ts),
// and what the archive's replies do when they arrive over Fiks IO. The messages are built here from
// the case as it is now: the outbox rows hold ids only.
import { db, type Tx } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-encryption";
import { nationalIdIsVerified } from "@/lib/domain/national-id";
import { logger } from "@/lib/log";
import { FIKS_ARKIV } from "@/lib/archive/protocol";
import { buildCaseFolderWithIncoming, buildCloseCase, buildOutgoingLetter, type ArchiveParty } from "@/lib/archive/arkivmelding";
import { parseErrorReply, parseOpprettKvittering } from "@/lib/archive/receipts";
import { PAYLOAD_FILE_NAME } from "@/lib/archive/protocol";
import { decideLetterChannel, letterLanguageFrom } from "@/lib/domain/letter-channel";
import type { FiksIoIncoming } from "@/lib/integrations/fiks-io";
import { SvarUtError, type SvarUtDeliveryStatus } from "@/lib/integrations/svarut";
import { KrrError } from "@/lib/integrations/krr";
import { municipalityProfile } from "@/lib/config/municipalities";
import { getRequestReceipt, receiptPdf } from "@/lib/requests/receipt";
import { isLocale } from "@/i18n/locales";
import { platformClients } from "./clients";
import { splitPostalAddress } from "./deliveries-address";
import { platformSettings } from "./config";
import { IntegrationRefused, integrationBackoffMs, type ClaimedIntegration, type DeliveryOutcome, type IntegrationHandlers } from "./integration-worker";

/** The shipped municipalities' organisation numbers (Enhetsregisteret), where the profile has none. */
const ORG_NUMBERS: Record<string, string> = { bergen: "964338531", trondheim: "942110464" };

const LETTER_TITLES: Record<string, string> = { receipt: "Kvittering", response: "Svar", message: "Brev" };

/** The requester's fødselsnummer, only when proven (nationalIdIsVerified): never a typed one. */
function verifiedNationalIdOf(c: { registeredById: string | null; requester: { nationalIdEncrypted: string | null; identityLevel: string } }): string | null {
  if (!c.requester.nationalIdEncrypted || !nationalIdIsVerified(c.requester.identityLevel, c.registeredById !== null)) return null;
  return decryptField(c.requester.nationalIdEncrypted);
}

async function loadCase(caseId: string) {
  const c = await db().case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      municipalityId: true,
      receivedAt: true,
      dueDate: true,
      locale: true,
      receiptToken: true,
      specialCategory: true,
      answerChannel: true,
      registeredById: true,
      archiveCaseNumber: true,
      archiveFolderSystemId: true,
      unit: { select: { name: true } },
      municipality: { select: { orgNumber: true } },
      requester: { select: { name: true, email: true, postalAddress: true, nationalIdEncrypted: true, identityLevel: true } },
    },
  });
  return c;
}
type LoadedCase = Awaited<ReturnType<typeof loadCase>>;

function partyOf(c: LoadedCase): ArchiveParty {
  return {
    name: c.requester.name,
    nationalId: verifiedNationalIdOf(c),
    postAddress: splitPostalAddress(c.requester.postalAddress),
    email: c.requester.email,
  };
}

function base(c: LoadedCase) {
  const archive = platformSettings().archive!;
  const profile = municipalityProfile(c.municipalityId);
  return {
    system: archive.system,
    organisation: { orgNumber: c.municipality.orgNumber ?? ORG_NUMBERS[c.municipalityId] ?? "000000000", name: profile.name },
    caseKey: c.id,
    createdBy: archive.system,
  };
}

function folderRef(c: LoadedCase) {
  const [year, seq] = (c.archiveCaseNumber ?? "").split("/").map(Number);
  return { systemId: c.archiveFolderSystemId, caseYear: Number.isFinite(year) ? year : null, caseSequence: Number.isFinite(seq) ? seq : null };
}

const incomingKey = (caseId: string) => `${caseId}:mottatt`;

async function sendToArchive(row: ClaimedIntegration, messageType: string, xml: string, files: { name: string; bytes: Uint8Array }[]): Promise<DeliveryOutcome> {
  const fiksIo = platformClients().fiksIo;
  if (!fiksIo) throw Object.assign(new Error("archive integration not configured"), { code: "not_configured" });
  const sent = await fiksIo.send({
    toAccountId: platformSettings().archive!.archiveAccountId,
    messageType,
    files: [{ name: PAYLOAD_FILE_NAME[messageType] ?? "arkivmelding.xml", bytes: new TextEncoder().encode(xml) }, ...files],
    clientMessageId: row.id,
  });
  return { outcome: "awaiting_reply", transportMessageId: sent.messageId };
}

async function archiveCaseFolder(row: ClaimedIntegration): Promise<DeliveryOutcome> {
  const c = await loadCase(row.caseId);
  const receipt = await getRequestReceipt(c.receiptToken);
  if (!receipt) throw Object.assign(new Error("case not found"), { code: "not_found" });
  const pdf = await receiptPdf(receipt, isLocale(c.locale) ? c.locale : "nb");
  const fileName = `${c.reference}-henvendelse.pdf`;
  const xml = buildCaseFolderWithIncoming({
    ...base(c),
    caseTitle: `Personvernforespørsel ${c.reference} fra ${c.requester.name}`,
    publicCaseTitle: `Personvernforespørsel ${c.reference}`,
    unitName: c.unit?.name,
    receivedAt: c.receivedAt,
    journalKey: incomingKey(c.id),
    requester: partyOf(c),
    document: { fileName, title: `Henvendelse ${c.reference}`, mimeType: "application/pdf", sizeBytes: pdf.bytes.length },
    dueDate: c.dueDate,
  });
  return sendToArchive(row, FIKS_ARKIV.opprett, xml, [{ name: fileName, bytes: pdf.bytes }]);
}

async function archiveLetter(row: ClaimedIntegration): Promise<DeliveryOutcome> {
  const c = await loadCase(row.caseId);
  const letter = await db().letter.findUniqueOrThrow({ where: { id: row.letterId! }, select: { id: true, kind: true, pdf: true, createdAt: true } });
  if (!letter.pdf) throw new IntegrationRefused("Brevet har ingen PDF å arkivere.");
  const title = LETTER_TITLES[letter.kind] ?? "Brev";
  const fileName = `${c.reference}-${letter.kind}-${letter.id.slice(0, 8)}.pdf`;
  const xml = buildOutgoingLetter({
    ...base(c),
    caseFolder: folderRef(c),
    journalKey: `${c.id}:brev:${letter.id}`,
    title: `${title} til ${c.requester.name} i sak ${c.reference}`,
    publicTitle: `${title} i sak ${c.reference}`,
    sentAt: letter.createdAt,
    recipient: partyOf(c),
    document: { fileName, title: `${title} ${c.reference}`, mimeType: "application/pdf", sizeBytes: letter.pdf.length },
    answersJournalKey: letter.kind === "response" ? incomingKey(c.id) : undefined,
  });
  return sendToArchive(row, FIKS_ARKIV.opprett, xml, [{ name: fileName, bytes: new Uint8Array(letter.pdf) }]);
}

async function archiveClose(row: ClaimedIntegration): Promise<DeliveryOutcome> {
  const c = await loadCase(row.caseId);
  const closed = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { closedAt: true } });
  const message = buildCloseCase({ ...base(c), caseFolder: folderRef(c), closedAt: closed.closedAt ?? new Date() });
  return sendToArchive(row, message.messageType, message.xml, []);
}

async function krrLookup(row: ClaimedIntegration): Promise<DeliveryOutcome> {
  const krr = platformClients().krr;
  if (!krr) throw Object.assign(new Error("KRR not configured"), { code: "not_configured" });
  const c = await loadCase(row.caseId);
  const nationalId = verifiedNationalIdOf(c);
  if (!nationalId) return { outcome: "delivered", externalId: null };
  let person;
  try {
    person = (await krr.lookup([nationalId])).get(nationalId) ?? null;
  } catch (error) {
    if (error instanceof KrrError && error.code !== "unavailable" && error.code !== "unauthorized") throw new IntegrationRefused(`KRR: ${error.code}`);
    throw error;
  }
  const citizenChosePaper = c.answerChannel === "paper";
  const decision = decideLetterChannel(person, citizenChosePaper);
  const fallback = isLocale(c.locale) ? c.locale : "nb";
  const language = person?.language ?? null;
  // Staff registered the request (phone, post, counter): the registered language is the better guess.
  const letterLocale = c.registeredById ? letterLanguageFrom(person, fallback) : c.locale;
  // Reserved or inactive: paper, where there is an address to post it to (SvarUt finds its own).
  const toPaper = decision.channel === "paper" && c.answerChannel !== "paper" && c.requester.postalAddress !== null;
  return {
    outcome: "delivered",
    externalId: null,
    deliveryStatus: decision.reason,
    event: { type: "krr.checked", after: { channel: decision.channel, reason: decision.reason, language, ...(toPaper ? { answerChannel: "paper" } : {}) } },
    apply: async (tx: Tx) => {
      await tx.case.update({
        where: { id: c.id },
        data: {
          krrChannel: decision.channel,
          krrReason: decision.reason,
          krrLanguage: language,
          krrCheckedAt: new Date(),
          ...(toPaper ? { answerChannel: "paper" } : {}),
          ...(letterLocale !== c.locale ? { locale: letterLocale } : {}),
        },
      });
    },
  };
}

async function svarUtLetter(row: ClaimedIntegration): Promise<DeliveryOutcome> {
  const svarut = platformClients().svarut;
  if (!svarut) throw Object.assign(new Error("SvarUt not configured"), { code: "not_configured" });
  const c = await loadCase(row.caseId);
  const letter = await db().letter.findUniqueOrThrow({ where: { id: row.letterId! }, select: { id: true, kind: true, pdf: true } });
  const nationalId = verifiedNationalIdOf(c);
  if (!nationalId || !letter.pdf) throw new IntegrationRefused("Mangler fødselsnummer eller PDF for SvarUt.");
  const postAddress = splitPostalAddress(c.requester.postalAddress) ?? undefined;
  try {
    const sent = await svarut.send({
      externalReference: row.id,
      title: `${LETTER_TITLES[letter.kind] ?? "Brev"} i sak ${c.reference}`,
      recipient: { nationalId, name: c.requester.name, postAddress },
      document: { fileName: `${c.reference}-${letter.kind}.pdf`, bytes: new Uint8Array(letter.pdf) },
      requireLevel4Login: c.specialCategory,
      // Without a postal address SvarUt cannot print: digital delivery only (it tells us if that fails).
      onlyDigital: postAddress === undefined,
    });
    return {
      outcome: "delivered",
      externalId: sent.forsendelseId,
      deliveryStatus: "received",
      event: { type: "letter.svarut_sent", after: { letterId: letter.id, forsendelseId: sent.forsendelseId } },
    };
  } catch (error) {
    if (error instanceof SvarUtError && error.code === "refused") throw new IntegrationRefused(`SvarUt: ${error.message}`);
    throw error;
  }
}

/** The handlers for the integrations this process has configured. */
export function configuredHandlers(): IntegrationHandlers {
  const clients = platformClients();
  const handlers: IntegrationHandlers = {};
  if (clients.fiksIo) Object.assign(handlers, { archive_case_folder: archiveCaseFolder, archive_letter: archiveLetter, archive_close: archiveClose });
  if (clients.krr) handlers.krr_lookup = krrLookup;
  if (clients.svarut) handlers.svarut_letter = svarUtLetter;
  return handlers;
}

const FINAL_SVARUT = new Set<SvarUtDeliveryStatus>(["read", "printed", "manually_handled", "not_delivered"]);

/** Reads SvarUt's status back for letters not yet read, printed or given up. Returns how many changed. */
export async function refreshSvarUtStatuses(limit = 100): Promise<number> {
  const svarut = platformClients().svarut;
  if (!svarut) return 0;
  const rows = await db().integrationMessage.findMany({
    where: { kind: "svarut_letter", status: "delivered", externalId: { not: null }, NOT: { deliveryStatus: { in: [...FINAL_SVARUT] } } },
    select: { id: true, externalId: true, deliveryStatus: true, caseId: true, letterId: true },
    orderBy: { deliveryStatusAt: "asc" },
    take: limit,
  });
  if (rows.length === 0) return 0;
  const statuses = await svarut.status(rows.map((r) => r.externalId!));
  let changed = 0;
  for (const r of rows) {
    const s = statuses.get(r.externalId!);
    if (!s || s.status === r.deliveryStatus || s.status === "unknown") continue;
    await db().$transaction(async (tx) => {
      const { count } = await tx.integrationMessage.updateMany({ where: { id: r.id, deliveryStatus: r.deliveryStatus }, data: { deliveryStatus: s.status, deliveryStatusAt: s.changedAt ?? new Date() } });
      if (count === 1) {
        await tx.caseEvent.create({ data: { caseId: r.caseId, at: new Date(), actorType: "system", actorId: null, type: "letter.svarut_status", after: { letterId: r.letterId, status: s.status } } });
      }
    });
    changed++;
  }
  return changed;
}

/**
 * A reply from the archive (Fiks IO), matched to the message it answers. mottatt: nothing to do;
 * kvittering: delivered, with the numbers on the case; ugyldigforespoersel / ikkefunnet: refused
 * with the archive's text; serverfeil: tried again later. A reply to an older send of a message
 * that was sent again is ignored: the newer send gets its own reply with the same numbers.
 */
export async function handleArchiveReply(message: FiksIoIncoming): Promise<void> {
  if (!message.replyTo) return;
  // The archive may answer before the worker has recorded what it sent (the send returned, its
  // commit is on its way): look again for a few seconds before calling the reply stale.
  let row: { id: string; kind: string; caseId: string; attempts: number } | null = null;
  for (let attempt = 0; attempt < 10 && !row; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    row = await db().integrationMessage.findFirst({
      where: { transportMessageId: message.replyTo, status: "awaiting_reply" },
      select: { id: true, kind: true, caseId: true, attempts: true },
    });
  }
  if (!row) {
    logger.info("integration.reply_unmatched", { messageType: message.messageType });
    return;
  }
  const payload = message.files[0] ? new TextDecoder().decode(message.files[0].bytes) : "";
  const now = new Date();
  const fence = { id: row.id, status: "awaiting_reply", transportMessageId: message.replyTo };
  if (message.messageType === FIKS_ARKIV.opprettMottatt || message.messageType.endsWith(".mottatt")) return;

  if (message.messageType === FIKS_ARKIV.serverfeil) {
    await db().integrationMessage.updateMany({ where: fence, data: { status: "pending", nextAttemptAt: new Date(now.getTime() + integrationBackoffMs(row.attempts)), lastError: "serverfeil" } });
    return;
  }
  if (message.messageType === FIKS_ARKIV.ugyldigforespoersel || message.messageType === FIKS_ARKIV.ikkefunnet) {
    let refusal: string;
    try {
      refusal = parseErrorReply(payload).message;
    } catch {
      refusal = message.messageType;
    }
    await db().$transaction(async (tx) => {
      const { count } = await tx.integrationMessage.updateMany({ where: fence, data: { status: "refused", refusal: refusal.slice(0, 2000), lastError: "refused" } });
      if (count === 1) await tx.caseEvent.create({ data: { caseId: row.caseId, at: now, actorType: "system", actorId: null, type: "integration.refused", after: { integrationId: row.id, kind: row.kind } } });
    });
    logger.warn("integration.refused", { integrationId: row.id, kind: row.kind });
    return;
  }

  // A kvittering (opprett or oppdater).
  let entryReference: string | null = null;
  let caseNumber: string | null = null;
  let folderSystemId: string | null = null;
  if (payload) {
    const c = await db().case.findUniqueOrThrow({ where: { id: row.caseId }, select: { archiveCaseNumber: true } });
    const [year, seq] = (c.archiveCaseNumber ?? "").split("/").map(Number);
    const receipt = parseOpprettKvittering(payload, { knownCaseFolder: Number.isFinite(year) && Number.isFinite(seq) ? { caseYear: year!, caseSequence: seq! } : null });
    entryReference = receipt.journalEntry?.entryReference ?? null;
    caseNumber = receipt.caseFolder?.caseNumber ?? null;
    folderSystemId = receipt.caseFolder?.systemId ?? null;
  }
  await db().$transaction(async (tx) => {
    const { count } = await tx.integrationMessage.updateMany({
      where: fence,
      data: { status: "delivered", deliveredAt: now, externalId: entryReference ?? caseNumber, lastError: null },
    });
    if (count === 0) return;
    if (row.kind === "archive_case_folder" && caseNumber) {
      await tx.case.update({ where: { id: row.caseId }, data: { archiveCaseNumber: caseNumber, archiveFolderSystemId: folderSystemId } });
    }
    if (row.kind === "archive_close") await tx.case.update({ where: { id: row.caseId }, data: { archiveClosedAt: now } });
    await tx.caseEvent.create({
      data: { caseId: row.caseId, at: now, actorType: "system", actorId: null, type: "archive.journaled", after: { integrationId: row.id, kind: row.kind, entryReference, caseNumber } },
    });
  });
}
