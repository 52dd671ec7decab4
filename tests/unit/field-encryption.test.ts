import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptField, encryptField, lookupHash, needsReencryption, parseKeyring } from "@/lib/crypto/field-encryption";

const key = () => randomBytes(32).toString("base64");
const K1 = key();
const K2 = key();
const saved = { keys: process.env.FIELD_ENCRYPTION_KEYS, hmac: process.env.LOOKUP_HMAC_KEY };

beforeEach(() => {
  process.env.FIELD_ENCRYPTION_KEYS = `k1:${K1}`;
  process.env.LOOKUP_HMAC_KEY = randomBytes(32).toString("base64url");
});
function restore(name: "FIELD_ENCRYPTION_KEYS" | "LOOKUP_HMAC_KEY", value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
afterEach(() => {
  restore("FIELD_ENCRYPTION_KEYS", saved.keys);
  restore("LOOKUP_HMAC_KEY", saved.hmac);
});

function flipFirstChar(part: string) {
  return (part.startsWith("A") ? "B" : "A") + part.slice(1);
}

describe("encryptField / decryptField", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the ciphertext", () => {
    const a = encryptField("01019000083");
    const b = encryptField("01019000083");
    expect(a).not.toBe(b);
    expect(a).not.toContain("01019000083");
    expect(a).toMatch(/^k1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(decryptField(a)).toBe("01019000083");
    expect(decryptField(encryptField("æøå ÆØÅ"))).toBe("æøå ÆØÅ");
  });

  it.each([1, 2, 3])("throws when part %i (iv, tag, ciphertext) is tampered with", (index) => {
    const parts = encryptField("01019000083").split(".");
    parts[index] = flipFirstChar(parts[index]!);
    expect(() => decryptField(parts.join("."))).toThrow(/field-encryption/);
  });

  it("throws on a malformed ciphertext", () => {
    expect(() => decryptField("01019000083")).toThrow(/malformed/);
    expect(() => decryptField("k1.a.b")).toThrow(/malformed/);
    const parts = encryptField("x").split(".");
    // Flip the lowest bit of the tag's last character: for 16 bytes that bit is padding the decoder ignores.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const original = parts[2]!;
    parts[2] = original.slice(0, -1) + alphabet[alphabet.indexOf(original.at(-1)!) ^ 1];
    expect(Buffer.from(parts[2], "base64url").equals(Buffer.from(original, "base64url"))).toBe(true); // same bytes
    expect(() => decryptField(parts.join("."))).toThrow(/malformed/);
  });

  it("rotation: an old ciphertext still decrypts after a new key is put first, and needs re-encryption", () => {
    const old = encryptField("01019000083");
    expect(needsReencryption(old)).toBe(false);
    process.env.FIELD_ENCRYPTION_KEYS = `k2:${K2},k1:${K1}`;
    expect(decryptField(old)).toBe("01019000083");
    expect(needsReencryption(old)).toBe(true);
    const fresh = encryptField(decryptField(old));
    expect(fresh.startsWith("k2.")).toBe(true);
    expect(needsReencryption(fresh)).toBe(false);
  });

  it("throws on an unknown key id (old key removed too early)", () => {
    const old = encryptField("01019000083");
    process.env.FIELD_ENCRYPTION_KEYS = `k2:${K2}`;
    expect(() => decryptField(old)).toThrow(/unknown key id "k1"/);
  });

  it("does not decrypt with another key of the same id", () => {
    const old = encryptField("01019000083");
    process.env.FIELD_ENCRYPTION_KEYS = `k1:${K2}`;
    expect(() => decryptField(old)).toThrow(/failed authentication/);
  });
});

describe("configuration errors", () => {
  it("throws a clear error when the keys are missing", () => {
    delete process.env.FIELD_ENCRYPTION_KEYS;
    expect(() => encryptField("x")).toThrow(/FIELD_ENCRYPTION_KEYS is not set/);
    delete process.env.LOOKUP_HMAC_KEY;
    expect(() => lookupHash("x")).toThrow(/LOOKUP_HMAC_KEY is not set/);
  });
  it("rejects short keys, bad ids and duplicates", () => {
    expect(() => parseKeyring(`k1:${randomBytes(16).toString("base64")}`)).toThrow(/32 bytes/);
    expect(() => parseKeyring(`k.1:${K1}`)).toThrow(/keyId/);
    expect(() => parseKeyring(K1)).toThrow(/keyId/);
    expect(() => parseKeyring(`k1:${K1},k1:${K2}`)).toThrow(/twice/);
    expect(parseKeyring(` k2:${K2} , k1:${K1} `).currentId).toBe("k2");
  });
});

describe("lookupHash", () => {
  it("is deterministic per key, differs between values and keys, and is hex", () => {
    const h = lookupHash("01019000083");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(lookupHash("01019000083")).toBe(h);
    expect(lookupHash("01019000407")).not.toBe(h);
    process.env.LOOKUP_HMAC_KEY = randomBytes(32).toString("base64");
    expect(lookupHash("01019000083")).not.toBe(h);
  });
});
