import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { dashboardTrends } from "@/lib/dashboard/dashboard-trends";
import { trendsCsv } from "@/lib/dashboard/trends-csv";
import type { TrendFilters } from "@/lib/dashboard/trend-filters";
import type { Actor } from "@/lib/domain/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { validRequest, staffActorByEmail as actorFor } from "./helpers";
import { parseCsv } from "./dashboard-csv-parse";

type StaffActor = Extract<Actor, { kind: "staff" }>;

// Two units of our own, so nobody else's cases land in the numbers; a period in 2021 nobody else uses.
const suffix = randomUUID().slice(0, 8);
const units = { a: "", b: "" };
let dpo: StaffActor;
const period = { from: "2021-01", to: "2021-03" };

type Seed = {
  unit: "a" | "b";
  received: string;
  closed?: string;
  due: string;
  status: Prisma.CaseUpdateInput["status"];
  extended?: boolean;
  ground?: "complexity" | "number_of_requests" | "both" | null;
  identity?: "none" | "email_code" | "idporten_substantial" | "idporten_high" | "verified_in_person";
  rights?: ("access" | "erasure")[];
  channel?: "web" | "letter";
  decision?: { outcome: "granted" | "refused" | "partially_granted"; bases: string[]; at: string };
};

async function seedCase(s: Seed): Promise<string> {
  const slug = s.unit === "a" ? `trend-a-${suffix}` : `trend-b-${suffix}`;
  const { reference } = await submitRequest(validRequest({ unit: slug }), { locale: "nb", now: new Date(s.received) });
  const c = await db().case.update({
    where: { reference },
    data: {
      receivedAt: new Date(s.received),
      closedAt: s.closed ? new Date(s.closed) : null,
      dueDate: new Date(`${s.due}T00:00:00Z`),
      status: s.status,
      extended: s.extended ?? false,
      extensionReason: s.extended ? "Mange systemer å gå gjennom." : null,
      extensionGround: s.ground ?? null,
      rights: s.rights ?? ["access"],
      channel: s.channel ?? "web",
      // The case's copy of the requester's level (what submit and register write): the statistics read it.
      identityLevel: s.identity ?? "none",
    },
    select: { id: true, requesterId: true },
  });
  await db().requester.update({ where: { id: c.requesterId }, data: { identityLevel: s.identity ?? "none" } });
  if (s.decision) {
    await db().caseDecision.create({
      data: {
        caseId: c.id,
        right: "access",
        outcome: s.decision.outcome,
        legalBasisIds: s.decision.bases,
        reasons: "Begrunnelse",
        decidedAt: new Date(s.decision.at),
        decidedById: dpo.userId,
      },
    });
  }
  return reference;
}

