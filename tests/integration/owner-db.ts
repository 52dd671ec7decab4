// The owner's connection (portal_owner, MIGRATION_DATABASE_URL from global-setup.ts) for what the app's
// role may not do: tests that inject a fault with DDL (a trigger or CHECK that makes one write fail)
// and the role tests that compare the two. Services under test always use db() (DATABASE_URL, the
// app's role).
import pg from "pg";

export async function withOwner<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = process.env.MIGRATION_DATABASE_URL;
  if (!connectionString) throw new Error("MIGRATION_DATABASE_URL is not set (tests/integration/global-setup.ts sets it)");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs statements as the owner, one after another. */
export async function ownerSql(...statements: string[]): Promise<void> {
  await withOwner(async (client) => {
    for (const statement of statements) await client.query(statement);
  });
}
