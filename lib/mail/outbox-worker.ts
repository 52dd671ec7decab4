// Delivers queued e-mails, at least once and with a stable Message-ID, so that a repeat is
// recognisable as one. Per round (up to 25 rows):
//   1. claim: one committed UPDATE marks due `pending` rows (or `sending` rows whose lease ran
//      out: their worker crashed) `sending`, with the time of the claim and one more attempt. The
//      rows are chosen with FOR UPDATE SKIP LOCKED, so two workers never claim the same row.
//   2. SMTP, each with the row's own Message-ID (set when it was queued), four at a time.
//   3. `sent` in one UPDATE (failures back to `pending` with exponential backoff, finally
//      `failed`), fenced by the claim time, so a worker whose lease was taken over cannot
//      overwrite the newer claim.
// No transaction is held open during the SMTP call. If the database fails between 2 and 3, this
// process remembers the send and records it before it claims anything else once the database is
// back; only if the process dies too is the row sent again after the lease, with the same
// Message-ID. A mail is never sent twice with two different Message-IDs, and nothing is lost
// while the mail server or the database is down.
import { db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { MAIL_TEMPLATES, renderMail, type MailTemplate } from "./templates";
import { sendMail } from "./transport";

const BASE_BACKOFF_MS = 15_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/**
 * How long a row may stay `sending` before another worker takes it over (OUTBOX_LEASE_SECONDS,
 * 5 minutes by default): far longer than one SMTP call can take (transport.ts gives up after 10 s
 * without a connection or 20 s of silence).
 */
export function sendingLeaseMs(): number {
  return env().OUTBOX_LEASE_SECONDS * 1000;
}

export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

type ClaimedRow = {
  id: string;
  to_address: string;
  template: string;
  locale: string;
  params: unknown;
  attempts: number;
  message_id: string;
  claimed_at: Date;
};

/**
 * Mails this process sent whose `sent` status the database did not take (it was away at that
 * moment), by row id with the claim that sent them. One per process: a test passes its own to
 * play a second process (or one that crashed and so forgot). On globalThis like the worker's state:
 * Next.js loads this module once for instrumentation.ts (the poll) and again for the route
 * handlers (kickOutbox), and a send remembered by one copy was sent again by the other after the
 * lease (found by npm run test:faults, PostgreSQL killed under load).
 */
export type UnrecordedSends = Map<string, { claimedAt: Date; sentAt: Date }>;
const globalForUnrecorded = globalThis as unknown as { __outboxUnrecorded?: UnrecordedSends };
const unrecordedInThisProcess: UnrecordedSends = (globalForUnrecorded.__outboxUnrecorded ??= new Map());

async function markSent(id: string, claimedAt: Date, sentAt: Date): Promise<void> {
  const { count } = await db().mailOutbox.updateMany({
    where: { id, status: "sending", claimedAt },
    data: { status: "sent", sentAt, lastError: null },
  });
  // Only if this claim's lease ran out and another worker took the row over (it sends the same
  // Message-ID): nothing to overwrite.
  if (count === 0) logger.warn("mail.sent_after_lease", { outboxId: id });
}

/** Records the sends the database missed; throws (keeping the rest) while it is still away. */
async function recordUnrecorded(unrecorded: UnrecordedSends): Promise<void> {
  for (const [id, { claimedAt, sentAt }] of unrecorded) {
    await markSent(id, claimedAt, sentAt);
    unrecorded.delete(id);
    logger.info("mail.sent_recorded_late", { outboxId: id });
  }
}

/** Claims up to `count` due rows in one committed UPDATE (all with the same claim time). */
async function claimBatch(now: Date, count: number): Promise<ClaimedRow[]> {
  const leaseExpired = new Date(now.getTime() - sendingLeaseMs());
  const rows = await db().$queryRaw<ClaimedRow[]>`
    UPDATE mail_outbox SET status = 'sending', claimed_at = ${now}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM mail_outbox
      WHERE (status = 'pending' AND next_attempt_at <= ${now})
         OR (status = 'sending' AND claimed_at <= ${leaseExpired})
      ORDER BY next_attempt_at, created_at
      LIMIT ${count} FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address, template, locale, params, attempts, message_id, claimed_at`;
  return rows.map((row) => ({ ...row, claimed_at: new Date(row.claimed_at) }));
}

/** Marks the batch's sent rows `sent` in one statement, each with its own send time, fenced by the claim. */
async function markSentBatch(sent: { id: string; sentAt: Date }[], claimedAt: Date): Promise<void> {
  if (sent.length === 0) return;
  const count = await db().$executeRaw`
    UPDATE mail_outbox m SET status = 'sent', sent_at = v.sent_at, last_error = NULL
      FROM unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.sentAt.toISOString())}::timestamptz[]) AS v(id, sent_at)
     WHERE m.id = v.id AND m.status = 'sending' AND m.claimed_at = ${claimedAt}`;
  // Fewer only if a claim's lease ran out and another worker took the row over (it sends the same
  // Message-ID): nothing to overwrite.
  if (count < sent.length) logger.warn("mail.sent_after_lease", { rows: sent.length - count });
}

/**
 * Sends at most `limit` due mails: claims them in one statement, sends them on `lanes` SMTP
 * connections at once, then marks them sent in one statement. No row lock
 * is held while sending: the claim is committed (the `sending` status and its lease) first.
 * Returns how many were sent and how many failed this round. Throws when the database fails (the
 * caller logs it and tries again at the next poll); what was sent is remembered and recorded then.
 */
export async function processOutbox(options: { now?: Date; limit?: number; lanes?: number; unrecorded?: UnrecordedSends } = {}) {
  const unrecorded = options.unrecorded ?? unrecordedInThisProcess;
  const limit = options.limit ?? 25;
  const maxAttempts = env().OUTBOX_MAX_ATTEMPTS;
  // First what this process already sent: otherwise its lease would run out and the row go twice.
  await recordUnrecorded(unrecorded);
  const now = options.now ?? new Date();
  const rows = await claimBatch(now, limit);
  if (rows.length === 0) return { sent: 0, failed: 0 };
  const claimedAt = rows[0]!.claimed_at;
  const sent: { id: string; sentAt: Date }[] = [];
  const failures: { row: ClaimedRow; code: string }[] = [];
  let next = 0;

  async function lane() {
    for (let i = next++; i < rows.length; i = next++) {
      const row = rows[i]!;
      try {
        if (!(MAIL_TEMPLATES as readonly string[]).includes(row.template)) throw new Error(`unknown template ${row.template}`);
        const mail = renderMail(row.template as MailTemplate, row.locale, row.params);
        await sendMail({ to: row.to_address, messageId: row.message_id, ...mail });
        sent.push({ id: row.id, sentAt: new Date() });
      } catch (error) {
        // The error text of an SMTP failure can echo the recipient address: keep only the code.
        const code = (error as { code?: string; responseCode?: number }).code ?? (error as Error).name;
        failures.push({ row, code: String(code) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.lanes ?? 1, rows.length)) }, lane));

  try {
    await markSentBatch(sent, claimedAt);
  } catch (error) {
    // The mail server has them, the database does not know yet: remember, record when it is back.
    for (const s of sent) unrecorded.set(s.id, { claimedAt, sentAt: s.sentAt });
    logger.warn("mail.sent_unrecorded", { rows: sent.length });
    throw error;
  }
  for (const { row, code } of failures) {
    const giveUp = row.attempts >= maxAttempts;
    await db().mailOutbox.updateMany({
      where: { id: row.id, status: "sending", claimedAt: row.claimed_at },
      data: { status: giveUp ? "failed" : "pending", nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)), lastError: code.slice(0, 200) },
    });
    logger.warn("mail.send_failed", { outboxId: row.id, attempts: row.attempts, giveUp, code });
  }
  return { sent: sent.length, failed: failures.length };
}

