/**
 * Application-level encryption of single database fields (fødselsnummer and the like).
 *
 * AES-256-GCM with a rotatable keyring from the environment:
 *   FIELD_ENCRYPTION_KEYS="k2:<base64 of 32 bytes>,k1:<base64 of 32 bytes>"   (the first key is current)
 * Ciphertext format: "<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>" (12-byte random IV,
 * 16-byte tag). Old ciphertexts stay readable as long as their key is in the list; re-encrypt them
 * with `npm run` scripts/rotate-encryption-keys.ts before removing an old key.
 *
 *   LOOKUP_HMAC_KEY="<base64 or base64url, at least 32 bytes>"
 * keys `lookupHash`, a deterministic HMAC-SHA256 (hex) used to find a row by a value without
 * decrypting every row (citizen_identity.pid_hash).
 *
 * No Next.js imports: used by the app, scripts and tests alike. Never log plaintexts.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

type Keyring = { currentId: string; keys: Map<string, Buffer> };

const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

let cachedRing: { source: string; ring: Keyring } | undefined;
let cachedHmac: { source: string; key: Buffer } | undefined;

function decodeKey(material: string): Buffer {
  // Node's base64 decoder accepts the standard and the URL-safe alphabet alike.
  return Buffer.from(material.trim(), "base64");
}

/** Parses a FIELD_ENCRYPTION_KEYS value; throws a clear error on anything malformed. */
export function parseKeyring(source: string | undefined): Keyring {
  if (!source || !source.trim()) {
    throw new Error(
      'FIELD_ENCRYPTION_KEYS is not set: expected "keyId:<base64 of 32 bytes>[,olderId:<base64>...]" (generate a key with `openssl rand -base64 32`)',
    );
  }
  const keys = new Map<string, Buffer>();
  let currentId: string | undefined;
  for (const entry of source.split(",").map((s) => s.trim()).filter(Boolean)) {
    const colon = entry.indexOf(":");
    const id = colon > 0 ? entry.slice(0, colon) : "";
    if (!KEY_ID_PATTERN.test(id)) {
      throw new Error('FIELD_ENCRYPTION_KEYS: every entry must look like "keyId:<base64>" (key id: letters, digits, _ or -)');
    }
    const key = decodeKey(entry.slice(colon + 1));
    if (key.length !== 32) throw new Error(`FIELD_ENCRYPTION_KEYS: key "${id}" must be 32 bytes (base64), got ${key.length}`);
    if (keys.has(id)) throw new Error(`FIELD_ENCRYPTION_KEYS: key id "${id}" appears twice`);
    keys.set(id, key);
    currentId ??= id;
  }
  if (!currentId) throw new Error("FIELD_ENCRYPTION_KEYS holds no key");
  return { currentId, keys };
}

function keyring(): Keyring {
  const source = process.env.FIELD_ENCRYPTION_KEYS ?? "";
  if (cachedRing?.source !== source) cachedRing = { source, ring: parseKeyring(source) };
  return cachedRing.ring;
}

function hmacKey(): Buffer {
  const source = process.env.LOOKUP_HMAC_KEY ?? "";
  if (cachedHmac?.source !== source) {
    if (!source.trim()) {
      throw new Error("LOOKUP_HMAC_KEY is not set: expected base64 of at least 32 random bytes (`openssl rand -base64 32`)");
    }
    const key = decodeKey(source);
    if (key.length < 32) throw new Error(`LOOKUP_HMAC_KEY must decode to at least 32 bytes, got ${key.length}`);
    cachedHmac = { source, key };
  }
  return cachedHmac.key;
}

/** Throws unless both FIELD_ENCRYPTION_KEYS and LOOKUP_HMAC_KEY are usable (call at start-up). */
export function assertFieldEncryptionConfigured(): void {
  keyring();
  hmacKey();
}

/** Encrypts with the current key: "<keyId>.<iv>.<tag>.<ciphertext>" (base64url parts). */
export function encryptField(plain: string): string {
  const { currentId, keys } = keyring();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.get(currentId)!, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [currentId, iv.toString("base64url"), tag.toString("base64url"), ct.toString("base64url")].join(".");
}

function parseCiphertext(value: string) {
  const parts = value.split(".");
  if (parts.length !== 4 || !KEY_ID_PATTERN.test(parts[0]!)) throw new Error("field-encryption: malformed ciphertext");
  const [keyId, ...encoded] = parts as [string, string, string, string];
  const [iv, tag, ct] = encoded.map((part) => {
    const bytes = Buffer.from(part, "base64url");
    // Only canonical base64url: no stray characters or padding bits that the decoder would ignore.
    if (bytes.toString("base64url") !== part) throw new Error("field-encryption: malformed ciphertext");
    return bytes;
  }) as [Buffer, Buffer, Buffer];
  return { keyId, iv, tag, ct };
}

/** Decrypts with the key named in the ciphertext; throws on an unknown key or any tampering. */
export function decryptField(value: string): string {
  const { keyId, iv, tag, ct } = parseCiphertext(value);
  const key = keyring().keys.get(keyId);
  if (!key) throw new Error(`field-encryption: unknown key id "${keyId}"`);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error("field-encryption: malformed ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("field-encryption: ciphertext failed authentication (tampered or wrong key)");
  }
}

/** True when `value` was encrypted with a key other than the current one. */
export function needsReencryption(value: string): boolean {
  return parseCiphertext(value).keyId !== keyring().currentId;
}

/** Deterministic keyed hash (HMAC-SHA256, hex) for looking a value up without decrypting. */
export function lookupHash(value: string): string {
  return createHmac("sha256", hmacKey()).update(value, "utf8").digest("hex");
}
