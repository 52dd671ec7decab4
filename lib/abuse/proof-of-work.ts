// Proof-of-work captcha with ALTCHA (self-hosted: no third-party calls, no cookies, no tracking).
// The server issues a signed challenge; the browser spends about a second of CPU finding the counter
// that produces the signed key; the server checks signature, expiry and solution, and records the
// challenge signature so that one solution cannot be used twice.
import { randomInt } from "node:crypto";
import { createChallenge, verifySolution, type Challenge, type Payload } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { derivedKey } from "./secrets";

/**
 * Difficulty. The solver tries counters 0, 1, 2, … (split over the browser's Web Workers) until it
 * reaches the secret counter drawn between MIN_COUNTER and MAX_COUNTER ("maxNumber" in ALTCHA v1
 * terms); each try is one PBKDF2-SHA-256 with COST iterations. Measured: about 0.25 ms per try in
 * Node on one core of this server; a mid-range phone is 2-4 times slower per core but uses 4 workers,
 * so the expected time is about 0.3-1 s (worst case, MAX_COUNTER on a 2-core phone, about 2 s).
 */
export const PROOF_OF_WORK = {
  algorithm: "PBKDF2/SHA-256",
  cost: 1_000,
  minCounter: 1_000,
  maxCounter: 4_000,
  ttlSeconds: 10 * 60,
} as const;

/** Largest payload we look at (a real one is about 600 bytes base64). */
const MAX_PAYLOAD_CHARS = 4_096;

function secrets() {
  return {
    hmacSignatureSecret: derivedKey("altcha-challenge"),
    hmacKeySignatureSecret: derivedKey("altcha-derived-key"),
  };
}

/** A new signed challenge, valid for PROOF_OF_WORK.ttlSeconds. */
export async function issueChallenge(now: Date = new Date()): Promise<Challenge> {
  return createChallenge({
    algorithm: PROOF_OF_WORK.algorithm,
    cost: PROOF_OF_WORK.cost,
    counter: randomInt(PROOF_OF_WORK.minCounter, PROOF_OF_WORK.maxCounter + 1),
    deriveKey,
    expiresAt: new Date(now.getTime() + PROOF_OF_WORK.ttlSeconds * 1000),
    ...secrets(),
  });
}

function decodePayload(payload: string): Payload | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { challenge, solution } = parsed as Partial<Payload>;
    if (typeof challenge !== "object" || challenge === null || typeof solution !== "object" || solution === null) return undefined;
    const { parameters, signature } = challenge as Partial<Challenge>;
    if (typeof parameters !== "object" || parameters === null || typeof signature !== "string") return undefined;
    return { challenge: { parameters, signature }, solution };
  } catch {
    return undefined;
  }
}

/**
 * Verifies an ALTCHA payload (base64 JSON from the widget's hidden field). False when it is missing,
 * malformed, tampered with, expired, wrongly solved or already used. Never throws for bad input.
 */
export async function verifyProofOfWork(payload: string | null | undefined): Promise<boolean> {
  if (typeof payload !== "string" || payload.length === 0 || payload.length > MAX_PAYLOAD_CHARS) return false;
  const decoded = decodePayload(payload);
  if (!decoded) return false;
  const { parameters, signature } = decoded.challenge;
  // Our challenges always carry an expiry and a key signature (the fast, non-deriving check).
  if (typeof parameters.expiresAt !== "number" || typeof parameters.keySignature !== "string") return false;
  if (parameters.algorithm !== PROOF_OF_WORK.algorithm) return false;

  let verified = false;
  try {
    const result = await verifySolution({ challenge: decoded.challenge, solution: decoded.solution, deriveKey, ...secrets() });
    verified = result.verified;
  } catch {
    verified = false;
  }
  if (!verified) return false;

  // Replay protection: the first use records the signature until the challenge expires.
  const expiresAt = new Date(parameters.expiresAt * 1000);
  const inserted = await db().$queryRaw<{ signature: string }[]>`
    INSERT INTO used_challenge (signature, expires_at) VALUES (${signature}, ${expiresAt})
    ON CONFLICT (signature) DO NOTHING
    RETURNING signature`;
  if (inserted.length === 0) {
    logger.info("proof_of_work.replayed");
    return false;
  }
  return true;
}
