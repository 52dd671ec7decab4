import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { dashboardNow, type DashboardNow } from "@/lib/dashboard/dashboard-now";
import { dashboardCsv } from "@/lib/dashboard/dashboard-csv";
import { csvCell, toCsv } from "@/lib/dashboard/csv";
import { dashboardOnTime } from "@/lib/dashboard/dashboard-on-time";
import { dashboardTrends } from "@/lib/dashboard/dashboard-trends";
import { defaultPeriod } from "@/lib/dashboard/trend-filters";
import { validRequest, staffActorByEmail as actorFor } from "./helpers";
import { parseCsv } from "./dashboard-csv-parse";


// Independent of lib/domain/calendar: today's date in Oslo straight from Intl, and day arithmetic
// on UTC midnights.
function osloToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
/** The first day of the month 11 months before this Oslo month: the start of the default period. */
function periodStart(now: Date): string {
  const [y, m] = osloToday(now).split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 11;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}
function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

const DAY = 86_400_000;
const now = new Date();
const refs: Record<string, string> = {};

/** What the dashboard should show, computed from plain rows with plain JavaScript. */
async function expected(filter: (c: { unitId: string | null; assigneeId: string | null }) => boolean) {
  const rows = (
    await db().case.findMany({
      where: { status: { in: ["received", "in_progress", "awaiting_requester"] } },
      select: { reference: true, status: true, rights: true, dueDate: true, unitId: true, assigneeId: true, extended: true },
    })
  ).filter(filter);
  const today = dayNumber(osloToday(now));
  const due = (r: (typeof rows)[number]) => dayNumber(r.dueDate.toISOString().slice(0, 10));
  const running = rows.filter((r) => r.status !== "awaiting_requester");
  const count = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length;
  return {
    totalOpen: rows.length,
    status: {
      received: count((r) => r.status === "received"),
      in_progress: count((r) => r.status === "in_progress"),
      awaiting_requester: count((r) => r.status === "awaiting_requester"),
    },
    right: Object.fromEntries(
      ["access", "rectification", "erasure", "restriction", "objection", "portability"].map((right) => [
        right,
        count((r) => r.rights.includes(right as never)),
      ]),
    ),
    dueSoon: running.filter((r) => due(r) >= today && due(r) <= today + 7).length,
    dueSoonRefs: running.filter((r) => due(r) >= today && due(r) <= today + 7).map((r) => r.reference),
    pausedRefs: rows.filter((r) => r.status === "awaiting_requester").map((r) => r.reference),
    overdue: new Map(running.filter((r) => due(r) < today).map((r) => [r.reference, today - due(r)])),
    extended: count((r) => r.extended),
    unassigned: count((r) => r.assigneeId === null),
  };
}

function asMaps(d: DashboardNow) {
  return {
    status: Object.fromEntries(d.byStatus.map((s) => [s.status, s.count])),
    right: Object.fromEntries(d.byRight.map((r) => [r.right, r.count])),
  };
}

beforeAll(async () => {
  const kari = await actorFor("saksbehandler@demo.test");
  const make = async (key: string, unit: string, daysAgo: number) => {
    const received = new Date(now.getTime() - daysAgo * DAY);
    refs[key] = (await submitRequest(validRequest({ unit }), { locale: "nb", now: received })).reference;
  };
  await make("overdueAssigned", "barnehage", 45); // due about two weeks ago
  await make("overdueHelse", "helse-omsorg", 40); // overdue, outside the unit lead's units
  await make("dueSoon", "skole", 28); // due in a few days
  await make("pausedOld", "skole", 50); // would be overdue, but waits for the requester
  await make("fresh", "", 1); // no unit, no assignee, due in a month
  await make("closedOld", "barnehage", 60); // closed: counts nowhere
  await db().case.update({ where: { reference: refs.overdueAssigned }, data: { assigneeId: kari.userId, status: "in_progress", rights: ["access", "objection"] } });
  await db().case.update({ where: { reference: refs.pausedOld }, data: { status: "awaiting_requester" } });
  await db().case.update({ where: { reference: refs.dueSoon }, data: { extended: true, extensionReason: "complex" } });
  await db().case.update({ where: { reference: refs.closedOld }, data: { status: "completed", closedAt: now } });
});