const ROUND_SIZE = 25;
/**
 * SMTP connections at once. A mail server keeps each new connection waiting for its greeting
 * (smtp-server, the demo catcher, waits 100 ms against clients that talk too soon), so one
 * connection at a time sends fewer than ten mails a second.
 */
const LANES = 4;

/**
 * Runs rounds until one comes back less than full: a reminder run queues hundreds of mails at
 * once, and one round per poll interval would leave the last of them waiting for minutes.
 */
export async function drainOutbox(stop: () => boolean = () => false) {
  const total = { sent: 0, failed: 0, rounds: 0 };
  for (;;) {
    const round = await processOutbox({ limit: ROUND_SIZE, lanes: LANES });
    total.sent += round.sent;
    total.failed += round.failed;
    total.rounds++;
    if (round.sent + round.failed < ROUND_SIZE || stop()) return total;
  }
}

type WorkerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean; stopped: boolean };
const globalForWorker = globalThis as unknown as { __outboxWorker?: WorkerState };

async function runOnce(state: WorkerState) {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      await drainOutbox(() => state.stopped);
    } while (state.again && !state.stopped);
  } catch (error) {
    logger.error("mail.outbox_round_failed", { error: (error as Error).message });
  } finally {
    state.running = false;
  }
}

/** Starts polling in this process (idempotent). */
export function startOutboxWorker(options: { keepAlive?: boolean } = {}) {
  if (globalForWorker.__outboxWorker) return;
  const state: WorkerState = { running: false, again: false, stopped: false };
  globalForWorker.__outboxWorker = state;
  state.timer = setInterval(() => void runOnce(state), env().OUTBOX_POLL_MS);
  // Inside the app the server keeps the process alive; a standalone worker needs the timer to.
  if (!options.keepAlive) state.timer.unref();
  void runOnce(state);
}

/** Asks the worker to look now (after a commit that queued mail), instead of at the next poll. */
export function kickOutbox() {
  const state = globalForWorker.__outboxWorker;
  if (state) void runOnce(state);
}

export function stopOutboxWorker() {
  const state = globalForWorker.__outboxWorker;
  if (!state) return;
  state.stopped = true;
  clearInterval(state.timer);
  globalForWorker.__outboxWorker = undefined;
}
