// Dashboard benchmark: seeds N cases (default 1,000,000) into a scratch embedded PostgreSQL (or
// DATABASE_URL) spread over three years: closed dates, extensions with grounds, decisions with legal
// bases, requesters of every identity level. Then times the whole dashboard data load ("now" +
// every "over time" statistic with the default filters) for a DPO and a unit lead, and prints
// EXPLAIN ANALYZE timings of each trends statement (the exact SQL of lib/dashboard/dashboard-trends.ts).
// Usage: npx tsx scripts/bench-dashboard.ts [--cases 1000000] [--no-seed]   It prints numbers; it is not a test.
import { median, prepareBenchDatabase } from "./lib/bench-database";

const argIndex = process.argv.indexOf("--cases");
const total = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 1_000_000;
const RUNS = 5;

const stop = await prepareBenchDatabase({ dataDir: ".data-bench-dashboard", defaultPort: 54399 });
try {
  const { db, disconnectDb } = await import("../lib/db/client");
  const { dashboardNow } = await import("../lib/dashboard/dashboard-now");
  const { dashboardTrends, buildReceivedQuery, buildClosedQuery, buildRefusalsQuery } = await import("../lib/dashboard/dashboard-trends");
  const { defaultPeriod } = await import("../lib/dashboard/trend-filters");

  // --no-seed: measure again on a database this script seeded before (DATABASE_URL), e.g. after an index change.
  if (!process.argv.includes("--no-seed")) {
    const started = Date.now();
    await db().$executeRawUnsafe(`
      INSERT INTO requester (id, name, email, identity_level)
      SELECT gen_random_uuid(), 'Benk Person ' || g, 'benk' || g || '@example.test',
        (ARRAY['none','email_code','idporten_substantial','idporten_high','verified_in_person'])[1 + g % 5]::"IdentityLevel"
      FROM generate_series(1, ${total}) g`);
    // Six units (and 10% without), 3 years of receipts, 5% open, the rest closed 0-59 days after
    // receipt (never in the future); every 7th case extended, with a ground or (older cases) none.
    await db().$executeRawUnsafe(`
      WITH units AS (SELECT array_agg(id ORDER BY slug) AS ids FROM unit),
           people AS (SELECT id, row_number() OVER () AS n FROM requester WHERE email LIKE 'benk%'),
           base AS (
             SELECT p.*, now() - ((p.n % 1095) || ' days')::interval - ((p.n % 24) || ' hours')::interval AS received,
                    p.n % 20 = 0 AS open, p.n % 7 = 0 AS ext
               FROM people p)
      INSERT INTO request_case (id, reference, reference_year, reference_seq, municipality_id, unit_id, requester_id,
        rights, channel, status, received_at, one_month_due_date, due_date, extended, extension_reason, extension_ground,
        closed_at, receipt_token, updated_at)
      SELECT gen_random_uuid(), 'PV-' || (2000 + b.n % 3) || '-' || lpad((1000000 + b.n)::text, 7, '0'), 2000 + b.n % 3, 1000000 + b.n,
        'bergen', CASE WHEN b.n % 10 = 0 THEN NULL ELSE (SELECT ids[1 + (b.n % 6)::int] FROM units) END, b.id,
        ARRAY[(ARRAY['access','erasure','rectification','objection'])[1 + (b.n % 4)::int]]::"Right"[],
        (ARRAY['web','email','letter','phone','counter'])[1 + (b.n / 3 % 5)::int]::"Channel",
        (CASE WHEN b.open THEN (ARRAY['received','in_progress','awaiting_requester'])[1 + (b.n / 20 % 3)::int]
              ELSE (ARRAY['completed','partially_completed','refused','withdrawn'])[1 + (b.n / 2 % 4)::int] END)::"CaseStatus",
        b.received,
        (b.received AT TIME ZONE 'Europe/Oslo' + interval '1 month')::date,
        (b.received AT TIME ZONE 'Europe/Oslo' + CASE WHEN b.ext THEN interval '3 months' ELSE interval '1 month' END)::date,
        b.ext, CASE WHEN b.ext THEN 'Benk' END,
        CASE WHEN b.ext THEN (ARRAY['complexity','number_of_requests','both',NULL])[1 + (b.n / 7 % 4)::int]::"ExtensionGround" END,
        CASE WHEN b.open THEN NULL ELSE least(now(), b.received + ((b.n * 7 % 60) || ' days')::interval) END,
        md5(b.n::text || random()::text), now()
      FROM base b`);
    // The case's copy of its requester's identity level, as submit/register write it.
    await db().$executeRawUnsafe(
      `UPDATE request_case c SET identity_level = r.identity_level FROM requester r WHERE r.id = c.requester_id AND r.email LIKE 'benk%'`,
    );
    // One decision per decided benchmark case (on its only right), decided when the case closed;
    // refusals and partial grants cite one or two legal bases. Only the benchmark's own cases: the
    // demo seed's closed cases have their decisions already (case_decision is unique per case and
    // right, and a fresh database failed on them).
    await db().$executeRawUnsafe(`
      INSERT INTO case_decision (id, case_id, "right", outcome, legal_basis_ids, reasons, decided_at, decided_by_id)
      SELECT gen_random_uuid(), c.id, c.rights[1],
        (CASE c.status WHEN 'completed' THEN 'granted' WHEN 'refused' THEN 'refused' ELSE 'partially_granted' END)::"RightOutcome",
        CASE WHEN c.status = 'completed' THEN ARRAY[]::text[]
             WHEN c.reference_seq % 3 = 0 THEN ARRAY['gdpr-12-5', 'gdpr-11-2']
             ELSE ARRAY[(ARRAY['gdpr-12-5','gdpr-11-2'])[1 + c.reference_seq % 2]] END,
        'Benk', c.closed_at, (SELECT id FROM staff_user WHERE email = 'personvernombud@demo.test')
      FROM request_case c JOIN requester r ON r.id = c.requester_id AND r.email LIKE 'benk%'
      WHERE c.status IN ('completed', 'partially_completed', 'refused') AND c.closed_at IS NOT NULL`);
    await db().$executeRawUnsafe("VACUUM ANALYZE");
    console.log(`Seeded ${total.toLocaleString("en")} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const actorFor = async (email: string) => {
    const u = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true, roles: true, units: { select: { unitId: true } } } });
    return { kind: "staff" as const, userId: u.id, roles: u.roles, unitIds: u.units.map((x) => x.unitId) };
  };
  const dpo = await actorFor("personvernombud@demo.test");
  const lead = await actorFor("leder@demo.test");
  const filters = defaultPeriod(new Date());

  // Warm-up (caches, prepared plans), then the median of several runs of the whole data load of
  // each page, its queries running in parallel as they do in the page.
  const timeIt = async (fn: () => Promise<unknown>) => {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  console.log(`\nDefault filters: ${filters.from} .. ${filters.to}`);
  console.log(`\n| dashboard data load | wall ms (median of ${RUNS}) |\n|---|---|`);
  for (const [name, actor] of [
    ["DPO", dpo],
    ["unit lead", lead],
  ] as const) {
    const nowMs = await timeIt(() => dashboardNow(actor));
    const trendsMs = await timeIt(() => dashboardTrends(actor, filters));
    const wholeMs = await timeIt(() => Promise.all([dashboardNow(actor), dashboardTrends(actor, filters)]));
    console.log(`| ${name}: "now" | ${nowMs.toFixed(1)} |`);
    console.log(`| ${name}: "over time" | ${trendsMs.toFixed(1)} |`);
    console.log(`| ${name}: whole dashboard (both, in parallel) | ${wholeMs.toFixed(1)} |`);
  }

  console.log(`\n| trends statement | actor | execution ms (median of ${RUNS}) | plan root |\n|---|---|---|---|`);
  for (const [name, build] of [
    ["received (per month, grounds, identity)", buildReceivedQuery],
    ["closed (per month, on time, median, p90)", buildClosedQuery],
    ["refusals by legal basis", buildRefusalsQuery],
  ] as const) {
    for (const [who, actor] of [
      ["DPO", dpo],
      ["unit lead", lead],
    ] as const) {
      const query = build(actor, filters);
      const times: number[] = [];
      let root = "";
      for (let i = 0; i < RUNS; i++) {
        const [plan] = await db().$queryRawUnsafe<{ "QUERY PLAN": [{ "Execution Time": number; Plan: { "Node Type": string } }] }[]>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
          ...query.values,
        );
        times.push(plan!["QUERY PLAN"][0]["Execution Time"]);
        root = plan!["QUERY PLAN"][0].Plan["Node Type"];
      }
      console.log(`| ${name} | ${who} | ${median(times).toFixed(2)} | ${root} |`);
    }
  }
  if (process.argv.includes("--plans")) {
    for (const build of [buildReceivedQuery, buildClosedQuery, buildRefusalsQuery]) {
      const query = build(dpo, filters);
      const rows = await db().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, ...query.values);
      console.log(`\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  await disconnectDb();
} finally {
  await stop();
}
