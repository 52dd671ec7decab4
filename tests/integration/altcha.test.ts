import { afterAll, describe, expect, it } from "vitest";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { db, disconnectDb } from "@/lib/db/client";
import { verifyProofOfWork } from "@/lib/abuse";
import { issueChallenge, PROOF_OF_WORK } from "@/lib/abuse/proof-of-work";
import { GET } from "@/app/api/altcha/challenge/route";

afterAll(async () => {
  await disconnectDb();
});

function encode(value: unknown) {
  return Buffer.from(JSON.stringify(value)).toString("base64");
}

/** Solves a challenge the way the widget does (same library, same algorithm) and builds its payload. */
async function solvedPayload(challenge: Challenge) {
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  return { challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution: solution! };
}

describe("ALTCHA proof of work", () => {
  it("the challenge route issues a signed, uncached challenge that expires in 10 minutes", async () => {
    const before = Date.now() / 1000;
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const challenge = (await response.json()) as Challenge;
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters).toMatchObject({ algorithm: PROOF_OF_WORK.algorithm, cost: PROOF_OF_WORK.cost });
    expect(challenge.parameters.keySignature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters.expiresAt! - before).toBeGreaterThan(595);
    expect(challenge.parameters.expiresAt! - before).toBeLessThan(605);
    // Two calls, two challenges.
    const other = (await (await GET()).json()) as Challenge;
    expect(other.signature).not.toBe(challenge.signature);
  });

  it("a real solution verifies once and is refused on replay", async () => {
    const challenge = (await (await GET()).json()) as Challenge;
    const payload = encode(await solvedPayload(challenge));
    expect(await verifyProofOfWork(payload)).toBe(true);
    const stored = await db().usedChallenge.findUnique({ where: { signature: challenge.signature! } });
    expect(stored?.expiresAt.getTime()).toBe(challenge.parameters.expiresAt! * 1000);
    expect(await verifyProofOfWork(payload)).toBe(false);
  });

  it("refuses concurrent replays: of 5 simultaneous uses exactly one passes", async () => {
    const payload = encode(await solvedPayload(await issueChallenge()));
    const results = await Promise.all(Array.from({ length: 5 }, () => verifyProofOfWork(payload)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("refuses tampered payloads", async () => {
    const good = await solvedPayload(await issueChallenge());
    // A wrong counter/key.
    expect(await verifyProofOfWork(encode({ ...good, solution: { ...good.solution, derivedKey: "00".repeat(32) } }))).toBe(false);
    // Easier parameters under the old signature.
    expect(
      await verifyProofOfWork(encode({ ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, cost: 1 } } })),
    ).toBe(false);
    // A later expiry under the old signature.
    const later = { ...good.challenge.parameters, expiresAt: good.challenge.parameters.expiresAt! + 3600 };
    expect(await verifyProofOfWork(encode({ ...good, challenge: { ...good.challenge, parameters: later } }))).toBe(false);
    // Another signature.
    expect(await verifyProofOfWork(encode({ ...good, challenge: { ...good.challenge, signature: "ab".repeat(32) } }))).toBe(false);
    // The widget's own "test mode" payload.
    expect(await verifyProofOfWork(encode({ challenge: null, solution: null, test: true }))).toBe(false);
    // None of these burnt the genuine challenge.
    expect(await verifyProofOfWork(encode(good))).toBe(true);
  });

  it("refuses an expired challenge, even correctly solved", async () => {
    const issuedLongAgo = await issueChallenge(new Date(Date.now() - 11 * 60_000));
    expect(issuedLongAgo.parameters.expiresAt!).toBeLessThan(Date.now() / 1000);
    const payload = encode(await solvedPayload(issuedLongAgo));
    expect(await verifyProofOfWork(payload)).toBe(false);
    expect(await db().usedChallenge.count({ where: { signature: issuedLongAgo.signature! } })).toBe(0);
  });

  it("returns false (never throws) for missing or garbage payloads", async () => {
    for (const bad of [undefined, null, "", "not base64 !!", encode("a string"), encode({}), encode([1, 2]), "x".repeat(10_000), encode({ challenge: {}, solution: {} })]) {
      expect(await verifyProofOfWork(bad)).toBe(false);
    }
  });
});
