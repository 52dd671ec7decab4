// Use cases: sign-in with a one-time code sent by e-mail (for people without a Norwegian eID).
// A 6-digit code, valid 10 minutes, at most 5 attempts; only an HMAC of it is stored. Asking for a
// new code invalidates the earlier ones. Sessions made this way have level "email_code".
import { randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/env";
import { lookupHash } from "@/lib/crypto/field-encryption";
import { DomainError } from "@/lib/domain/errors";
import { enforceRateLimits, verifyProofOfWork } from "@/lib/abuse";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { logger } from "@/lib/log";

export const EMAIL_CODE_TTL_MS = 10 * 60 * 1000;
export const EMAIL_CODE_MAX_ATTEMPTS = 5;

const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** Lower-cased, trimmed address, or null when it is not an e-mail address. */
export function normaliseEmail(input: unknown): string | null {
  const parsed = emailSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

function codeHash(email: string, code: string): string {
  return lookupHash(`email-code\u0000${email}\u0000${code}`);
}

export type RequestEmailCodeInput = {
  email: string;
  /** Client IP for the per-IP limit. */
  ip: string;
  /** The ALTCHA payload posted by the form (field PROOF_OF_WORK_FIELD). */
  proofOfWork: string | null | undefined;
  /** Language of the e-mail. */
  locale: string;
  now?: Date;
};

/**
 * Sends a new code to `email`. Throws DomainError("validation_failed", { field: "email" | "proofOfWork" })
 * and, past a limit, DomainError("rate_limited", { retryAfterSeconds }) from lib/abuse.
 */
export async function requestEmailCode(input: RequestEmailCodeInput): Promise<void> {
  const email = normaliseEmail(input.email);
  if (!email) throw new DomainError("validation_failed", { field: "email" });
  // No JavaScript, no proof of work: still served (people without eID must get in), but under
  // stricter limits. A proof that is present and wrong is refused.
  await enforceRateLimits([
    ["email_code_ip", input.ip],
    ["email_code_email", email],
    ...(input.proofOfWork
      ? []
      : ([
          ["email_code_nojs_ip", input.ip],
          ["email_code_nojs_email", email],
        ] as const)),
  ]);
  if (input.proofOfWork && !(await verifyProofOfWork(input.proofOfWork))) {
    throw new DomainError("validation_failed", { field: "proofOfWork" });
  }

  const now = input.now ?? new Date();
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const created = await db().$transaction(async (tx) => {
    // Only the newest code counts; earlier unused ones stop working now.
    await tx.emailCode.updateMany({
      where: { email, consumedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const row = await tx.emailCode.create({
      data: { email, codeHash: codeHash(email, code), expiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS), createdAt: now },
      select: { id: true },
    });
    await enqueueMail(tx, {
      to: email,
      template: "email_code",
      locale: input.locale,
      params: { code, link: `${publicUrl()}/login/code` },
    });
    return row;
  });
  kickOutbox();
  logger.info("citizen_auth.email_code_sent", { codeId: created.id });
}

export type VerifyEmailCodeResult =
  | { ok: true; email: string }
  | { ok: false; reason: "wrong_code"; attemptsLeft: number }
  /** No code was asked for this address, or it was already used: ask for a new one. */
  | { ok: false; reason: "no_code" | "expired" | "too_many_attempts" }
  /** Not six digits: not counted as an attempt. */
  | { ok: false; reason: "invalid_format" };

export type VerifyEmailCodeFailure = Exclude<VerifyEmailCodeResult, { ok: true }>;

/**
 * Checks `code` against the newest code sent to `email` and consumes it on success. Every wrong
 * guess counts; after the fifth the code is dead even if the next guess would be right.
 */
export async function verifyEmailCode(input: { email: string; code: string; now?: Date }): Promise<VerifyEmailCodeResult> {
  const email = normaliseEmail(input.email);
  const code = input.code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid_format" };
  if (!email) return { ok: false, reason: "no_code" };
  const now = input.now ?? new Date();

  const result = await db().$transaction(async (tx): Promise<VerifyEmailCodeResult & { codeId?: string }> => {
    // Lock the newest code so that concurrent guesses are counted one by one.
    const rows = await tx.$queryRaw<{ id: string; code_hash: string; expires_at: Date; attempts: number; consumed_at: Date | null }[]>`
      SELECT id::text AS id, code_hash, expires_at, attempts, consumed_at FROM email_code
      WHERE email = ${email} ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`;
    const row = rows[0];
    if (!row || row.consumed_at) return { ok: false, reason: "no_code" };
    if (row.attempts >= EMAIL_CODE_MAX_ATTEMPTS) return { ok: false, reason: "too_many_attempts", codeId: row.id };
    if (now.getTime() >= row.expires_at.getTime()) return { ok: false, reason: "expired", codeId: row.id };

    const expected = Buffer.from(row.code_hash, "hex");
    const actual = Buffer.from(codeHash(email, code), "hex");
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
      await tx.emailCode.update({ where: { id: row.id }, data: { consumedAt: now } });
      return { ok: true, email, codeId: row.id };
    }
    const attempts = row.attempts + 1;
    await tx.emailCode.update({ where: { id: row.id }, data: { attempts } });
    const attemptsLeft = EMAIL_CODE_MAX_ATTEMPTS - attempts;
    return attemptsLeft > 0
      ? { ok: false, reason: "wrong_code", attemptsLeft, codeId: row.id }
      : { ok: false, reason: "too_many_attempts", codeId: row.id };
  });

  const { codeId, ...outcome } = result;
  logger.info("citizen_auth.email_code_checked", { codeId, outcome: outcome.ok ? "ok" : outcome.reason });
  return outcome;
}