beforeAll(async () => {
  dpo = await actorFor("personvernombud@demo.test");
  for (const key of ["a", "b"] as const) {
    const unit = await db().unit.create({ data: { municipalityId: "bergen", slug: `trend-${key}-${suffix}`, name: `Statistikk ${key.toUpperCase()} ${suffix}` } });
    units[key] = unit.id;
  }
  // Unit A. Oslo is UTC+1 in winter.
  // Received 10 Jan, closed 00:30 Oslo on 1 Feb (still 31 Jan in UTC): closing month February, 22 days, on time.
  await seedCase({ unit: "a", received: "2021-01-10T10:00:00Z", closed: "2021-01-31T23:30:00Z", due: "2021-02-10", status: "completed", identity: "idporten_high" });
  // Closed exactly ON its due date: on time; 31 days. A refusal citing two bases.
  await seedCase({
    unit: "a",
    received: "2021-01-15T09:00:00Z",
    closed: "2021-02-15T12:00:00Z",
    due: "2021-02-15",
    status: "refused",
    identity: "idporten_substantial",
    decision: { outcome: "refused", bases: ["popplyl-16-a", "gdpr-12-5"], at: "2021-02-15T11:59:00Z" },
  });
  // Closed one day AFTER its due date: late; 32 days. A partial grant citing one basis.
  await seedCase({
    unit: "a",
    received: "2021-01-20T12:00:00Z",
    closed: "2021-02-21T12:00:00Z",
    due: "2021-02-20",
    status: "partially_completed",
    identity: "email_code",
    decision: { outcome: "partially_granted", bases: ["popplyl-16-a"], at: "2021-02-21T11:00:00Z" },
  });
  // Received 00:30 Oslo on 1 Feb (31 Jan in UTC): a February receipt. Withdrawn: closed, not decided.
  await seedCase({ unit: "a", received: "2021-01-31T23:30:00Z", closed: "2021-02-05T12:00:00Z", due: "2021-03-01", status: "withdrawn" });
  // Extended for complexity, still open.
  await seedCase({ unit: "a", received: "2021-02-03T12:00:00Z", due: "2021-05-03", status: "in_progress", extended: true, ground: "complexity" });
  // Extended before the ground was recorded; completed 20 March on time after 38 days. A granted decision (no basis).
  await seedCase({
    unit: "a",
    received: "2021-02-10T12:00:00Z",
    closed: "2021-03-20T10:00:00Z",
    due: "2021-05-10",
    status: "completed",
    extended: true,
    ground: null,
    decision: { outcome: "granted", bases: [], at: "2021-03-20T09:00:00Z" },
  });
  // Erasure by letter, extended because of the number of requests.
  await seedCase({
    unit: "a",
    received: "2021-03-05T12:00:00Z",
    due: "2021-06-07",
    status: "in_progress",
    extended: true,
    ground: "number_of_requests",
    rights: ["erasure"],
    channel: "letter",
  });
  // Received before the period, closed in March, late; 71 days. Its refusal was decided 23:30 Oslo on
  // 31 December: before the period.
  await seedCase({
    unit: "a",
    received: "2020-12-20T12:00:00Z",
    closed: "2021-03-01T12:00:00Z",
    due: "2021-01-20",
    status: "completed",
    decision: { outcome: "refused", bases: ["gdpr-11-2"], at: "2020-12-31T22:30:00Z" },
  });
  // Unit B: one case, closed in January, on time: a rate of closed cases alone would say 100 %.
  await seedCase({ unit: "b", received: "2021-01-05T12:00:00Z", closed: "2021-01-20T12:00:00Z", due: "2021-02-05", status: "completed", identity: "verified_in_person" });
  // ...but these are still open past their due date (received before the period, so the received
  // counts stay as they are): due 20 January, not even started; due 1 February, in progress.
  openOverdue.jan = await seedCase({ unit: "b", received: "2020-12-20T12:00:00Z", due: "2021-01-20", status: "received" });
  openOverdue.feb = await seedCase({ unit: "b", received: "2020-12-30T12:00:00Z", due: "2021-02-01", status: "in_progress" });
  // Not late: waiting for the requester (the clock stands still), and one due before the period.
  await seedCase({ unit: "b", received: "2020-12-30T12:00:00Z", due: "2021-02-01", status: "awaiting_requester" });
  await seedCase({ unit: "b", received: "2020-11-01T12:00:00Z", due: "2020-12-01", status: "in_progress" });
});

const openOverdue = { jan: "", feb: "" };

afterAll(async () => {
  await disconnectDb();
});

const filtersA = (): TrendFilters => ({ ...period, unit: units.a });

