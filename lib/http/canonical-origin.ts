// Which origin a page request belongs on. Pure: no Next.js, no environment (proxy.ts passes both in).
//
// The portal must be used on the origin it is configured for (PUBLIC_URL): cookies are bound to the
// host name, and next-auth builds its callback URLs from AUTH_URL. On another name for the same
// server (127.0.0.1 instead of localhost, the container's IP) the ID-porten sign-in ends on
// error=Configuration and the request draft's cookie is not sent after the e-mail-code sign-in.
//
// Decisions (README "Configuration", "Canonical host"):
//   - The host is the one the client asked for: the Host header. Next.js's request URL carries the
//     server's own hostname, never the client's, so only its path and query are used.
//   - X-Forwarded-Host is ignored: any client can send it, so it would let a request choose what is
//     "the right host" (a 308 to itself, stored by a shared cache, would loop for everyone). A reverse
//     proxy in front must pass the original Host header on (nginx: `proxy_set_header Host $host;`).
//   - The scheme is not compared: behind a TLS-terminating proxy every request arrives over http. Only
//     the authority (host name and port, default ports normalised for the allowed origin's scheme) is.
//   - GET and HEAD on another host get a 308 to the same path and query on the canonical origin. Any
//     other method is never redirected (a browser would re-send the body to another origin, and a
//     server action would then fail its origin check): it is answered 421 Misdirected Request.
//   - Several origins may be allowed (a later change maps host names to municipalities); a request on
//     any of them passes, a request on any other host goes to the first one.

export type CanonicalRequest = {
  method: string;
  /** The request URL; only its path and query are used. */
  url: string | URL;
  /** The request headers; only Host is read. */
  headers: { get(name: string): string | null };
};

export type CanonicalDecision =
  /** The request is on an allowed origin (or no origin is configured): go on. */
  | { kind: "pass" }
  /** GET/HEAD on another host: answer 308 with `location`. */
  | { kind: "redirect"; location: string }
  /** Another method on another host: refuse (421), `location` is where the page lives. */
  | { kind: "misdirected"; location: string };

/** A Host header: a DNS name or IPv4 address, or a bracketed IPv6 literal, with an optional port. */
const HOST_HEADER = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::\d{1,5})?$/i;

/** The allowed origins as URLs (invalid or non-http(s) entries dropped), canonical first. */
function parseOrigins(origins: readonly string[]): URL[] {
  const out: URL[] = [];
  for (const origin of origins) {
    try {
      const url = new URL(origin);
      if (url.protocol === "http:" || url.protocol === "https:") out.push(new URL(url.origin));
    } catch {
      // not an origin: ignored
    }
  }
  return out;
}

/** The Host header as the host of a URL with `origin`'s scheme ("localhost:80" for http is "localhost"), or null. */
function normaliseHost(hostHeader: string, origin: URL): string | null {
  if (!HOST_HEADER.test(hostHeader)) return null;
  try {
    return new URL(`${origin.protocol}//${hostHeader}`).host;
  } catch {
    return null;
  }
}

/** Whether `hostHeader` names one of `allowedOrigins` (scheme not compared, see above). */
export function isAllowedHost(hostHeader: string | null | undefined, allowedOrigins: readonly string[]): boolean {
  const host = hostHeader?.trim();
  if (!host) return false;
  return parseOrigins(allowedOrigins).some((origin) => normaliseHost(host, origin) === origin.host);
}

/** Path and query of `url` (the path of an http URL always starts with "/"). */
function pathAndQuery(url: string | URL): string {
  try {
    const parsed = typeof url === "string" ? new URL(url, "http://request.invalid") : url;
    return parsed.pathname + parsed.search;
  } catch {
    return "/";
  }
}

/**
 * Where `request` belongs: on one of `allowedOrigins` (the first is the canonical one, where other
 * hosts are sent) it passes; otherwise GET/HEAD get a redirect to the same path and query on the
 * canonical origin and other methods are refused. With no valid allowed origin everything passes.
 */
export function canonicalRedirect(request: CanonicalRequest, allowedOrigins: readonly string[]): CanonicalDecision {
  const origins = parseOrigins(allowedOrigins);
  const canonical = origins[0];
  if (!canonical) return { kind: "pass" };
  if (isAllowedHost(request.headers.get("host"), allowedOrigins)) return { kind: "pass" };
  // Built by concatenation, never new URL(path, origin), which would read a path "//evil.example/x"
  // as a host: "http://localhost:3000//evil.example/x" stays on localhost.
  const location = `${canonical.origin}${pathAndQuery(request.url)}`;
  const method = request.method.toUpperCase();
  return method === "GET" || method === "HEAD" ? { kind: "redirect", location } : { kind: "misdirected", location };
}

/**
 * The request header proxy.ts hands the redirect target over in. Next.js rewrites an absolute
 * Location on its own hostname (localhost:PORT, which is PUBLIC_URL in demo) from a proxy response
 * into a relative one, which the browser then resolves on the wrong host: a redirect loop
 * (vercel/next.js#44482, #48230). Route handlers' answers are left alone, so proxy.ts rewrites the
 * request to /api/canonical-origin, which answers the 308 (app/api/canonical-origin/route.ts).
 */
export const CANONICAL_LOCATION_HEADER = "x-pv-canonical-location";
export const CANONICAL_REDIRECT_ROUTE = "/api/canonical-origin";

/**
 * Whether `location` may be answered as a redirect: an absolute URL on the canonical origin (the
 * first allowed one). The header can be forged by calling the route directly, so this is checked
 * there: at worst a client redirects itself to a page of the portal.
 */
export function isCanonicalLocation(location: string | null | undefined, allowedOrigins: readonly string[]): location is string {
  const canonical = parseOrigins(allowedOrigins)[0];
  if (!canonical || !location || /[\u0000-\u001f\u007f\\]/.test(location)) return false;
  if (!location.startsWith(`${canonical.origin}/`)) return false;
  try {
    return new URL(location).origin === canonical.origin;
  } catch {
    return false;
  }
}
