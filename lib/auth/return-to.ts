// Where to send someone after signing in: only a path on this site. Pure, no Next.js imports.
// One validator for both sign-ins: citizens (lib/citizen-auth/return-to.ts, anywhere on the site)
// and staff (only under /staff). Whatever comes in (a query parameter, a form field, a header, a
// next-auth callback URL) is untrusted: a relative path that stays on this origin, or the fallback.

export type ReturnPathOptions = {
  /** What to answer for anything refused. */
  fallback: string;
  /** If given, the (normalised) path must be this path or below it ("/staff", "/staff/…"). */
  under?: string;
  /** Paths (and everything below them) that are refused even though they are under `under`. */
  exclude?: readonly string[];
};

const MAX_LENGTH = 2000;
const SENTINEL_ORIGIN = "http://same-site.invalid";

function isAtOrBelow(pathname: string, prefix: string) {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * `value` as a normalised same-origin path + query + fragment, or `fallback`. Refused: anything that
 * is not a string starting with exactly one "/" ("//evil", "/\evil", "https://…", "javascript:…",
 * "evil"), control characters and backslashes anywhere (browsers read "\" as "/" and drop tabs and
 * newlines), more than 2000 characters, and, with `under`, anything outside that path after dot
 * segments are resolved (also encoded ones: the URL parser reads "%2e%2e" as "..").
 */
export function safeReturnPath(value: unknown, opts: ReturnPathOptions): string {
  const { fallback } = opts;
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, SENTINEL_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== SENTINEL_ORIGIN) return fallback;
  // After normalisation the path must still begin with exactly one slash (e.g. "/.//evil" -> "//evil").
  if (url.pathname.startsWith("//")) return fallback;
  if (opts.under && !isAtOrBelow(url.pathname, opts.under)) return fallback;
  if (opts.exclude?.some((prefix) => isAtOrBelow(url.pathname, prefix))) return fallback;
  return url.pathname + url.search + url.hash;
}

export const STAFF_HOME = "/staff";
export const STAFF_SIGNIN_PATH = "/staff/signin";

/**
 * Where a staff member goes after signing in: a page under /staff (query kept), never back to the
 * sign-in pages themselves; anything else is /staff.
 */
export function staffReturnTo(value: unknown): string {
  return safeReturnPath(value, { fallback: STAFF_HOME, under: STAFF_HOME, exclude: [STAFF_SIGNIN_PATH] });
}

/** `path` with `?returnTo=…` when it carries somewhere other than the staff home page. */
export function withStaffReturnTo(path: string, returnTo: unknown, extra: Record<string, string> = {}): string {
  const target = staffReturnTo(returnTo);
  const params = new URLSearchParams(extra);
  if (target !== STAFF_HOME) params.set("returnTo", target);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The sign-in page for a signed-out request to `requestedPath` (path + query, e.g. proxy.ts's x-pathname). */
export function staffSignInHref(requestedPath: unknown): string {
  return withStaffReturnTo(STAFF_SIGNIN_PATH, requestedPath);
}

/**
 * next-auth's redirect callback for the staff instance: `url` (absolute or relative, from a form,
 * a magic link's query or a cookie) becomes an absolute URL on `baseUrl` under /staff. The sign-in
 * pages are allowed here (signing out goes to /staff/signin).
 */
export function staffAuthRedirect(url: string, baseUrl: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return STAFF_HOME;
  }
  let path: unknown = url;
  if (!url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      path = absolute.origin === base.origin ? absolute.pathname + absolute.search + absolute.hash : null;
    } catch {
      path = null;
    }
  }
  return `${base.origin}${safeReturnPath(path, { fallback: STAFF_HOME, under: STAFF_HOME })}`;
}

/**
 * Where the language switch (app/actions/locale.ts) sends the browser back to: the page it was on
 * if that is a path on this site, otherwise the front page.
 */
export function localeReturnTo(value: unknown): string {
  return safeReturnPath(value, { fallback: "/" });
}