describe("dashboard trends", () => {
  it("counts received and closed per Oslo month, the on-time rate, median and 90th percentile", async () => {
    const data = await dashboardTrends(dpo, filtersA());
    expect(data.months).toEqual(["2021-01", "2021-02", "2021-03"]);
    expect(data.monthly).toEqual([
      { month: "2021-01", received: 3, closed: 0, decided: 0, onTime: 0, openOverdue: 0, onTimeRate: null, medianDays: null, p90Days: null },
      // Decided: 22 (on time), 31 (on the due date: on time), 32 (a day late) days.
      { month: "2021-02", received: 3, closed: 4, decided: 3, onTime: 2, openOverdue: 0, onTimeRate: 66.7, medianDays: 31, p90Days: 31.8 },
      // Decided: 38 (on time) and 71 (late) days.
      { month: "2021-03", received: 1, closed: 2, decided: 2, onTime: 1, openOverdue: 0, onTimeRate: 50, medianDays: 54.5, p90Days: 67.7 },
    ]);
    // The whole period: sums of the months; median and p90 of all five decided cases (22, 31, 32, 38, 71 days).
    expect(data.summary).toEqual({
      received: 7,
      closed: 6,
      decided: 5,
      medianDays: 32,
      p90Days: 57.8,
      onTime: { answeredOnTime: 3, answeredLate: 2, openOverdue: 0, answered: 5, late: 2, counted: 5, rate: 60 },
      reopened: 0,
    });
  });

  it("counts open cases past their due date as late: all answered on time, yet the rate is below 100 %", async () => {
    const data = await dashboardTrends(dpo, { ...period, unit: units.b });
    expect(data.monthly.map((r) => [r.decided, r.onTime, r.openOverdue, r.onTimeRate])).toEqual([
      [1, 1, 1, 50], // answered on time + open since its due date on 20 January
      [0, 0, 1, 0], // open since its due date on 1 February (the paused one does not count)
      [0, 0, 0, null],
    ]);
    expect(data.summary.onTime).toEqual({ answeredOnTime: 1, answeredLate: 0, openOverdue: 2, answered: 1, late: 2, counted: 3, rate: 33.3 });
    expect(data.summary.onTime.rate).toBeLessThan(100);

    // A due date passes at the end of its day (Oslo): on 1 February the case due that day is not late yet, on 2 February it is.
    const onFirst = await dashboardTrends(dpo, { ...period, unit: units.b }, { now: new Date("2021-02-01T22:30:00Z") }); // 23:30 Oslo
    expect(onFirst.today).toBe("2021-02-01");
    expect(onFirst.summary.onTime).toMatchObject({ openOverdue: 1, counted: 2, rate: 50 });
    const onSecond = await dashboardTrends(dpo, { ...period, unit: units.b }, { now: new Date("2021-02-01T23:30:00Z") }); // 00:30 Oslo on the 2nd
    expect(onSecond.today).toBe("2021-02-02");
    expect(onSecond.summary.onTime).toMatchObject({ openOverdue: 2, counted: 3, rate: 33.3 });

    // Once the January case is answered (late), it leaves the open ones and counts as answered late
    // in the month it was answered.
    await db().case.update({ where: { reference: openOverdue.jan }, data: { status: "completed", closedAt: new Date("2021-02-03T12:00:00Z") } });
    try {
      const later = await dashboardTrends(dpo, { ...period, unit: units.b });
      expect(later.monthly.map((r) => [r.decided, r.onTime, r.openOverdue])).toEqual([
        [1, 1, 0],
        [1, 0, 1],
        [0, 0, 0],
      ]);
      expect(later.summary.onTime).toMatchObject({ answeredOnTime: 1, answeredLate: 1, openOverdue: 1, counted: 3, rate: 33.3 });
    } finally {
      await db().case.update({ where: { reference: openOverdue.jan }, data: { status: "received", closedAt: null } });
    }

    // The right and channel filters apply to the open cases too.
    const erasure = await dashboardTrends(dpo, { ...period, unit: units.b, right: "erasure" });
    expect(erasure.summary.onTime).toMatchObject({ counted: 0, rate: null });
  });

  it("counts extensions by ground for cases received in the period, per month", async () => {
    const data = await dashboardTrends(dpo, filtersA());
    expect(data.extensions.totals).toEqual({ complexity: 1, number_of_requests: 1, both: 0, not_recorded: 1 });
    expect(data.extensions.total).toBe(3);
    expect(data.extensions.received).toBe(7);
    expect(data.extensions.byMonth).toEqual([
      { month: "2021-01", complexity: 0, number_of_requests: 0, both: 0, not_recorded: 0, total: 0 },
      { month: "2021-02", complexity: 1, number_of_requests: 0, both: 0, not_recorded: 1, total: 2 },
      { month: "2021-03", complexity: 0, number_of_requests: 1, both: 0, not_recorded: 0, total: 1 },
    ]);
  });

  it("counts the legal bases of refusals and partial grants decided in the period", async () => {
    const data = await dashboardTrends(dpo, filtersA());
    expect(data.refusals).toEqual([
      { basisId: "popplyl-16-a", citation: "personopplysningsloven § 16 første ledd bokstav a", count: 2 },
      { basisId: "gdpr-12-5", citation: "GDPR art. 12(5)", count: 1 },
    ]);
  });

  it("counts identity strength of the cases received in the period", async () => {
    const data = await dashboardTrends(dpo, filtersA());
    expect(Object.fromEntries(data.identity.map((r) => [r.level, r.count]))).toEqual({
      none: 4,
      email_code: 1,
      idporten_substantial: 1,
      idporten_high: 1,
      verified_in_person: 0,
    });
  });

  it("filters by right, channel and period", async () => {
    const erasure = await dashboardTrends(dpo, { ...filtersA(), right: "erasure" });
    expect(erasure.monthly.map((r) => r.received)).toEqual([0, 0, 1]);
    expect(erasure.monthly.map((r) => r.closed)).toEqual([0, 0, 0]);
    expect(erasure.refusals).toEqual([]);
    const letter = await dashboardTrends(dpo, { ...filtersA(), channel: "letter" });
    expect(letter.extensions.totals).toEqual({ complexity: 0, number_of_requests: 1, both: 0, not_recorded: 0 });
    const february = await dashboardTrends(dpo, { from: "2021-02", to: "2021-02", unit: units.a });
    expect(february.monthly).toHaveLength(1);
    expect(february.monthly[0]).toMatchObject({ received: 3, closed: 4 });
    expect(february.identity.reduce((s, r) => s + r.count, 0)).toBe(3);
    const b = await dashboardTrends(dpo, { ...period, unit: units.b });
    expect(b.monthly.map((r) => [r.received, r.closed, r.openOverdue])).toEqual([
      [1, 1, 1],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    const letterB = await dashboardTrends(dpo, { ...period, unit: units.b, channel: "letter" });
    expect(letterB.monthly.map((r) => r.openOverdue)).toEqual([0, 0, 0]);
  });

  it("gives a unit lead only their own units", async () => {
    const lead = await actorFor("leder@demo.test");
    const leadOfA: StaffActor = { ...lead, unitIds: [units.a] };
    const mine = await dashboardTrends(leadOfA, filtersA());
    const all = await dashboardTrends(dpo, filtersA());
    expect(mine).toEqual(all);
    const other = await dashboardTrends(leadOfA, { ...period, unit: units.b });
    expect(other.monthly.every((r) => r.received === 0 && r.closed === 0 && r.openOverdue === 0)).toBe(true);
    expect(other.identity.every((r) => r.count === 0)).toBe(true);
    // Without a unit filter: unit A (and cases without a unit), never unit B.
    const unfiltered = await dashboardTrends(leadOfA, period);
    const everything = await dashboardTrends(dpo, period);
    const sum = (d: typeof mine) => d.monthly.reduce((s, r) => s + r.received + r.closed, 0);
    expect(sum(unfiltered)).toBeGreaterThanOrEqual(sum(mine));
    expect(sum(everything) - sum(unfiltered)).toBeGreaterThanOrEqual(2);
    // The real unit lead (units 1 and 2) sees none of our cases.
    const real = await dashboardTrends(lead, filtersA());
    expect(real.monthly.every((r) => r.received === 0 && r.closed === 0 && r.openOverdue === 0)).toBe(true);
    expect((await dashboardTrends(lead, { ...period, unit: units.b })).summary.onTime.counted).toBe(0);
  });

  it("answers not_found to a caseworker, an admin and a citizen", async () => {
    await expect(dashboardTrends(await actorFor("saksbehandler@demo.test"), filtersA())).rejects.toMatchObject({ code: "not_found" });
    await expect(dashboardTrends(await actorFor("admin@demo.test"), filtersA())).rejects.toMatchObject({ code: "not_found" });
    await expect(dashboardTrends({ kind: "citizen", requesterId: "x" }, filtersA())).rejects.toMatchObject({ code: "not_found" });
  });

  it("exports each table as CSV with translated headers", async () => {
    const data = await dashboardTrends(dpo, filtersA());
    const labels = {
      trends: (k: string) => `L:${k}`,
      legalBasis: (id: string) => (id === "gdpr-12-5" ? "=åpenbart grunnløs" : `B:${id}`),
      identity: (l: string) => `I:${l}`,
    };
    const monthly = trendsCsv(data, "monthly", labels);
    expect(monthly.fileName).toBe("personvern-statistikk-monthly-2021-01-2021-03.csv");
    expect(monthly.body.split("\r\n")).toEqual([
      '\uFEFF"L:col.month","L:col.received","L:col.closed","L:col.decided","L:col.onTime","L:col.openOverdue","L:col.onTimeRate","L:col.median","L:col.p90"',
      '"2021-01",3,0,0,0,0,,,',
      '"2021-02",3,4,3,2,0,66.7,31,31.8',
      '"2021-03",1,2,2,1,0,50,54.5,67.7',
      "",
    ]);
    expect(trendsCsv(data, "extensions", labels).body.split("\r\n").slice(2, 5)).toEqual([
      '"2021-02",1,0,0,1,2',
      '"2021-03",0,1,0,0,1',
      '"L:col.total",1,1,0,1,3',
    ]);
    expect(trendsCsv(data, "refusals", labels).body.split("\r\n").slice(1, 3)).toEqual([
      '"personopplysningsloven § 16 første ledd bokstav a","B:popplyl-16-a",2',
      `"GDPR art. 12(5)","'=åpenbart grunnløs",1`,
    ]);
    expect(trendsCsv(data, "identity", labels).body).toContain('"I:idporten_high",1\r\n');
  });

  it("exports each table for Norwegian Excel: BOM, semicolons, decimal comma, the same cells as the CSV", async () => {
    const data = await dashboardTrends(dpo, filtersA());
    const labels = {
      trends: (k: string) => (k === "col.month" ? "Måned; år" : `L:${k}`),
      legalBasis: (id: string) => (id === "gdpr-12-5" ? "=åpenbart grunnløs" : `Grunnlag "${id}"; forklart`),
      identity: (l: string) => `I:${l}`,
    };
    const excel = trendsCsv(data, "monthly", labels, "excel");
    expect(excel.fileName).toBe("personvern-statistikk-monthly-2021-01-2021-03-excel.csv");
    expect(excel.body.startsWith("\uFEFF")).toBe(true);
    expect(excel.body.split("\r\n").slice(1, 4)).toEqual(['"2021-01";3;0;0;0;0;;;', '"2021-02";3;4;3;2;0;66,7;31;31,8', '"2021-03";1;2;2;1;0;50;54,5;67,7']);
    const rows = parseCsv(excel.body, ";");
    expect(rows[0]).toEqual(["Måned; år", "L:col.received", "L:col.closed", "L:col.decided", "L:col.onTime", "L:col.openOverdue", "L:col.onTimeRate", "L:col.median", "L:col.p90"]);
    // Every row has every column, and the numbers read back with a decimal comma are the statistics.
    expect(rows.every((r) => r.length === 9)).toBe(true);
    const num = (cell: string) => (cell === "" ? null : Number(cell.replace(",", ".")));
    expect(rows.slice(1).map((r) => [r[0], ...r.slice(1).map(num)])).toEqual(
      data.monthly.map((m) => [m.month, m.received, m.closed, m.decided, m.onTime, m.openOverdue, m.onTimeRate, m.medianDays, m.p90Days]),
    );
    expect(rows.flat().some((cell) => /^\d+\.\d+$/.test(cell))).toBe(false);

    // Each table: the Excel file holds exactly the cells of the CSV, numbers with a comma instead of a point.
    for (const table of ["monthly", "extensions", "refusals", "identity"] as const) {
      const plain = parseCsv(trendsCsv(data, table, labels, "csv").body, ",");
      const forExcel = parseCsv(trendsCsv(data, table, labels, "excel").body, ";");
      expect(forExcel).toEqual(plain.map((r) => r.map((cell) => (/^-?\d+\.\d+$/.test(cell) ? cell.replace(".", ",") : cell))));
    }
    const refusals = parseCsv(trendsCsv(data, "refusals", labels, "excel").body, ";");
    expect(refusals[1]).toEqual(["personopplysningsloven § 16 første ledd bokstav a", 'Grunnlag "popplyl-16-a"; forklart', "2"]);
    expect(refusals[2]).toEqual(["GDPR art. 12(5)", "'=åpenbart grunnløs", "1"]);
  });
});