afterAll(async () => {
  await disconnectDb();
});

describe("dashboard now", () => {
  it("gives the DPO counts over every open case that match an independent count", async () => {
    const dpo = await actorFor("personvernombud@demo.test");
    const [data, want] = [await dashboardNow(dpo, { now }), await expected(() => true)];
    expect(data.today).toBe(osloToday(now));
    expect(data.totalOpen).toBe(want.totalOpen);
    expect(asMaps(data).status).toEqual(want.status);
    expect(asMaps(data).right).toEqual(want.right);
    expect(data.paused).toBe(want.status.awaiting_requester);
    expect(data.dueSoon).toBe(want.dueSoon);
    expect(data.extended).toBe(want.extended);
    expect(data.unassigned).toBe(want.unassigned);
    expect(data.overdueCount).toBe(want.overdue.size);
    expect(new Map(data.overdue.map((r) => [r.reference, r.daysOverdue]))).toEqual(want.overdue);

    // Our own cases land where they should.
    const mine = data.overdue.find((r) => r.reference === refs.overdueAssigned)!;
    expect(mine).toMatchObject({ unitName: expect.stringMatching(/barnehage/i), rights: ["access", "objection"] });
    expect(mine.assigneeName).toBeTruthy();
    // Received 45 days ago, due a month after: two weeks or so late (the exact days from its row).
    const mineDue = (await db().case.findUniqueOrThrow({ where: { reference: refs.overdueAssigned }, select: { dueDate: true } })).dueDate;
    expect(mine.daysOverdue).toBe(dayNumber(osloToday(now)) - dayNumber(mineDue.toISOString().slice(0, 10)));
    expect(mine.daysOverdue).toBeGreaterThan(10);
    expect(data.overdue.map((r) => r.reference)).toContain(refs.overdueHelse);
    expect(data.overdue.map((r) => r.reference)).not.toContain(refs.pausedOld);
    expect(data.overdue.map((r) => r.reference)).not.toContain(refs.closedOld);
    expect(data.overdue.map((r) => r.reference)).not.toContain(refs.dueSoon);
    // Oldest deadline first.
    const days = data.overdue.map((r) => r.daysOverdue);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    // The exact counts above include our own cases: the checks are not about an empty queue.
    expect(want.dueSoonRefs).toContain(refs.dueSoon);
    expect(want.pausedRefs).toContain(refs.pausedOld);
  });

  it("gives a unit lead only their own units (plus cases without a unit and their own)", async () => {
    const lead = await actorFor("leder@demo.test");
    const data = await dashboardNow(lead, { now });
    const want = await expected((c) => c.unitId === null || lead.unitIds.includes(c.unitId) || c.assigneeId === lead.userId);
    expect(data.totalOpen).toBe(want.totalOpen);
    expect(asMaps(data).status).toEqual(want.status);
    expect(asMaps(data).right).toEqual(want.right);
    expect(data.dueSoon).toBe(want.dueSoon);
    expect(data.unassigned).toBe(want.unassigned);
    expect(new Map(data.overdue.map((r) => [r.reference, r.daysOverdue]))).toEqual(want.overdue);
    expect(data.overdue.map((r) => r.reference)).toContain(refs.overdueAssigned);
    expect(data.overdue.map((r) => r.reference)).not.toContain(refs.overdueHelse);
    const dpo = await dashboardNow(await actorFor("personvernombud@demo.test"), { now });
    expect(data.totalOpen).toBeLessThan(dpo.totalOpen);
  });

  it("answers not_found to a caseworker and an admin", async () => {
    await expect(dashboardNow(await actorFor("saksbehandler@demo.test"), { now })).rejects.toMatchObject({ code: "not_found" });
    await expect(dashboardNow(await actorFor("admin@demo.test"), { now })).rejects.toMatchObject({ code: "not_found" });
    await expect(dashboardNow({ kind: "citizen", requesterId: "x" }, { now })).rejects.toMatchObject({ code: "not_found" });
  });
});

