// What bench:submit and bench:pages share around their scratch portal (scripts/lib/fault-parts.ts):
// the portal itself, SQL as the owner, the submission they post, and the run-report-shut-down frame.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { faultPortal, scratchPortalEnv, type FaultPortal, type FaultPostgres, type FaultSmtp } from "./fault-parts";

/**
 * The benchmark's portal (not started yet) on its scratch database and mail server, with the API key
 * "bench"; its files and log under `dataDir`. Returns the environment too (for a worker beside it).
 */
export function benchPortal(options: {
  postgres: FaultPostgres;
  smtp: FaultSmtp;
  ports: { app: number; oidc: number };
  dataDir: string;
  apiKeySecret: string;
  extra: Record<string, string>;
}): { portal: FaultPortal; env: NodeJS.ProcessEnv } {
  const env = scratchPortalEnv({
    postgres: options.postgres,
    smtp: options.smtp,
    ports: options.ports,
    dataDir: path.join(options.dataDir, "portal"),
    apiKey: { name: "bench", secret: options.apiKeySecret },
    extra: options.extra,
  });
  return { portal: faultPortal({ port: options.ports.app, logFile: path.join(options.dataDir, "portal.log"), env }), env };
}

/** Runs one statement as the database owner on its own connection (the benchmarks check and seed with it). */
export function ownerSql(postgres: () => FaultPostgres | undefined, applicationName: string) {
  return async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: postgres()!.urls.ownerUrl, application_name: applicationName });
    await client.connect();
    try {
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end();
    }
  };
}

/** A new access request for `POST /api/v1/requests`, with its own address and submission key, as real clients send. */
export function benchSubmissionBody(): string {
  return JSON.stringify({
    rights: ["access"],
    name: "Benk Innbygger",
    email: `benk-${randomUUID().slice(0, 12)}@example.test`,
    unit: "skole",
    description: "Hva har skolen lagret om meg?",
    submissionKey: randomUUID(),
  });
}

/** Runs a benchmark; on failure prints why and the portal's last log lines; always shuts its parts down. */
export async function runBenchmark(options: {
  name: string;
  main: () => Promise<void>;
  shutdown: () => Promise<void>;
  portal: () => FaultPortal | undefined;
  say: (line: string) => void;
}): Promise<void> {
  try {
    await options.main();
  } catch (error) {
    options.say(`${options.name} failed: ${(error as Error).message}`);
    const portal = options.portal();
    if (portal) options.say(portal.tail(30));
    process.exitCode = 1;
  } finally {
    await options.shutdown();
  }
}
