import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { dashboardNow, type DashboardNow } from "@/lib/dashboard/dashboard-now";
import { dashboardCsv } from "@/lib/dashboard/dashboard-csv";
import { csvCell, toCsv } from "@/lib/dashboard/csv";
import { validRequest, staffActorByEmail as actorFor } from "./helpers";


// Independent of lib/domain/calendar: today's date in Oslo straight from Intl, and day arithmetic
// on UTC midnights.
function osloToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
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
    expect(mine.daysOverdue).toBeGreaterThanOrEqual(10);
    expect(data.overdue.map((r) => r.reference)).toContain(refs.overdueHelse);
    expect(data.overdue.map((r) => r.reference)).not.toContain(refs.pausedOld);
    expect(data.overdue.map((r) => r.reference)).not.toContain(refs.closedOld);
    expect(data.overdue.map((r) => r.reference)).not.toContain(refs.dueSoon);
    // Oldest deadline first.
    const days = data.overdue.map((r) => r.daysOverdue);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    expect(data.dueSoon).toBeGreaterThanOrEqual(1);
    expect(data.paused).toBeGreaterThanOrEqual(1);
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
});
