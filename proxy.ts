// Next 16 proxy (formerly middleware): passes the current path to server components, so that
// no-JavaScript forms (language switch) can return the user to the page they were on. It also
// refuses oversized form posts with 400 before they reach a server action (Next itself would
// answer 413 after reading up to its own limit); uploads go to /api routes with their own guard.
import { NextResponse, type NextRequest } from "next/server";

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

export function proxy(request: NextRequest) {
  if (request.method === "POST" && Number(request.headers.get("content-length") ?? "0") > MAX_FORM_POST_BYTES) {
    return new NextResponse(TOO_LARGE_PAGE, {
      status: 400,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  // The friendly rate-limit page is still an HTTP 429 for clients and monitoring.
  const status = request.nextUrl.pathname === "/too-many-requests" ? 429 : undefined;
  return NextResponse.next({ request: { headers }, status });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
