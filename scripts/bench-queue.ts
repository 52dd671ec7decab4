// Queue benchmark: seeds N cases (default 1,000,000) into a scratch embedded PostgreSQL (or
// DATABASE_URL) and prints EXPLAIN ANALYZE timings of the exact queue SQL (lib/cases/queue-query.ts).
// Usage: npx tsx scripts/bench-queue.ts [--cases 1000000]   It prints numbers; it is not a test.
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";

const argIndex = process.argv.indexOf("--cases");
const total = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 1_000_000;

let stop: (() => Promise<void>) | undefined;
if (!process.env.DATABASE_URL) {
  const dir = path.resolve(".data-bench");
  fs.rmSync(dir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.BENCH_PG_PORT ?? 54397), database: "bench" });
  process.env.DATABASE_URL = pg.url;
  stop = async () => {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
process.env.SMTP_URL ??= "smtp://127.0.0.1:1";
process.env.MUNICIPALITY ??= "bergen";

try {
  await migrateDeploy(process.env.DATABASE_URL!, () => {});
  const { seed } = await import("../prisma/seed");
  await seed({ demoData: true, log: () => {} });
  const { db, disconnectDb } = await import("../lib/db/client");
  const { buildQueueQuery } = await import("../lib/cases/queue-query");
  const { queueFiltersSchema } = await import("../lib/cases/queue-filters");

  const started = Date.now();
  // Spread over six units (and some without), 3 years of receipts, 5% open, the rest closed.
  await db().$executeRawUnsafe(`
    INSERT INTO requester (id, name, email, identity_level)
    SELECT gen_random_uuid(), 'Benk Person ' || g, 'benk' || g || '@example.test', 'email_code'
    FROM generate_series(1, ${total}) g`);
  await db().$executeRawUnsafe(`
    WITH units AS (SELECT array_agg(id ORDER BY slug) AS ids FROM unit),
         people AS (SELECT id, row_number() OVER () AS n FROM requester WHERE email LIKE 'benk%')
    INSERT INTO request_case (id, reference, reference_year, reference_seq, municipality_id, unit_id, requester_id,
      rights, channel, status, received_at, one_month_due_date, due_date, receipt_token, updated_at)
    SELECT gen_random_uuid(), 'PV-' || (2000 + p.n % 3) || '-' || lpad((1000000 + p.n)::text, 7, '0'), 2000 + p.n % 3, 1000000 + p.n,
      'bergen', CASE WHEN p.n % 10 = 0 THEN NULL ELSE (SELECT ids[1 + (p.n % 6)::int] FROM units) END, p.id,
      ARRAY['access']::"Right"[], 'web',
      (CASE WHEN p.n % 20 = 0 THEN (ARRAY['received','in_progress','awaiting_requester'])[1 + (p.n / 20 % 3)::int]
            ELSE (ARRAY['completed','refused','withdrawn'])[1 + (p.n % 3)::int] END)::"CaseStatus",
      now() - ((p.n % 1000) || ' days')::interval,
      (now() - ((p.n % 1000) || ' days')::interval + interval '1 month')::date,
      (now() - ((p.n % 1000) || ' days')::interval + interval '1 month')::date,
      md5(p.n::text || random()::text), now()
    FROM people p`);
  await db().$executeRawUnsafe("ANALYZE");
  console.log(`Seeded ${total.toLocaleString("en")} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const actorFor = async (email: string) => {
    const u = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true, roles: true, units: { select: { unitId: true } } } });
    return { kind: "staff" as const, userId: u.id, roles: u.roles, unitIds: u.units.map((x) => x.unitId) };
  };
  const caseworker = await actorFor("saksbehandler@demo.test");
  const dpo = await actorFor("personvernombud@demo.test");
  const scenarios = [
    { name: "caseworker, default view (open, by due date)", actor: caseworker, filters: {} },
    { name: "DPO, all open cases", actor: dpo, filters: {} },
    { name: "DPO, overdue", actor: dpo, filters: { view: "overdue" } },
    { name: "caseworker, due this week", actor: caseworker, filters: { view: "due_this_week" } },
    { name: "DPO, sorted by received", actor: dpo, filters: { sort: "received" } },
    { name: "DPO, search by reference", actor: dpo, filters: { q: "PV-2001-1000001" } },
    { name: "DPO, search by name (substring)", actor: dpo, filters: { q: "Person 4242" } },
  ];
  console.log("\n| scenario | execution ms (median of 5) | plan root |\n|---|---|---|");
  for (const s of scenarios) {
    const filters = queueFiltersSchema.parse(s.filters);
    const query = buildQueueQuery(s.actor, filters, { now: new Date(), limit: 25 });
    const times: number[] = [];
    let root = "";
    for (let i = 0; i < 5; i++) {
      const [plan] = await db().$queryRawUnsafe<{ "QUERY PLAN": [{ "Execution Time": number; Plan: { "Node Type": string } }] }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
        ...query.values,
      );
      times.push(plan!["QUERY PLAN"][0]["Execution Time"]);
      root = plan!["QUERY PLAN"][0].Plan["Node Type"];
    }
    times.sort((a, b) => a - b);
    console.log(`| ${s.name} | ${times[2]!.toFixed(2)} | ${root} |`);
  }
  await disconnectDb();
} finally {
  await stop?.();
}
