// Keys for the integration API (POST /api/v1/requests). The web form is protected by a proof-of-work
// and per-identity limits; a machine client has neither, so it must present a key that the
// municipality handed out: API_KEYS="name:secret,name2:secret2" (secrets at least 32 characters).
// Only the name of the key ever appears in logs. Without API_KEYS the API is switched off.
import { createHash, timingSafeEqual } from "node:crypto";

export type ApiKey = { name: string; digest: Buffer };

const MIN_SECRET_LENGTH = 32;

function digest(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

/** Parses API_KEYS; a malformed entry is an error (a typo must not silently disable a client). */
export function parseApiKeys(source: string | undefined): ApiKey[] {
  if (!source || source.trim() === "") return [];
  return source.split(",").map((entry) => {
    const at = entry.indexOf(":");
    const name = entry.slice(0, at).trim();
    const secret = entry.slice(at + 1).trim();
    if (at <= 0 || !/^[a-z0-9_-]{1,40}$/i.test(name) || secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`API_KEYS: each entry is name:secret with a secret of at least ${MIN_SECRET_LENGTH} characters`);
    }
    return { name, digest: digest(secret) };
  });
}

/** The name of the key in an `Authorization: Bearer <secret>` header, or null. Constant-time compare. */
export function apiKeyName(authorization: string | null, keys: readonly ApiKey[]): string | null {
  const match = /^Bearer\s+(\S{1,512})$/i.exec(authorization?.trim() ?? "");
  if (!match) return null;
  const presented = digest(match[1]!);
  let found: string | null = null;
  for (const key of keys) {
    if (timingSafeEqual(presented, key.digest) && found === null) found = key.name;
  }
  return found;
}

let cached: { source: string | undefined; keys: ApiKey[] } | undefined;

export function configuredApiKeys(): ApiKey[] {
  const source = process.env.API_KEYS;
  if (!cached || cached.source !== source) cached = { source, keys: parseApiKeys(source) };
  return cached.keys;
}
