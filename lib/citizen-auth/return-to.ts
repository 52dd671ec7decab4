// Where to send a citizen after signing in: only a path on this site. Pure, no Next.js imports.

/** `value` if it is a same-site path ("/…" but not "//…" or "/\…"), otherwise `fallback`. */
export function safeReturnTo(value: unknown, fallback = "/my-cases"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // No control characters or backslashes (browsers treat "\" like "/"), and it must stay on this origin.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const base = "http://same-site.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
