// Expiring download links: /api/files/<id>?expires=<unix seconds>&sig=<HMAC-SHA256(id.expires)>.
// The key is derived from AUTH_SECRET for this one purpose. A valid signature is not enough on its
// own: the route also checks that the caller may see the case.
import { createHmac, timingSafeEqual } from "node:crypto";

export const DOWNLOAD_LINK_TTL_SECONDS = 24 * 60 * 60;

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: download links cannot be signed");
  return createHmac("sha256", secret).update("personvernportalen/file-download/v1").digest();
}

function signature(id: string, expires: number): string {
  return createHmac("sha256", key()).update(`${id}.${expires}`).digest("base64url");
}

export function signDownload(id: string, now: Date = new Date()): { expires: number; sig: string } {
  const expires = Math.floor(now.getTime() / 1000) + DOWNLOAD_LINK_TTL_SECONDS;
  return { expires, sig: signature(id, expires) };
}

export function downloadPath(id: string, now: Date = new Date()): string {
  const { expires, sig } = signDownload(id, now);
  return `/api/files/${id}?expires=${expires}&sig=${sig}`;
}

/** True when `sig` is the signature of id+expires and `expires` is still in the future. */
export function verifyDownload(id: string, expiresRaw: string | null, sig: string | null, now: Date = new Date()): boolean {
  if (!expiresRaw || !sig || !/^\d{1,12}$/.test(expiresRaw) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return false;
  const expires = Number(expiresRaw);
  if (expires * 1000 <= now.getTime()) return false;
  // Links are never issued for longer than the TTL: a far-future expiry is not ours.
  if (expires * 1000 > now.getTime() + (DOWNLOAD_LINK_TTL_SECONDS + 60) * 1000) return false;
  const expected = Buffer.from(signature(id, expires));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
