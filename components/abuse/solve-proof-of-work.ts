// Solves an ALTCHA v2 challenge (PBKDF2/SHA-256, the kind lib/abuse/proof-of-work.ts issues) with the
// browser's own WebCrypto: tries counters 0, 1, 2, … (nonce followed by the counter as a big-endian
// 32-bit number is the password, the salt is the challenge's) until the derived key starts with the
// challenge's key prefix, and returns the base64 payload the server's altcha-lib verifies.
// Our own 60 lines instead of the `altcha` web component (34 KB gzip on the sign-in page): the
// protocol is small, and the server side stays altcha-lib's. Several derivations run at once, so
// the browser's crypto threads share the work and the page's main thread stays free.
export type AltchaChallenge = {
  parameters: { algorithm: string; nonce: string; salt: string; cost: number; keyLength?: number; keyPrefix: string; [key: string]: unknown };
  signature: string;
};

const MAX_COUNTER = 0xffffffff;

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

function toBase64(text: string): string {
  // The payload is ASCII (hex, digits, JSON punctuation), so btoa needs no UTF-8 step.
  return typeof btoa === "function" ? btoa(text) : Buffer.from(text, "latin1").toString("base64");
}

/** The base64 payload for the server, or null when the challenge is not one we can solve. */
export async function solveProofOfWork(
  challenge: AltchaChallenge,
  options: { parallel?: number; signal?: AbortSignal; subtle?: SubtleCrypto } = {},
): Promise<string | null> {
  const { algorithm, nonce, salt, cost, keyLength = 32, keyPrefix } = challenge.parameters;
  if (algorithm !== "PBKDF2/SHA-256" || !/^[0-9a-f]+$/.test(keyPrefix) || !Number.isInteger(cost) || cost < 1) return null;
  const subtle = options.subtle ?? globalThis.crypto?.subtle;
  if (!subtle) return null;
  const nonceBytes = hexToBytes(nonce);
  const saltBytes = hexToBytes(salt);
  const derive = async (counter: number): Promise<string> => {
    const password = new Uint8Array(nonceBytes.length + 4);
    password.set(nonceBytes, 0);
    new DataView(password.buffer).setUint32(nonceBytes.length, counter, false);
    const key = await subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
    const bits = await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: saltBytes, iterations: cost }, key, keyLength * 8);
    return bytesToHex(new Uint8Array(bits));
  };
  const parallel = options.parallel ?? 8;
  for (let start = 0; start <= MAX_COUNTER; start += parallel) {
    if (options.signal?.aborted) return null;
    const counters = Array.from({ length: Math.min(parallel, MAX_COUNTER - start + 1) }, (_, i) => start + i);
    const keys = await Promise.all(counters.map(derive));
    const hit = keys.findIndex((key) => key.startsWith(keyPrefix));
    if (hit >= 0) {
      const solution = { counter: counters[hit]!, derivedKey: keys[hit]! };
      return toBase64(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }));
    }
  }
  return null;
}
