import { afterAll, afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { bucketKey, enforceRateLimit, enforceRateLimits, hitRateLimit, hitRateLimits, purgeExpiredAbuseRecords } from "@/lib/abuse/rate-limit";
import { enforceRateLimit as enforceFromIndex } from "@/lib/abuse";
import { isDomainError } from "@/lib/domain/errors";

const originalLimits = process.env.RATE_LIMITS;

afterEach(() => {
  if (originalLimits === undefined) delete process.env.RATE_LIMITS;
  else process.env.RATE_LIMITS = originalLimits;
});

afterAll(async () => {
  await disconnectDb();
});

describe("rate limits in PostgreSQL", () => {
  it("is exact under concurrency: 25 parallel hits on a 20-limit rule let exactly 20 through", async () => {
    process.env.RATE_LIMITS = "submit_ip=20/3600";
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    const outcomes = await Promise.allSettled(Array.from({ length: 25 }, () => enforceFromIndex("submit_ip", ip)));
    const passed = outcomes.filter((o) => o.status === "fulfilled").length;
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(passed).toBe(20);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      const error = (r as PromiseRejectedResult).reason;
      expect(isDomainError(error, "rate_limited")).toBe(true);
      const seconds = Number(error.details.retryAfterSeconds);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(3600);
    }
    const rows = await db().rateLimitBucket.findMany({ where: { key: bucketKey("submit_ip", ip) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(25);
  });

  it("counts several rules in one statement, each exactly, and throws the first rule past its limit", async () => {
    process.env.RATE_LIMITS = "submit_api_key=30/3600,submit_ip=20/3600";
    const apiKey = `key-${randomUUID()}`;
    const ip = `198.51.100.7-${randomUUID()}`;
    // Both buckets in every statement, listed in both orders: the key order inside the statement
    // keeps parallel statements from deadlocking on each other's rows.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        enforceRateLimits(
          i % 2 === 0
            ? [["submit_api_key", apiKey], ["submit_ip", ip]]
            : [["submit_ip", ip], ["submit_api_key", apiKey]],
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(20);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => o.reason);
    expect(refused).toHaveLength(5);
    for (const error of refused) {
      expect(isDomainError(error, "rate_limited")).toBe(true);
      expect(error.details.rule).toBe("submit_ip");
    }
    const counts = await db().rateLimitBucket.findMany({ where: { key: { in: [bucketKey("submit_api_key", apiKey), bucketKey("submit_ip", ip)] } } });
    expect(counts.map((r) => r.count)).toEqual([25, 25]);

    // The results come back in the order asked, whatever the order inside the statement.
    const [api, byIp] = await hitRateLimits([["submit_api_key", apiKey], ["submit_ip", ip]]);
    expect(api).toMatchObject({ allowed: true, count: 26, limit: 30 });
    expect(byIp).toMatchObject({ allowed: false, count: 26, limit: 20 });
    // The first rule past its limit, in the caller's order, is the one reported.
    process.env.RATE_LIMITS = "submit_api_key=1/3600,submit_ip=1/3600";
    await expect(enforceRateLimits([["submit_api_key", apiKey], ["submit_ip", ip]])).rejects.toMatchObject({ details: { rule: "submit_api_key" } });
    // An unknown client address is not counted (no shared bucket), the other rule still is.
    const fresh = `key-${randomUUID()}`;
    await enforceRateLimits([["submit_ip", "unknown"], ["submit_api_key", fresh]]);
    await expect(enforceRateLimits([["submit_ip", "unknown"], ["submit_api_key", fresh]])).rejects.toMatchObject({ details: { rule: "submit_api_key" } });
    expect(await db().rateLimitBucket.count({ where: { key: bucketKey("submit_ip", "unknown") } })).toBe(0);
  });

  it("starts over in the next window, and says how long to wait", async () => {
    process.env.RATE_LIMITS = "email_code_email=2/60";
    const email = `someone-${randomUUID()}@example.test`;
    const t0 = new Date("2026-05-04T10:00:10.000Z");
    expect((await hitRateLimit("email_code_email", email, t0)).allowed).toBe(true);
    expect((await hitRateLimit("email_code_email", email, new Date(t0.getTime() + 20_000))).allowed).toBe(true);
    const third = await hitRateLimit("email_code_email", email, new Date(t0.getTime() + 30_000));
    expect(third).toMatchObject({ allowed: false, count: 3, limit: 2, retryAfterSeconds: 20 });
    // 10:01:00 is a new window.
    const next = await hitRateLimit("email_code_email", email, new Date("2026-05-04T10:01:00.000Z"));
    expect(next).toMatchObject({ allowed: true, count: 1 });
  });

  it("counts keys separately per rule and ignores case and spaces in the key", async () => {
    process.env.RATE_LIMITS = "email_code_email=1/3600,message_identity=1/3600";
    const email = `Case-${randomUUID()}@Example.test`;
    await enforceRateLimit("email_code_email", email);
    await expect(enforceRateLimit("email_code_email", ` ${email.toLowerCase()} `)).rejects.toMatchObject({ code: "rate_limited" });
    // Same key, another rule: its own bucket.
    await expect(enforceRateLimit("message_identity", email)).resolves.toBeUndefined();
  });

  it("never stores the key in clear", async () => {
    const email = `private-${randomUUID()}@example.test`;
    const ip = "203.0.113.77";
    await enforceRateLimit("email_code_email", email);
    await enforceRateLimit("login_ip", ip);
    const rows = await db().$queryRaw<{ key: string }[]>`SELECT key FROM rate_limit_bucket`;
    const all = rows.map((r) => r.key).join("\n");
    expect(all).not.toContain(email);
    expect(all).not.toContain(email.split("@")[0]!);
    expect(all).not.toContain(ip);
    const stored = bucketKey("email_code_email", email);
    expect(rows.map((r) => r.key)).toContain(stored);
    expect(stored).toMatch(/^email_code_email:[A-Za-z0-9_-]{43}$/);
    // A plain (unkeyed) SHA-256 of the key would be guessable from a list of addresses: not that either.
    const { createHash } = await import("node:crypto");
    const plainHash = createHash("sha256").update(`email_code_email:${email}`).digest("base64url");
    expect(all).not.toContain(plainHash);
  });

  it("does not count per-IP rules when the client IP is unknown (no shared bucket for everyone)", async () => {
    process.env.RATE_LIMITS = "submit_ip=1/3600";
    for (let i = 0; i < 3; i++) await enforceRateLimit("submit_ip", "unknown");
    const rows = await db().rateLimitBucket.count({ where: { key: bucketKey("submit_ip", "unknown") } });
    expect(rows).toBe(0);
  });

  it("deletes windows that have ended, keeps the current ones", async () => {
    const old = bucketKey("login_ip", `old-${randomUUID()}`);
    const current = bucketKey("login_ip", `current-${randomUUID()}`);
    const now = new Date();
    await db().rateLimitBucket.createMany({
      data: [
        { key: old, windowStart: new Date(now.getTime() - 3 * 24 * 3600_000), count: 4 },
        { key: current, windowStart: new Date(now.getTime() - 60_000), count: 1 },
      ],
    });
    const expired = `expired-${randomUUID()}`;
    const valid = `valid-${randomUUID()}`;
    await db().usedChallenge.createMany({
      data: [
        { signature: expired, expiresAt: new Date(now.getTime() - 1000) },
        { signature: valid, expiresAt: new Date(now.getTime() + 600_000) },
      ],
    });
    // Other files' rows share these tables: the reported counts must be exactly what went missing.
    const [bucketsBefore, challengesBefore] = await Promise.all([db().rateLimitBucket.count(), db().usedChallenge.count()]);
    const purged = await purgeExpiredAbuseRecords(now);
    const [bucketsAfter, challengesAfter] = await Promise.all([db().rateLimitBucket.count(), db().usedChallenge.count()]);
    expect(purged.buckets).toBe(bucketsBefore - bucketsAfter);
    expect(purged.challenges).toBe(challengesBefore - challengesAfter);
    expect(await db().rateLimitBucket.count({ where: { key: old } })).toBe(0);
    expect(await db().rateLimitBucket.count({ where: { key: current } })).toBe(1);
    expect(await db().usedChallenge.count({ where: { expiresAt: { lt: now } } })).toBe(0);
    expect(await db().usedChallenge.count({ where: { signature: expired } })).toBe(0);
    expect(await db().usedChallenge.count({ where: { signature: valid } })).toBe(1);
  });
});
