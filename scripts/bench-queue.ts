// Queue benchmark: seeds N cases (default 1,000,000) into a scratch embedded PostgreSQL (or
// DATABASE_URL) and prints EXPLAIN ANALYZE timings of the exact queue SQL (lib/cases/queue-query.ts).
// Usage: npx tsx scripts/bench-queue.ts [--cases 1000000]   It prints numbers; it is not a test.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/migrate";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const argIndex = process.argv.indexOf("--cases");
const total = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 1_000_000;

let stop: (() => Promise<void>) | undefined;
if (!process.env.DATABASE_URL) {
  const dir = path.resolve(".data-bench");
  fs.rmSync(dir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.BENCH_PG_PORT ?? 15397), database: "bench" });
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
  const { seed } = await import("../prisma/seed");
  await seed({ demoData: true, log: () => {} });
  const { db, disconnectDb } = await import("../lib/db/client");
  const { buildQueueQuery } = await import("../lib/cases/queue-query");
  const { queueFiltersSchema } = await import("../lib/cases/queue-filters");

  const started = Date.now();
  // Spread over six units (and some without), 3 years of receipts, 5% open, the rest closed.
  await db().$executeRawUnsafe(`
    INSERT INTO requester (id, name, email, identity_level, national_id_hash)
    SELECT gen_random_uuid(), 'Benk Person ' || g, 'benk' || g || '@example.test',
      (ARRAY['none','email_code','idporten_substantial','idporten_high','verified_in_person'])[1 + g % 5]::"IdentityLevel",
      CASE WHEN g % 2 = 0 THEN md5('pid' || g) END
    FROM generate_series(1, ${total}) g`);
  await db().$executeRawUnsafe(`
    WITH units AS (SELECT array_agg(id ORDER BY slug) AS ids FROM unit),
         people AS (SELECT id, row_number() OVER () AS n FROM requester WHERE email LIKE 'benk%')
    INSERT INTO request_case (id, reference, reference_year, reference_seq, municipality_id, unit_id, requester_id,
      rights, channel, identity_level, status, received_at, one_month_due_date, due_date, receipt_token, updated_at)
    SELECT gen_random_uuid(), 'PV-' || (2000 + p.n % 3) || '-' || lpad((1000000 + p.n)::text, 7, '0'), 2000 + p.n % 3, 1000000 + p.n,
      -- The unit from a hash of n: with n % 6 and n % 10 every open case (n % 20 = 0) had no unit,
      -- so the caseworker's queue held only the demo cases.
      'bergen', CASE WHEN (hashint4(p.n::int) & 2147483647) % 10 = 0 THEN NULL
                     ELSE (SELECT ids[1 + ((hashint4(p.n::int) & 2147483647) / 10 % 6)::int] FROM units) END, p.id,
      -- Every right (a tenth with two), every channel, every identity level.
      (CASE WHEN p.n % 10 = 3 THEN ARRAY['access', 'rectification']
            ELSE ARRAY[(ARRAY['access','access','access','rectification','erasure','restriction','objection','portability'])[1 + (p.n % 8)::int]] END)::"Right"[],
      (ARRAY['web','web','web','email','letter','phone','counter'])[1 + (p.n % 7)::int]::"Channel",
      (ARRAY['none','email_code','idporten_substantial','idporten_high','verified_in_person'])[1 + (p.n % 5)::int]::"IdentityLevel",
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
    { name: "DPO, erasure requests", actor: dpo, filters: { right: "erasure" } },
    { name: "caseworker, phone requests, identity not strongly verified", actor: caseworker, filters: { channel: "phone", identity: "none" } },
    { name: "DPO, paused", actor: dpo, filters: { paused: "1" } },
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

  // Keyset pagination: page 41 (after 1,000 rows) costs what page 1 costs.
  const deepFilters = queueFiltersSchema.parse({});
  const page40 = await db().$queryRawUnsafe<{ id: string; due: string; received: Date }[]>(
    `SELECT id::text AS id, to_char(due_date, 'YYYY-MM-DD') AS due, received_at AS received FROM request_case
      WHERE status IN ('received','in_progress','awaiting_requester') ORDER BY due_date, received_at, id OFFSET 999 LIMIT 1`,
  );
  if (page40[0]) {
    const { encodeQueueCursor } = await import("../lib/cases/queue-query");
    const query = buildQueueQuery(dpo, { ...deepFilters, cursor: encodeQueueCursor({ due: page40[0].due, received: page40[0].received.toISOString(), id: page40[0].id }) }, { now: new Date(), limit: 25 });
    console.log(`| DPO, page 41 (keyset cursor after 1,000 rows) | ${(await medianMs(query.text, query.values)).toFixed(2)} | |`);
  }

  // Linking registered cases at sign-in (lib/citizen-auth/link-requesters.ts): by e-mail (unlinked,
  // lower-cased) and by national-id hash; both must be index lookups, not a scan of 1M requesters.
  const lookups: Array<[string, string, unknown[]]> = [
    ["sign-in link by e-mail (unlinked requesters)", "SELECT id FROM requester r WHERE r.identity_id IS NULL AND lower(r.email) = $1", [`benk${Math.floor(total / 2)}@example.test`]],
    ["sign-in link by national-id hash", "SELECT id FROM requester r WHERE r.national_id_hash = $1", [md5(`pid${2 * Math.floor(total / 4)}`)]],
  ];
  console.log("\n| lookup | execution ms (median of 5) |\n|---|---|");
  for (const [name, sql, values] of lookups) console.log(`| ${name} | ${(await medianMs(sql, values)).toFixed(2)} |`);
  await disconnectDb();

  async function medianMs(sql: string, values: unknown[]): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [plan] = await db().$queryRawUnsafe<{ "QUERY PLAN": [{ "Execution Time": number }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, ...values);
      times.push(plan!["QUERY PLAN"][0]["Execution Time"]);
    }
    return times.sort((a, b) => a - b)[2]!;
  }
} finally {
  await stop?.();
}
