// Liveness for load balancers and orchestrators: the process is up and serving. It touches no
// database and no other service on purpose: a PostgreSQL outage must not make every instance look
// dead at once (the pages and the API answer 503 themselves while the database is away), and it is
// the bare baseline of `npm run bench:submit`. On any host name: /api/* is outside proxy.ts.
export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ status: "ok" });

function answer() {
  return new Response(BODY, { status: 200, headers: { "content-type": "application/json", "cache-control": "no-store" } });
}

export const GET = answer;
export const HEAD = () => new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
