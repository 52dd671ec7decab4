// Shared handling of a multipart upload POST (plain HTML form, works without JavaScript) for the
// route handlers: same-origin check, size guard before buffering, and the redirect back.
import { readBodyCapped } from "@/lib/http/read-body";
import { MAX_UPLOAD_BYTES } from "./content-type";
import { isCanonicalCaseReference } from "@/lib/domain/reference";

/** Multipart overhead allowance on top of the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/** Refuses cross-site posts: the Origin (or, failing that, Referer) must be this host. */
export function isSameOrigin(request: Request): boolean {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (!host || !source || source === "null") return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}

export type ParsedUpload =
  | { ok: true; reference: string; fileName: string; bytes: Uint8Array }
  | { ok: false; reference: string | null; problem: "missing" | "too_large" | "bad_request" };

export async function readUpload(request: Request): Promise<ParsedUpload> {
  let form: FormData;
  try {
    const body = await readBodyCapped(request, MAX_UPLOAD_BYTES + ENVELOPE_BYTES);
    // The reference is in the body we refuse to read: the route answers with a plain page.
    if (body === null) return { ok: false, reference: null, problem: "too_large" };
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return { ok: false, reference: null, problem: "bad_request" };
  }
  const referenceRaw = form.get("reference");
  const reference = typeof referenceRaw === "string" && isCanonicalCaseReference(referenceRaw) ? referenceRaw : null;
  if (!reference) return { ok: false, reference: null, problem: "bad_request" };
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { ok: false, reference, problem: "missing" };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, reference, problem: "too_large" };
  return { ok: true, reference, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** 303 See Other back to a page of this site (relative Location, so proxies keep their host). */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
