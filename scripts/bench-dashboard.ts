// Dashboard benchmark: seeds N cases (default 1,000,000) into a scratch embedded PostgreSQL (or
// DATABASE_URL) spread over three years: closed dates, extensions with grounds, decisions with legal
// bases, requesters of every identity level. Then times the whole dashboard data load ("now" +
// every "over time" statistic with the default filters) for a DPO and a unit lead, and prints
// EXPLAIN ANALYZE timings of each trends statement (the exact SQL of lib/dashboard/dashboard-trends.ts).
// Usage: npx tsx scripts/bench-dashboard.ts [--cases 1000000] [--no-seed]   It prints numbers; it is not a test.
import { median, prepareBenchDatabase } from "./lib/bench-database";
import { seedBenchCases } from "./lib/bench-seed";

const argIndex = process.argv.indexOf("--cases");
const total = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 1_000_000;
const RUNS = 5;

const stop = await prepareBenchDatabase({ dataDir: ".data-bench-dashboard", defaultPort: 15399 });
try {
  const { db, disconnectDb } = await import("../lib/db/client");
  const { dashboardNow } = await import("../lib/dashboard/dashboard-now");
  const { dashboardTrends, buildReceivedQuery, buildClosedQuery, buildRefusalsQuery } = await import("../lib/dashboard/dashboard-trends");
  const { defaultPeriod } = await import("../lib/dashboard/trend-filters");

  // --no-seed: measure again on a database this script seeded before (DATABASE_URL), e.g. after an index change.
  if (!process.argv.includes("--no-seed")) {
    const started = Date.now();
    await seedBenchCases((text) => db().$executeRawUnsafe(text), total);
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
