// Integration tests run against a real PostgreSQL: DATABASE_URL if given, otherwise a fresh
// embedded cluster in .data-test-integration (wiped first). Migrations are applied with the same
// `prisma migrate deploy` the app uses, as the owner (MIGRATION_DATABASE_URL); the tests and the
// services they call connect as the app (DATABASE_URL: portal_app_login, a member of portal_app), as
// in production. Tests that need the owner (fault injection with DDL) use tests/integration/owner-db.ts.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { prepareJobSchema } from "../../scripts/lib/job-schema";

export default async function setup() {
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const dataDir = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration");
    fs.rmSync(dataDir, { recursive: true, force: true });
    const db = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_PG_PORT ?? 15339),
      database: "portal_test",
    });
    process.env.DATABASE_URL = db.appUrl;
    process.env.MIGRATION_DATABASE_URL = db.ownerUrl;
    // Only for tests/integration/database-roles-upgrade.test.ts (a database from before the roles).
    process.env.TEST_SUPERUSER_URL = db.superuserUrl;
    stop = db.stop;
  }
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL!;
  process.env.MIGRATION_DATABASE_URL = ownerUrl;
  // A failed migration must not leave the embedded cluster running (the next run finds its port taken).
  await migrateDeploy(ownerUrl, () => {}).catch(async (error: unknown) => {
    await stop?.();
    throw error;
  });
  process.env.MUNICIPALITY ??= "bergen";
  process.env.PUBLIC_URL ??= "http://localhost:3999";
  process.env.TEST_SMTP_PORT ??= "25251";
  process.env.SMTP_URL ??= `smtp://127.0.0.1:${process.env.TEST_SMTP_PORT}`;
  process.env.LOG_LEVEL ??= "silent";
  // Fresh keys per run: tests never depend on a particular key, only on the mechanism.
  process.env.FIELD_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ??= randomBytes(32).toString("base64url");
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.OUTBOX_POLL_MS ??= "100000";
  const { seed } = await import("../../prisma/seed");
  await seed({ municipality: process.env.MUNICIPALITY, demoData: true, databaseUrl: ownerUrl, log: () => {} });
  await prepareJobSchema(ownerUrl);
  const { disconnectDb } = await import("../../lib/db/client");
  await disconnectDb();
  return async () => {
    await stop?.();
  };
}