/** The on-time counts of the default period from plain rows, with plain JavaScript. */
async function expectedOnTime(filter: (c: { unitId: string | null; assigneeId: string | null }) => boolean) {
  const from = periodStart(now);
  const today = osloToday(now);
  const rows = (await db().case.findMany({ select: { reference: true, status: true, closedAt: true, dueDate: true, unitId: true, assigneeId: true } })).filter(filter);
  const due = (r: (typeof rows)[number]) => r.dueDate.toISOString().slice(0, 10);
  const answered = rows.filter((r) => ["completed", "partially_completed", "refused"].includes(r.status) && r.closedAt && osloToday(r.closedAt) >= from);
  const answeredOnTime = answered.filter((r) => osloToday(r.closedAt!) <= due(r)).length;
  const late = rows.filter((r) => ["received", "in_progress"].includes(r.status) && due(r) >= from && due(r) < today);
  return { answeredOnTime, answeredLate: answered.length - answeredOnTime, openOverdue: late.length, openOverdueRefs: late.map((r) => r.reference) };
}

describe("dashboard on-time rate", () => {
  it("counts open cases past their due date as late, so it is below 100 % while cases are overdue", async () => {
    const dpo = await actorFor("personvernombud@demo.test");
    const data = await dashboardOnTime(dpo, { now });
    const want = await expectedOnTime(() => true);
    expect(data.today).toBe(osloToday(now));
    expect(`${data.from}-01`).toBe(periodStart(now));
    const { openOverdueRefs, ...counts } = want;
    expect(data.onTime).toMatchObject(counts);
    // Our two overdue open cases are among them; the paused one is not late (its clock stands still).
    expect(openOverdueRefs).toEqual(expect.arrayContaining([refs.overdueAssigned, refs.overdueHelse]));
    expect(openOverdueRefs).not.toContain(refs.pausedOld);
    expect(data.onTime.counted).toBe(want.answeredOnTime + want.answeredLate + want.openOverdue);
    expect(data.onTime.rate).not.toBeNull();
    expect(data.onTime.rate!).toBeLessThan(100);
    const exact = (100 * want.answeredOnTime) / data.onTime.counted;
    expect(Math.abs(data.onTime.rate! - exact)).toBeLessThanOrEqual(0.1);
  });

  it("is the same figure as the statistics page with its default period, for the DPO and a unit lead", async () => {
    for (const email of ["personvernombud@demo.test", "leder@demo.test"]) {
      const actor = await actorFor(email);
      const [headline, trends] = await Promise.all([dashboardOnTime(actor, { now }), dashboardTrends(actor, defaultPeriod(now), { now })]);
      expect(headline.onTime).toEqual(trends.summary.onTime);
      expect([headline.from, headline.to]).toEqual([trends.filters.from, trends.filters.to]);
      // The months add up to the headline.
      expect(trends.monthly.reduce((s, r) => s + r.openOverdue, 0)).toBe(headline.onTime.openOverdue);
      expect(trends.monthly.reduce((s, r) => s + r.onTime, 0)).toBe(headline.onTime.answeredOnTime);
    }
    const lead = await actorFor("leder@demo.test");
    const mine = await dashboardOnTime(lead, { now });
    const { openOverdueRefs: leadLate, ...leadCounts } = await expectedOnTime((c) => c.unitId === null || lead.unitIds.includes(c.unitId) || c.assigneeId === lead.userId);
    expect(mine.onTime).toMatchObject(leadCounts);
    expect(leadLate).toContain(refs.overdueAssigned);
    expect(leadLate).not.toContain(refs.overdueHelse);
  });

  it("answers not_found to a caseworker, an admin and a citizen", async () => {
    await expect(dashboardOnTime(await actorFor("saksbehandler@demo.test"), { now })).rejects.toMatchObject({ code: "not_found" });
    await expect(dashboardOnTime(await actorFor("admin@demo.test"), { now })).rejects.toMatchObject({ code: "not_found" });
    await expect(dashboardOnTime({ kind: "citizen", requesterId: "x" }, { now })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("dashboard CSV", () => {
  it("doubles quotes and defuses formulas", () => {
    expect(csvCell('Sa "hei"')).toBe('"Sa ""hei"""');
    expect(csvCell("=1+1")).toBe(`"'=1+1"`);
    expect(csvCell("+47 555")).toBe(`"'+47 555"`);
    expect(csvCell("-x")).toBe(`"'-x"`);
    expect(csvCell('@SUM("a")')).toBe(`"'@SUM(""a"")"`);
    expect(csvCell("a,b\nc")).toBe('"a,b\nc"');
    expect(csvCell(12)).toBe("12");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["A", "B"], [["x", 1]])).toBe('\uFEFF"A","B"\r\n"x",1\r\n');
    // The Excel format: semicolons and a decimal comma; text stays quoted (a ";" inside it too).
    expect(csvCell(91.7, "excel")).toBe("91,7");
    expect(csvCell(-0.5, "excel")).toBe("-0,5");
    expect(csvCell(91.7)).toBe("91.7");
    expect(csvCell("a;b", "excel")).toBe('"a;b"');
    expect(toCsv(["A", "B", "C"], [["x", 12.5, null]], "excel")).toBe('\uFEFF"A";"B";"C"\r\n"x";12,5;\r\n');
  });

  it("exports the overdue list with escaped names", async () => {
    const data = await dashboardNow(await actorFor("personvernombud@demo.test"), { now });
    const labels = { dashboard: (k: string) => `L:${k}`, rightTitle: (r: string) => `R:${r}` };
    const injected: DashboardNow = {
      ...data,
      overdue: [{ id: "1", reference: "PV-1", rights: ["access"], unitName: 'Skule "Nord"', assigneeName: "=HYPERLINK(1)", dueDate: "2026-01-02", daysOverdue: 5 }],
    };
    const { body, fileName } = dashboardCsv(injected, "overdue", labels);
    expect(fileName).toMatch(/^[a-z0-9-]+\.csv$/);
    expect(body.startsWith("\uFEFF")).toBe(true);
    expect(body.split("\r\n")[1]).toBe(`"PV-1","R:access","Skule ""Nord""","'=HYPERLINK(1)","2026-01-02",5`);

    const real = dashboardCsv(data, "overdue", labels).body;
    expect(real).toContain(`"${refs.overdueAssigned}","R:access, R:objection"`);
    const status = dashboardCsv(data, "status", labels).body.split("\r\n");
    expect(status[0]).toBe('\uFEFF"L:colStatus","L:colCount"');
    expect(status).toContain(`"L:status.in_progress",${data.byStatus.find((s) => s.status === "in_progress")!.count}`);
  });

  it("exports each table for Norwegian Excel: BOM, semicolons, the same cells as the CSV", async () => {
    const data = await dashboardNow(await actorFor("personvernombud@demo.test"), { now });
    const labels = { dashboard: (k: string) => `L:${k}`, rightTitle: (r: string) => `R:${r}` };
    const injected: DashboardNow = {
      ...data,
      overdue: [
        { id: "1", reference: "PV-1", rights: ["access", "erasure"], unitName: "Skule; Nord", assigneeName: "=HYPERLINK(1)", dueDate: "2026-01-02", daysOverdue: 5 },
        ...data.overdue,
      ],
    };
    const excel = dashboardCsv(injected, "overdue", labels, "excel");
    expect(excel.fileName).toBe(`personvern-oversikt-overdue-${data.today}-excel.csv`);
    expect(excel.body.split("\r\n")[0]).toBe('\uFEFF"L:colReference";"L:colRights";"L:colUnit";"L:colAssignee";"L:colDue";"L:colDaysOverdue"');
    expect(excel.body.split("\r\n")[1]).toBe(`"PV-1";"R:access, R:erasure";"Skule; Nord";"'=HYPERLINK(1)";"2026-01-02";5`);
    const rows = parseCsv(excel.body, ";");
    expect(rows[1]).toEqual(["PV-1", "R:access, R:erasure", "Skule; Nord", "'=HYPERLINK(1)", "2026-01-02", "5"]);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows.map((r) => r[0])).toContain(refs.overdueAssigned);
    for (const table of ["status", "right", "overdue"] as const) {
      // No decimals in these tables: the cells are exactly those of the CSV.
      expect(parseCsv(dashboardCsv(injected, table, labels, "excel").body, ";")).toEqual(parseCsv(dashboardCsv(injected, table, labels, "csv").body, ","));
    }
  });
});
