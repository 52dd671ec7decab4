// Next 16 proxy (formerly middleware). Before anything else it sends a page request on another host
// name than the portal's (127.0.0.1 instead of localhost, the server's IP) to the canonical origin
// (lib/http/canonical-origin.ts): GET/HEAD get a 308 (answered by /api/canonical-origin, see
// CANONICAL_LOCATION_HEADER), other methods a 421 (never redirected).
// It refuses bad form posts before they reach a server action (lib/http/form-post-guard.ts: another
// site's Origin 403, no length 411, too large 400; Next would answer 500 or 413); uploads go to /api
// routes with their own guard. Then it gives the page its Content-Security-Policy with a fresh nonce
// (lib/http/content-security-policy.ts; Next puts the nonce on its scripts) and passes the current
// path to server components, so that no-JavaScript forms (language switch) and the staff sign-in can
// return the user to the page they were on.
//
// /api/* is not matched (see `config`), so none of this applies there: the integration API, file
// downloads and next-auth's callbacks answer on any host. Their clients hold no host-bound cookie
// that a redirect would fix (API keys are headers; next-auth builds its callback URLs from
// AUTH_URL, and its sign-ins start on pages, which are on the canonical host), and a machine client
// or health check must not get a redirect it may not follow or that would turn a POST into a GET.
import { NextResponse, type NextRequest } from "next/server";
import { CANONICAL_LOCATION_HEADER, CANONICAL_REDIRECT_ROUTE, canonicalRedirect } from "@/lib/http/canonical-origin";
import { allowedOrigins } from "@/lib/config/env";
import { checkFormPost } from "@/lib/http/form-post-guard";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

const TOO_LARGE_PAGE = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Skjemaet er for stort – Personvernportalen</title></head>
<body><main>
<h1>Skjemaet er for stort</h1>
<p>Det du sendte, var større enn skjemaet tillater, så ingenting ble lagret. Gå tilbake, gjør teksten kortere og prøv igjen.</p>
<p lang="nn">Det du sende, var større enn skjemaet tillèt, så ingenting vart lagra. Gå tilbake, gjer teksten kortare og prøv igjen.</p>
<p lang="en">What you sent was larger than the form allows, so nothing was saved. Go back, shorten the text and try again.</p>
<p><a href="/">Til forsiden / To the front page</a></p>
</main></body></html>`;

const CROSS_ORIGIN_PAGE = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Skjemaet ble avvist – Personvernportalen</title></head>
<body><main>
<h1>Skjemaet ble avvist</h1>
<p>Skjemaet kom ikke fra Personvernportalen selv, så ingenting ble lagret. Åpne portalen og fyll ut skjemaet der.</p>
<p lang="nn">Skjemaet kom ikkje frå Personvernportalen sjølv, så ingenting vart lagra. Opne portalen og fyll ut skjemaet der.</p>
<p lang="en">The form did not come from the privacy portal itself, so nothing was saved. Open the portal and fill in the form there.</p>
<p><a href="/">Til forsiden / To the front page</a></p>
</main></body></html>`;

const LENGTH_REQUIRED_PAGE = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Skjemaet kunne ikke leses – Personvernportalen</title></head>
<body><main>
<h1>Skjemaet kunne ikke leses</h1>
<p>Nettleseren sendte skjemaet uten å oppgi hvor stort det var, så ingenting ble lagret. Prøv igjen.</p>
<p lang="nn">Nettlesaren sende skjemaet utan å oppgi kor stort det var, så ingenting vart lagra. Prøv igjen.</p>
<p lang="en">The browser sent the form without saying how large it was, so nothing was saved. Please try again.</p>
<p><a href="/">Til forsiden / To the front page</a></p>
</main></body></html>`;

const REFUSED_PAGES = { too_large: TOO_LARGE_PAGE, cross_origin: CROSS_ORIGIN_PAGE, length_required: LENGTH_REQUIRED_PAGE } as const;

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function misdirectedPage(location: string) {
  const href = escapeHtml(location);
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feil adresse – Personvernportalen</title></head>
<body><main>
<h1>Feil adresse</h1>
<p>Portalen brukes på en annen adresse, så ingenting ble lagret. Åpne siden på nytt her: <a href="${href}">${href}</a></p>
<p lang="nn">Portalen blir brukt på ei anna adresse, så ingenting vart lagra. Opne sida på nytt her: <a href="${href}">${href}</a></p>
<p lang="en">The portal lives at another address, so nothing was saved. Open the page again here: <a href="${href}">${href}</a></p>
</main></body></html>`;
}

export function proxy(request: NextRequest) {
  const canonical = canonicalRedirect({ method: request.method, url: request.url, headers: request.headers }, allowedOrigins());
  if (canonical.kind === "redirect") {
    // The 308 itself comes from a route handler: Next would make a Location on its own host relative.
    const headers = new Headers(request.headers);
    headers.set(CANONICAL_LOCATION_HEADER, canonical.location);
    return NextResponse.rewrite(new URL(CANONICAL_REDIRECT_ROUTE, request.url), { request: { headers } });
  }
  if (canonical.kind === "misdirected") {
    return new NextResponse(misdirectedPage(canonical.location), {
      status: 421,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const post = checkFormPost(request, allowedOrigins());
  if (!post.ok) {
    return new NextResponse(REFUSED_PAGES[post.reason], {
      status: post.status,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": "default-src 'none'; frame-ancestors 'none'" },
    });
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.delete(CANONICAL_LOCATION_HEADER);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  // The friendly rate-limit page is still an HTTP 429 for clients and monitoring.
  const status = request.nextUrl.pathname === "/too-many-requests" ? 429 : undefined;
  const response = NextResponse.next({ request: { headers }, status });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("referrer-policy", "same-origin");
  response.headers.set("x-content-type-options", "nosniff");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
