// Delivers the integration outbox (integration-outbox.ts), with the mail outbox's guarantees:
//   1. claim: one committed UPDATE marks due rows `sending` (FOR UPDATE SKIP LOCKED, so two workers
//      or instances never take the same row), with the claim time and one more attempt. Due: pending
//      rows whose time has come, `sending` rows whose lease ran out (their worker died), and
//      `awaiting_reply` rows the archive has not answered in time (sent again: the archive knows the
//      repeat by its referanseEksternNoekkel, SvarUt by its eksternReferanse). A row waits for the
//      row it depends on (a letter's journal entry for its case folder), and a closing for every
//      letter entry of its case.
//   2. the call, with no transaction open.
//   3. the outcome, fenced by the claim time, with its case event in one transaction.
// A receiver's refusal (invalid message) is `refused` with its text, for staff to see and retry
// after a fix; anything else is retried with exponential backoff until OUTBOX_MAX_ATTEMPTS.
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import type { IntegrationKind } from "./integration-outbox";

const BASE_BACKOFF_MS = 15_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** How long the archive may take to answer before the message is sent again. */
export const REPLY_TIMEOUT_MS = 15 * 60_000;

export function integrationBackoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export type ClaimedIntegration = {
  id: string;
  kind: IntegrationKind;
  caseId: string;
  municipalityId: string;
  letterId: string | null;
  idempotencyKey: string;
  attempts: number;
  claimedAt: Date;
  externalId: string | null;
};

/** What a delivery ended in. Throw IntegrationRefused for a refusal, anything else to retry. */
export type DeliveryOutcome =
  | { outcome: "delivered"; externalId?: string | null; deliveryStatus?: string | null; event?: { type: string; after: Record<string, unknown> }; apply?: (tx: Tx) => Promise<void> }
  | { outcome: "awaiting_reply"; transportMessageId: string };

export class IntegrationRefused extends Error {
  constructor(public refusal: string) {
    super("refused");
  }
}

/** An error whose code may be stored and logged: never a message that could echo personal data. */
export function errorCode(error: unknown): string {
  const e = error as { code?: unknown; name?: string };
  return String(typeof e.code === "string" ? e.code : e.name ?? "Error").slice(0, 100);
}

export type IntegrationHandlers = Partial<Record<IntegrationKind, (row: ClaimedIntegration) => Promise<DeliveryOutcome>>>;

type RawClaimed = {
  id: string;
  kind: IntegrationKind;
  case_id: string;
  municipality_id: string;
  letter_id: string | null;
  idempotency_key: string;
  attempts: number;
  claimed_at: Date;
  external_id: string | null;
};

async function claim(now: Date, limit: number, kinds: readonly IntegrationKind[]): Promise<ClaimedIntegration[]> {
  if (kinds.length === 0) return [];
  const leaseExpired = new Date(now.getTime() - env().OUTBOX_LEASE_SECONDS * 1000);
  const replyOverdue = new Date(now.getTime() - REPLY_TIMEOUT_MS);
  const rows = await db().$queryRaw<RawClaimed[]>`
    UPDATE integration_message SET status = 'sending', claimed_at = ${now}, attempts = attempts + 1
    WHERE id IN (
      SELECT m.id FROM integration_message m
      WHERE m.kind = ANY(${kinds as unknown as string[]}::text[])
        AND ((m.status = 'pending' AND m.next_attempt_at <= ${now})
          OR (m.status = 'sending' AND m.claimed_at <= ${leaseExpired})
          OR (m.status = 'awaiting_reply' AND m.sent_at <= ${replyOverdue}))
        AND (m.depends_on_id IS NULL
          OR EXISTS (SELECT 1 FROM integration_message d WHERE d.id = m.depends_on_id AND d.status = 'delivered'))
        AND NOT (m.kind = 'archive_close' AND EXISTS (
          SELECT 1 FROM integration_message l WHERE l.case_id = m.case_id AND l.kind = 'archive_letter' AND l.status <> 'delivered'))
      ORDER BY m.next_attempt_at, m.created_at
      LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, case_id, municipality_id, letter_id, idempotency_key, attempts, claimed_at, external_id`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    caseId: r.case_id,
    municipalityId: r.municipality_id,
    letterId: r.letter_id,
    idempotencyKey: r.idempotency_key,
    attempts: r.attempts,
    claimedAt: new Date(r.claimed_at),
    externalId: r.external_id,
  }));
}

