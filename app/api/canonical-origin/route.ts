// Answers the 308 to the canonical origin for proxy.ts (see CANONICAL_LOCATION_HEADER in
// lib/http/canonical-origin.ts for why the proxy cannot answer it itself). Reached by the proxy's
// rewrite of a GET/HEAD on another host; called directly, it redirects only to a page on the
// canonical origin, or answers 404.
import { allowedOrigins } from "@/lib/config/env";
import { CANONICAL_LOCATION_HEADER, isCanonicalLocation } from "@/lib/http/canonical-origin";

export const dynamic = "force-dynamic";

function answer(request: Request) {
  const location = request.headers.get(CANONICAL_LOCATION_HEADER);
  if (!isCanonicalLocation(location, allowedOrigins())) {
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // no-store: a browser must not remember it forever (PUBLIC_URL may change, e.g. in development).
  return new Response(null, { status: 308, headers: { location, "cache-control": "no-store" } });
}

export const GET = answer;
export const HEAD = answer;
