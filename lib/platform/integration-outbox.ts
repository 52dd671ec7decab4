// The integration outbox's write side: called with the transaction that makes the change, so the
// call to the archive, SvarUt or KRR exists if and only if the change committed. The rows carry ids
// and an idempotency key only; integration-worker.ts builds and delivers the messages.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { platformSettings, type PlatformSettings } from "./config";

export const INTEGRATION_KINDS = ["archive_case_folder", "archive_letter", "archive_close", "svarut_letter", "krr_lookup"] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];
export const INTEGRATION_STATUSES = ["pending", "sending", "awaiting_reply", "delivered", "refused", "failed"] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

type CaseRef = { caseId: string; municipalityId: string };

async function insert(tx: Tx, row: CaseRef & { kind: IntegrationKind; key: string; letterId?: string | null; dependsOnId?: string | null; at?: Date; dueAt?: Date }) {
  // A repeat of the same cause (the same letter, the same closing) is the same row: the key is unique.
  const existing = await tx.integrationMessage.findUnique({ where: { idempotencyKey: row.key }, select: { id: true } });
  if (existing) return existing.id;
  const id = randomUUID();
  await tx.integrationMessage.create({
    data: {
      id,
      municipalityId: row.municipalityId,
      caseId: row.caseId,
      letterId: row.letterId ?? null,
      kind: row.kind,
      idempotencyKey: row.key,
      dependsOnId: row.dependsOnId ?? null,
      ...(row.at ? { createdAt: row.at, nextAttemptAt: row.dueAt ?? row.at } : {}),
    },
  });
  return id;
}

/**
 * The case folder's row (the request as the incoming journal entry), created now if the case has
 * none: a case filed before the archive integration was switched on gets its folder with its first
 * letter. Returns null when the archive integration is off.
 */
export async function ensureCaseFolderInTx(tx: Tx, c: CaseRef & { receiptLetterId?: string | null; at?: Date }, settings: PlatformSettings = platformSettings()): Promise<string | null> {
  if (!settings.archive) return null;
  const found = await tx.integrationMessage.findFirst({ where: { caseId: c.caseId, kind: "archive_case_folder" }, select: { id: true } });
  if (found) return found.id;
  return insert(tx, { ...c, kind: "archive_case_folder", key: `arkiv:${c.caseId}:mappe`, letterId: c.receiptLetterId ?? null });
}

/** A request was received: its case folder in the archive, and (fødselsnummer known) a KRR look-up. */
export async function enqueueCaseFiledInTx(
  tx: Tx,
  c: CaseRef & { receiptLetterId: string | null; hasNationalId: boolean; at?: Date },
  settings: PlatformSettings = platformSettings(),
): Promise<void> {
  await ensureCaseFolderInTx(tx, c, settings);
  if (settings.krr && c.hasNationalId) await insert(tx, { ...c, kind: "krr_lookup", key: `krr:${c.caseId}:innsending` });
}

/** SvarUt sends a case's letters when the municipality has it and the requester's fødselsnummer is known. */
export function svarUtTakesLetters(hasNationalId: boolean, settings: PlatformSettings = platformSettings()): boolean {
  return settings.svarut !== null && hasNationalId;
}

/**
 * A letter was written: its outgoing journal entry (after the case folder), and its SvarUt
 * forsendelse when `viaSvarUt`. The receipt is the case folder's own document, not a letter entry.
 */
export async function enqueueLetterInTx(
  tx: Tx,
  c: CaseRef & { letterId: string; viaSvarUt: boolean; at?: Date },
  settings: PlatformSettings = platformSettings(),
): Promise<void> {
  const folderId = await ensureCaseFolderInTx(tx, c, settings);
  if (folderId) await insert(tx, { ...c, kind: "archive_letter", key: `arkiv:${c.caseId}:brev:${c.letterId}`, letterId: c.letterId, dependsOnId: folderId });
  if (c.viaSvarUt && settings.svarut) {
    // The KRR look-up comes first when there is one still waiting (KRR was down at filing).
    const krr = await tx.integrationMessage.findFirst({ where: { caseId: c.caseId, kind: "krr_lookup", status: { in: ["pending", "sending"] } }, select: { id: true } });
    await insert(tx, { ...c, kind: "svarut_letter", key: `svarut:${c.letterId}`, letterId: c.letterId, dependsOnId: krr?.id ?? null });
  }
}

/**
 * The case was closed: close its folder in the archive (once per closing; a reopened case closes
 * again). Due after a grace period (ARCHIVE_CLOSE_GRACE_SECONDS, an hour by default): the decision
 * closes the case and the response letter follows it, and an archive takes no new entries into a
 * closed folder. The closing also waits for every letter entry of the case (integration-worker.ts).
 */
export async function enqueueCaseClosedInTx(tx: Tx, c: CaseRef & { closedAt: Date }, settings: PlatformSettings = platformSettings()): Promise<void> {
  const folderId = await ensureCaseFolderInTx(tx, c, settings);
  if (!folderId) return;
  await insert(tx, { ...c, kind: "archive_close", key: `arkiv:${c.caseId}:avslutt:${c.closedAt.toISOString()}`, dependsOnId: folderId, at: c.closedAt, dueAt: new Date(c.closedAt.getTime() + (settings.archive?.closeGraceSeconds ?? 0) * 1000) });
}
