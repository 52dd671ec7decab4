// The one answer to "is this error the database being away?" (down, restarting, recovering after a
// crash, connection cut, pool exhausted), as opposed to a bug or a refused query. Whoever turns
// errors into responses asks here: the JSON API answers 503 with Retry-After, server actions and
// pages say "temporarily unavailable, try again shortly" instead of a generic error.
//
// Recognised, as seen from Prisma 6 with @prisma/adapter-pg (checked against a real PostgreSQL in
// tests/integration/db-unavailable.test.ts):
//   - Prisma's connection codes (P1001 can't reach, P1002/P1008 timeouts, P1017 server closed the
//     connection, P2024 no connection from the pool in time, P2037 too many connections) and
//     PrismaClientInitializationError;
//   - the driver adapter's error kinds in `meta.driverAdapterError.cause` (DatabaseNotReachable,
//     ConnectionClosed, SocketTimeout, TooManyConnections), also inside P2010 "raw query failed";
//   - PostgreSQL SQLSTATEs of class 08 (connection exception), 57P01-57P03 (shut down, crashed,
//     cannot connect now: starting up or in recovery) and 53300 (too many connections);
//   - Node socket errors (ECONNREFUSED, ECONNRESET, ...) and node-postgres' own messages
//     ("Connection terminated unexpectedly", "... is not queryable"), also as `cause` or inside an
//     AggregateError.
// Pure: no Prisma or Next import, so any layer can use it. Pass it errors from database work: the
// socket codes alone would also match, say, a mail server that refuses connections.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const MESSAGES = [
  /Connection terminated/i,
  /is not queryable/i,
  /Can't reach database server/i,
  /server closed the connection unexpectedly/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection (due to administrator command|because of crash of another server process)/i,
  /Timed out fetching a new connection from the connection pool/i,
];

/** Seconds a client is asked to wait (Retry-After) before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

type Inspectable = {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
};

function isSqlStateUnavailable(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || SQLSTATES.has(code);
}

function matches(value: unknown, depth: number): boolean {
  if (depth > 6 || value === null || typeof value !== "object") return false;
  const e = value as Inspectable;
  if (e.name === "PrismaClientInitializationError") return true;
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isSqlStateUnavailable(code))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  // An adapter error of kind "postgres" carries the SQLSTATE as `code` (handled above) or `originalCode`.
  const original = (e as { originalCode?: unknown }).originalCode;
  if (typeof original === "string" && isSqlStateUnavailable(original)) return true;
  if (typeof e.message === "string" && MESSAGES.some((re) => re.test(e.message as string))) return true;
  if (e.meta && typeof e.meta === "object" && matches(e.meta.driverAdapterError, depth + 1)) return true;
  if (matches(e.cause, depth + 1)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => matches(inner, depth + 1))) return true;
  return false;
}

/** True when `error` says the database cannot be reached or used right now (not a bug, not a refusal). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return matches(error, 0);
}