async function record(row: ClaimedIntegration, result: DeliveryOutcome, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    const fence = { id: row.id, status: "sending", claimedAt: row.claimedAt };
    if (result.outcome === "awaiting_reply") {
      await tx.integrationMessage.updateMany({
        where: fence,
        data: { status: "awaiting_reply", transportMessageId: result.transportMessageId, sentAt: now, lastError: null },
      });
      return;
    }
    const { count } = await tx.integrationMessage.updateMany({
      where: fence,
      data: {
        status: "delivered",
        sentAt: now,
        deliveredAt: now,
        lastError: null,
        refusal: null,
        ...(result.externalId !== undefined ? { externalId: result.externalId } : {}),
        ...(result.deliveryStatus ? { deliveryStatus: result.deliveryStatus, deliveryStatusAt: now } : {}),
      },
    });
    if (count === 0) return; // the lease ran out and another worker owns the row now
    await result.apply?.(tx);
    if (result.event) {
      await tx.caseEvent.create({ data: { caseId: row.caseId, at: now, actorType: "system", actorId: null, type: result.event.type, after: result.event.after as object } });
    }
  });
}

async function recordFailure(row: ClaimedIntegration, error: unknown, now: Date): Promise<void> {
  const fence = { id: row.id, status: "sending", claimedAt: row.claimedAt };
  if (error instanceof IntegrationRefused) {
    await db().$transaction(async (tx) => {
      const { count } = await tx.integrationMessage.updateMany({ where: fence, data: { status: "refused", refusal: error.refusal.slice(0, 2000), lastError: "refused" } });
      if (count === 1) {
        await tx.caseEvent.create({ data: { caseId: row.caseId, at: now, actorType: "system", actorId: null, type: "integration.refused", after: { integrationId: row.id, kind: row.kind } } });
      }
    });
    logger.warn("integration.refused", { integrationId: row.id, kind: row.kind });
    return;
  }
  const code = errorCode(error);
  const giveUp = row.attempts >= env().OUTBOX_MAX_ATTEMPTS;
  await db().integrationMessage.updateMany({
    where: fence,
    data: { status: giveUp ? "failed" : "pending", nextAttemptAt: new Date(now.getTime() + integrationBackoffMs(row.attempts)), lastError: code },
  });
  logger.warn("integration.failed", { integrationId: row.id, kind: row.kind, attempts: row.attempts, giveUp, code });
}

/** One round: claims up to `limit` due rows of the kinds that have a handler and delivers them. */
export async function processIntegrations(handlers: IntegrationHandlers, options: { now?: Date; limit?: number } = {}) {
  const now = options.now ?? new Date();
  const kinds = Object.keys(handlers) as IntegrationKind[];
  const rows = await claim(now, options.limit ?? 20, kinds);
  let delivered = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      const result = await handlers[row.kind]!(row);
      await record(row, result, new Date());
      delivered++;
    } catch (error) {
      failed++;
      await recordFailure(row, error, new Date());
    }
  }
  return { claimed: rows.length, delivered, failed };
}

/** Rounds until one comes back less than full (a reminder run or a catch-up queues many at once). */
export async function drainIntegrations(handlers: IntegrationHandlers, stop: () => boolean = () => false) {
  const total = { claimed: 0, delivered: 0, failed: 0 };
  for (;;) {
    const round = await processIntegrations(handlers, { limit: 20 });
    total.claimed += round.claimed;
    total.delivered += round.delivered;
    total.failed += round.failed;
    if (round.claimed < 20 || stop()) return total;
  }
}

/**
 * Staff asked to try a refused or failed message again (after fixing what the receiver refused):
 * back to pending now, with its case event, in one transaction. Only a refused or failed row moves.
 */
export async function retryIntegrationInTx(tx: Tx, input: { integrationId: string; caseId: string; staffUserId: string; now: Date }): Promise<boolean> {
  const { count } = await tx.integrationMessage.updateMany({
    where: { id: input.integrationId, caseId: input.caseId, status: { in: ["refused", "failed"] } },
    data: { status: "pending", nextAttemptAt: input.now, attempts: 0, refusal: null, lastError: null },
  });
  if (count === 1) {
    await tx.caseEvent.create({ data: { caseId: input.caseId, at: input.now, actorType: "staff", actorId: input.staffUserId, type: "integration.retried", after: { integrationId: input.integrationId } } });
  }
  return count === 1;
}
