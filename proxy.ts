// Next 16 proxy (formerly middleware). Before anything else it sends a page request on another host
// name than the portal's (127.0.0.1 instead of localhost, the server's IP) to the canonical origin
// (lib/http/canonical-origin.ts): GET/HEAD get a 308 (answered by /api/canonical-origin, see
// CANONICAL_LOCATION_HEADER), other methods a 421 (never redirected).
// Then it passes the current path to server components, so that no-JavaScript forms (language
// switch) and the staff sign-in can return the user to the page they were on. It also refuses
// oversized form posts with 400 before they reach a server action (Next itself would answer 413
// after reading up to its own limit); uploads go to /api routes with their own guard.
//
// /api/* is not matched (see `config`), so none of this applies there: the integration API, file
// downloads and next-auth's callbacks answer on any host. Their clients hold no host-bound cookie
// that a redirect would fix (API keys are headers; next-auth builds its callback URLs from
// AUTH_URL, and its sign-ins start on pages, which are on the canonical host), and a machine client
// or health check must not get a redirect it may not follow or that would turn a POST into a GET.
import { NextResponse, type NextRequest } from "next/server";
import { CANONICAL_LOCATION_HEADER, CANONICAL_REDIRECT_ROUTE, canonicalRedirect } from "@/lib/http/canonical-origin";
import { allowedOrigins } from "@/lib/config/env";

/** Far above any form of the portal (the longest text field is a 20,000-character letter). */
export const MAX_FORM_POST_BYTES = 256 * 1024;

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
  if (request.method === "POST" && Number(request.headers.get("content-length") ?? "0") > MAX_FORM_POST_BYTES) {
    return new NextResponse(TOO_LARGE_PAGE, {
      status: 400,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const headers = new Headers(request.headers);
  headers.delete(CANONICAL_LOCATION_HEADER);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  // The friendly rate-limit page is still an HTTP 429 for clients and monitoring.
  const status = request.nextUrl.pathname === "/too-many-requests" ? 429 : undefined;
  return NextResponse.next({ request: { headers }, status });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
