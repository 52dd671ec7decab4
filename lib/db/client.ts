// The one place that creates the database client. Everything else imports `db` from here.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

function createClient(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) });
  return new PrismaClient({ adapter });
}

type Client = ReturnType<typeof createClient>;
const globalForDb = globalThis as unknown as { __portalDb?: Client };

/** Lazily created so that importing this module never needs a database (e.g. during `next build`). */
export function db(): Client {
  globalForDb.__portalDb ??= createClient();
  return globalForDb.__portalDb;
}

/**
 * A client of its own on another connection string, for the start-up scripts (the seed runs as the
 * owner role, MIGRATION_DATABASE_URL); the caller disconnects it. The app uses db().
 */
export function createDbClient(connectionString: string): Client {
  return createClient(connectionString);
}

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];

export async function disconnectDb() {
  await globalForDb.__portalDb?.$disconnect();
  globalForDb.__portalDb = undefined;
}
