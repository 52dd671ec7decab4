// E-mail sign-in codes against the real database: expiry on a controlled clock, the attempt limit,
// a new code replacing the old, nothing but a hash stored, and a mail with only the code and a link.
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { db, disconnectDb } from "@/lib/db/client";
import { issueChallenge } from "@/lib/abuse/proof-of-work";
import { requestEmailCode, verifyEmailCode } from "@/lib/citizen-auth/email-code";
import { renderMail } from "@/lib/mail/templates";
import { isDomainError } from "@/lib/domain/errors";

beforeAll(() => {
  process.env.FIELD_ENCRYPTION_KEYS ||= `k1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ||= randomBytes(32).toString("base64url");
});
afterAll(async () => {
  await disconnectDb();
});

const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + (minutes * 60 + seconds) * 1000);
const uniqueEmail = () => `code-${randomBytes(6).toString("hex")}@example.test`;
const testIp = () => `198.51.100.${randomInt(1, 255)}`;

/** A real ALTCHA solution, as the widget would post it. */
async function proofOfWork() {
  const challenge = await issueChallenge();
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString(
    "base64",
  );
}

/** Asks for a code at `now` and returns it as the mail in the outbox carries it. */
async function sendCode(email: string, now = T0, typed = email) {
  await requestEmailCode({ email: typed, ip: testIp(), proofOfWork: await proofOfWork(), locale: "nb", now });
  const mail = await db().mailOutbox.findFirstOrThrow({
    where: { toAddress: email, template: "email_code" },
    orderBy: { createdAt: "desc" },
  });
  return { code: (mail.params as { code: string }).code, mail };
}

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("requestEmailCode / verifyEmailCode", () => {
  it("accepts the code at 9:59 after sending", async () => {
    const email = uniqueEmail();
    const { code } = await sendCode(email);
    expect(await verifyEmailCode({ email, code, now: at(9, 59) })).toEqual({ ok: true, email });
  });

  it("refuses the right code at 10:01 as expired", async () => {
    const email = uniqueEmail();
    const { code } = await sendCode(email);
    expect(await verifyEmailCode({ email, code, now: at(10, 1) })).toEqual({ ok: false, reason: "expired" });
    const row = await db().emailCode.findFirstOrThrow({ where: { email } });
    expect(row.consumedAt).toBeNull();
  });

  it("uses a code once", async () => {
    const email = uniqueEmail();
    const { code } = await sendCode(email);
    expect((await verifyEmailCode({ email, code, now: at(1) })).ok).toBe(true);
    expect(await verifyEmailCode({ email, code, now: at(2) })).toEqual({ ok: false, reason: "no_code" });
  });

  it("counts down the attempts, and after 5 wrong ones the right code no longer works", async () => {
    const email = uniqueEmail();
    const { code } = await sendCode(email);
    const wrong = otherCode(code);
    for (const left of [4, 3, 2, 1]) {
      expect(await verifyEmailCode({ email, code: wrong, now: at(1) })).toEqual({ ok: false, reason: "wrong_code", attemptsLeft: left });
    }
    expect(await verifyEmailCode({ email, code: wrong, now: at(1) })).toEqual({ ok: false, reason: "too_many_attempts" });
    expect(await verifyEmailCode({ email, code, now: at(2) })).toEqual({ ok: false, reason: "too_many_attempts" });
    const row = await db().emailCode.findFirstOrThrow({ where: { email } });
    expect(row.attempts).toBe(5);
    expect(row.consumedAt).toBeNull();
  });

  it("counts concurrent wrong guesses one by one and never past 5", async () => {
    const email = uniqueEmail();
    const { code } = await sendCode(email);
    const results = await Promise.all(Array.from({ length: 12 }, () => verifyEmailCode({ email, code: otherCode(code), now: at(1) })));
    const wrong = results.filter((r) => !r.ok && r.reason === "wrong_code").map((r) => (r as { attemptsLeft: number }).attemptsLeft);
    expect(wrong.sort()).toEqual([1, 2, 3, 4]);
    expect(results.filter((r) => !r.ok && r.reason === "too_many_attempts")).toHaveLength(8);
    expect((await db().emailCode.findFirstOrThrow({ where: { email } })).attempts).toBe(5);
  });

  it("does not count a code that is not six digits as an attempt", async () => {
    const email = uniqueEmail();
    await sendCode(email);
    expect(await verifyEmailCode({ email, code: "12a456", now: at(1) })).toEqual({ ok: false, reason: "invalid_format" });
    expect((await db().emailCode.findFirstOrThrow({ where: { email } })).attempts).toBe(0);
  });

  it("a new code makes the old one stop working", async () => {
    const email = uniqueEmail();
    const first = await sendCode(email, at(0));
    const second = await sendCode(email, at(1));
    expect(second.code).toMatch(/^\d{6}$/);
    const rows = await db().emailCode.findMany({ where: { email }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.expiresAt.getTime()).toBeLessThanOrEqual(at(1).getTime());
    if (first.code !== second.code) {
      expect(await verifyEmailCode({ email, code: first.code, now: at(2) })).toMatchObject({ ok: false, reason: "wrong_code" });
    }
    expect(await verifyEmailCode({ email, code: second.code, now: at(2) })).toEqual({ ok: true, email });
  });

  it("stores only a hash of the code: no row holds the code in clear", async () => {
    const email = uniqueEmail();
    const { code } = await sendCode(email);
    const rows = await db().$queryRaw<Record<string, unknown>[]>`SELECT * FROM email_code WHERE email = ${email}`;
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(code);
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("queues one mail with the code and the link, and nothing else", async () => {
    const email = uniqueEmail();
    const { code, mail } = await sendCode(email);
    expect(mail.params).toEqual({ code, link: `${process.env.PUBLIC_URL}/login/code` });
    expect(mail.caseId).toBeNull();
    expect(await db().mailOutbox.count({ where: { toAddress: email } })).toBe(1);
    const rendered = renderMail("email_code", mail.locale, mail.params);
    expect(rendered.subject).toContain(code);
    expect(rendered.text).toContain(code);
    expect(rendered.text).toContain(`${process.env.PUBLIC_URL}/login/code`);
    expect(rendered.text).not.toContain(email);
    expect(rendered.html).not.toContain(email);
  });

  it("normalises the address: a code sent to Name@Example.test works for name@example.test", async () => {
    const email = uniqueEmail();
    const { code } = await sendCode(email, T0, ` ${email.toUpperCase()}`);
    expect(await verifyEmailCode({ email: ` ${email} `, code, now: at(1) })).toEqual({ ok: true, email });
  });

  it("refuses a forged proof of work and writes nothing", async () => {
    const email = uniqueEmail();
    for (const proofOfWork of ["bm9wZQ==", "x", "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0="]) {
      const error = await requestEmailCode({ email, ip: testIp(), proofOfWork, locale: "nb", now: T0 }).catch((e: unknown) => e);
      expect(isDomainError(error, "validation_failed")).toBe(true);
      expect((error as { details?: { field?: string } }).details?.field).toBe("proofOfWork");
    }
    expect(await db().emailCode.count({ where: { email } })).toBe(0);
    expect(await db().mailOutbox.count({ where: { toAddress: email } })).toBe(0);
  });

  it("serves a request without proof of work (no JavaScript) under a stricter limit of 3 per hour", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 3; i++) {
      await requestEmailCode({ email, ip: testIp(), proofOfWork: i === 0 ? undefined : "", locale: "nb", now: T0 });
    }
    const error = await requestEmailCode({ email, ip: testIp(), proofOfWork: undefined, locale: "nb", now: T0 }).catch((e: unknown) => e);
    expect(isDomainError(error, "rate_limited")).toBe(true);
    expect(await db().emailCode.count({ where: { email } })).toBe(3);
    // With a real proof of work the ordinary limit (5) still has room.
    await requestEmailCode({ email, ip: testIp(), proofOfWork: await proofOfWork(), locale: "nb", now: T0 });
    expect(await db().emailCode.count({ where: { email } })).toBe(4);
  });

  it("refuses an address that is not one", async () => {
    const error = await requestEmailCode({ email: "not-an-address", ip: testIp(), proofOfWork: "x", locale: "nb" }).catch((e: unknown) => e);
    expect(isDomainError(error, "validation_failed")).toBe(true);
    expect((error as { details?: { field?: string } }).details?.field).toBe("email");
  });
});
