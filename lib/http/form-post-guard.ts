// What proxy.ts answers to a form post before it reaches a server action, pure (headers in, a
// decision out), so every rule is unit-tested:
//   - from another site (an Origin that is not the portal's, or the opaque "null" of sandboxed and
//     privacy-stripped contexts) -> 403: Next would throw on it and answer 500; a browser always
//     sends Origin with a POST, so a missing Origin is a non-browser client, which cannot carry a
//     victim's cookies (no CSRF) and is let through to the action's own checks;
//   - without a Content-Length (a chunked body) -> 411: the size limit below could not be applied
//     without reading the body, and browsers always send a length for form posts;
//   - larger than MAX_FORM_POST_BYTES -> 400 (Next would answer 413 after reading up to its limit).
export const MAX_FORM_POST_BYTES = 256 * 1024;

export type FormPostDecision = { ok: true } | { ok: false; status: 400 | 403 | 411; reason: "too_large" | "cross_origin" | "length_required" };

export function checkFormPost(request: { method: string; headers: Headers }, allowedOrigins: readonly string[]): FormPostDecision {
  if (request.method !== "POST") return { ok: true };
  const origin = request.headers.get("origin");
  if (origin !== null && !allowedOrigins.includes(origin.trim().toLowerCase().replace(/\/$/, ""))) {
    return { ok: false, status: 403, reason: "cross_origin" };
  }
  const length = request.headers.get("content-length");
  if (length === null || !/^\d{1,12}$/.test(length.trim())) return { ok: false, status: 411, reason: "length_required" };
  if (Number(length) > MAX_FORM_POST_BYTES) return { ok: false, status: 400, reason: "too_large" };
  return { ok: true };
}
