// Integration tests run against a real PostgreSQL: DATABASE_URL if given, otherwise a fresh
// embedded cluster in .data-test-integration (wiped first). Migrations are applied with the same
// `prisma migrate deploy` the app uses.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/migrate";

export default async function setup() {
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const dataDir = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration");
    fs.rmSync(dataDir, { recursive: true, force: true });
    const db = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_PG_PORT ?? 54339),
      database: "portal_test",
    });
    process.env.DATABASE_URL = db.url;
    stop = db.stop;
  }
  await migrateDeploy(process.env.DATABASE_URL!, () => {});
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
  await seed({ municipality: process.env.MUNICIPALITY, demoData: true, log: () => {} });
  const { disconnectDb } = await import("../../lib/db/client");
  await disconnectDb();
  return async () => {
    await stop?.();
  };
}
