// Delivers queued e-mails. Each row is claimed with FOR UPDATE SKIP LOCKED inside its own
// transaction, so several app instances never send the same mail twice; a failed send is retried
// with exponential backoff and nothing is lost while the mail server is down.
import { db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { MAIL_TEMPLATES, renderMail, type MailTemplate } from "./templates";
import { sendMail } from "./transport";

const BASE_BACKOFF_MS = 15_000;
const MAX_BACKOFF_MS = 60 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

type ClaimedRow = { id: string; to_address: string; template: string; locale: string; params: unknown; attempts: number };

/** Sends at most `limit` due mails. Returns how many were sent and how many failed this round. */
export async function processOutbox(options: { now?: Date; limit?: number } = {}) {
  const limit = options.limit ?? 25;
  const maxAttempts = env().OUTBOX_MAX_ATTEMPTS;
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const now = options.now ?? new Date();
    const outcome = await db().$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<ClaimedRow[]>`
          SELECT id, to_address, template, locale, params, attempts FROM mail_outbox
          WHERE status = 'pending' AND next_attempt_at <= ${now}
          ORDER BY next_attempt_at, created_at
          LIMIT 1 FOR UPDATE SKIP LOCKED`;
        const row = rows[0];
        if (!row) return "empty" as const;
        try {
          if (!(MAIL_TEMPLATES as readonly string[]).includes(row.template)) {
            throw new Error(`unknown template ${row.template}`);
          }
          const mail = renderMail(row.template as MailTemplate, row.locale, row.params);
          await sendMail({ to: row.to_address, ...mail });
          await tx.mailOutbox.update({
            where: { id: row.id },
            data: { status: "sent", sentAt: new Date(), attempts: row.attempts + 1, lastError: null },
          });
          return "sent" as const;
        } catch (error) {
          const attempts = row.attempts + 1;
          const giveUp = attempts >= maxAttempts;
          // The error text of an SMTP failure can echo the recipient address: keep only the code.
          const code = (error as { code?: string; responseCode?: number }).code ?? (error as Error).name;
          await tx.mailOutbox.update({
            where: { id: row.id },
            data: {
              attempts,
              status: giveUp ? "failed" : "pending",
              nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
              lastError: String(code).slice(0, 200),
            },
          });
          logger.warn("mail.send_failed", { outboxId: row.id, attempts, giveUp, code: String(code) });
          return "failed" as const;
        }
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (outcome === "empty") break;
    if (outcome === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
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
      await processOutbox();
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
