// Shared start of the benchmark scripts: a scratch embedded PostgreSQL (unless DATABASE_URL is set)
// in its own data directory, migrated and seeded with the demo data (municipality, units, staff).
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { migrateDeploy } from "./migrate";

/** Starts, migrates and seeds; returns a function that stops and deletes the scratch cluster. */
export async function prepareBenchDatabase(options: { dataDir: string; defaultPort: number }): Promise<() => Promise<void>> {
  let stop: () => Promise<void> = async () => {};
  if (!process.env.DATABASE_URL) {
    const dir = path.resolve(options.dataDir);
    fs.rmSync(dir, { recursive: true, force: true });
    const pg = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.BENCH_PG_PORT ?? options.defaultPort), database: "bench" });
    // The benchmark seeds a million rows and is no app: it runs as the owner throughout.
    process.env.DATABASE_URL = pg.ownerUrl;
    stop = async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  process.env.SMTP_URL ??= "smtp://127.0.0.1:1";
  process.env.MUNICIPALITY ??= "bergen";
  try {
    await migrateDeploy(process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL!, () => {});
    const { seed } = await import("../../prisma/seed");
    await seed({ demoData: true, log: () => {} });
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

/** Median of a list of numbers (the list is not changed). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
