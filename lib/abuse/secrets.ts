// Keys for abuse protection, derived from AUTH_SECRET with HKDF (one secret to manage, one key per
// purpose). No new environment variable: rotating AUTH_SECRET rotates these keys too (open
// proof-of-work challenges become invalid, rate-limit windows start over).
import { hkdfSync, randomBytes } from "node:crypto";

export type AbuseKeyPurpose = "altcha-challenge" | "altcha-derived-key" | "rate-limit-key";

let devFallback: Buffer | undefined;

function masterSecret(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (secret && secret.length >= 16) return Buffer.from(secret, "utf8");
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("AUTH_SECRET must be set (at least 16 characters) for abuse protection.");
  }
  // Tests and tools without AUTH_SECRET: a random per-process secret (never persisted).
  devFallback ??= randomBytes(32);
  return devFallback;
}

const cache = new Map<string, string>();

/** A 256-bit key for one purpose, as hex (altcha-lib takes string secrets). */
export function derivedKey(purpose: AbuseKeyPurpose): string {
  const master = masterSecret();
  const cacheKey = `${purpose}:${master.toString("base64")}`;
  let key = cache.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", master, "personvernportalen/abuse", purpose, 32)).toString("hex");
    cache.set(cacheKey, key);
  }
  return key;
}
