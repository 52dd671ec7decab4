import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { listQueue, type QueueRow } from "@/lib/cases/list-queue";
import type { Actor } from "@/lib/domain/policy";
import { validRequest, staffActorByEmail as actorFor } from "./helpers";

async function allPages(actor: Actor, limit: number) {
  const rows: QueueRow[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listQueue(actor, { cursor, limit });
    rows.push(...page.rows);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return rows;
}

const refs: Record<string, string> = {};

beforeAll(async () => {
  // Seeded: saksbehandler@ has units 0 and 1 (barnehage, skole); saksbehandler2@ has unit 2 (helse-omsorg).
  const make = async (key: string, unit: string, daysAgo: number) => {
    const now = new Date(Date.now() - daysAgo * 86_400_000);
    refs[key] = (await submitRequest(validRequest({ unit }), { locale: "nb", now })).reference;
  };
  await make("barnehage", "barnehage", 3);
  await make("skole", "skole", 10);
  await make("helse", "helse-omsorg", 20);
  await make("noUnit", "", 5);
});

afterAll(async () => {
  await disconnectDb();
});

describe("staff queue", () => {
  it("shows a caseworker only the cases of their own units", async () => {
    const kari = await allPages(await actorFor("saksbehandler@demo.test"), 100);
    const refsSeen = new Set(kari.map((r) => r.reference));
    expect(refsSeen.has(refs.barnehage!)).toBe(true);
    expect(refsSeen.has(refs.skole!)).toBe(true);
    expect(refsSeen.has(refs.helse!)).toBe(false);
    expect(refsSeen.has(refs.noUnit!)).toBe(false);

    const ola = await allPages(await actorFor("saksbehandler2@demo.test"), 100);
    expect(ola.map((r) => r.reference)).toContain(refs.helse);
    expect(ola.map((r) => r.reference)).not.toContain(refs.barnehage);
  });

  it("lets the unit lead triage cases without a unit, and the DPO read everything", async () => {
    const lead = (await allPages(await actorFor("leder@demo.test"), 100)).map((r) => r.reference);
    expect(lead).toContain(refs.noUnit);
    expect(lead).not.toContain(refs.helse);
    const dpo = (await allPages(await actorFor("personvernombud@demo.test"), 100)).map((r) => r.reference);
    for (const ref of Object.values(refs)) expect(dpo).toContain(ref);
  });

  it("gives an admin without a case role nothing (404 semantics, not an empty leak)", async () => {
    await expect(listQueue(await actorFor("admin@demo.test"))).rejects.toMatchObject({ code: "not_found" });
  });

  it("sorts by due date and pages through every open case exactly once (keyset)", async () => {
    const dpo = await actorFor("personvernombud@demo.test");
    const paged = await allPages(dpo, 2);
    const single = await allPages(dpo, 100);
    expect(paged.map((r) => r.id)).toEqual(single.map((r) => r.id));
    expect(new Set(paged.map((r) => r.id)).size).toBe(paged.length);
    const keys = paged.map((r) => `${r.dueDate}|${r.receivedAt.toISOString()}|${r.id}`);
    expect([...keys].sort()).toEqual(keys);
    const row = paged.find((r) => r.reference === refs.helse)!;
    expect(row.daysLeft).toBeLessThanOrEqual(31 - 20 + 3);
    expect(row.requesterName).toBe("Test Testesen");
  });

  it("orders cases with the same due date by receipt time, also across pages", async () => {
    // Five requests on one day, filed in an order unlike their receipt times (ids are random).
    const day = new Date(Date.now() - 2 * 86_400_000);
    day.setUTCHours(6, 0, 0, 0);
    const minutes = [50, 10, 40, 0, 20];
    const made: { reference: string; at: number }[] = [];
    for (const m of minutes) {
      const now = new Date(day.getTime() + m * 60_000);
      made.push({ reference: (await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb", now })).reference, at: m });
    }
    const dpo = await actorFor("personvernombud@demo.test");
    const seen = (await allPages(dpo, 1)).filter((r) => made.some((x) => x.reference === r.reference));
    expect(new Set(seen.map((r) => r.dueDate)).size).toBe(1);
    expect(seen.map((r) => r.reference)).toEqual([...made].sort((a, b) => a.at - b.at).map((x) => x.reference));
  });

  it("ignores a forged cursor instead of failing", async () => {
    const page = await listQueue(await actorFor("personvernombud@demo.test"), { cursor: "not-a-cursor" });
    expect(page.rows.length).toBeGreaterThan(0);
  });
});

describe("queue filters", () => {
  const refsOf = async (filters: NonNullable<Parameters<typeof listQueue>[1]>["filters"], email = "personvernombud@demo.test") =>
    (await allPagesWith(await actorFor(email), filters)).map((r) => r.reference);

  async function allPagesWith(actor: Actor, filters: NonNullable<Parameters<typeof listQueue>[1]>["filters"]) {
    const rows: QueueRow[] = [];
    let cursor: string | null = null;
    do {
      const page = await listQueue(actor, { filters, cursor, limit: 3 });
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  it("filters by unit, right and channel", async () => {
    const barnehage = await db().unit.findFirstOrThrow({ where: { slug: "barnehage" } });
    const byUnit = await refsOf({ unit: barnehage.id });
    expect(byUnit).toContain(refs.barnehage);
    expect(byUnit).not.toContain(refs.skole);
    expect(await refsOf({ right: "portability" })).not.toContain(refs.barnehage);
    expect(await refsOf({ right: "access" })).toContain(refs.barnehage);
    expect(await refsOf({ channel: "phone" })).not.toContain(refs.barnehage);
  });

  it("finds a case by its reference or the requester's name, and escapes LIKE wildcards", async () => {
    expect(await refsOf({ q: refs.helse!.toLowerCase() })).toEqual([refs.helse]);
    const named = await submitRequest(validRequest({ name: "Åse Særnavn-Kø" }), { locale: "nb" });
    expect(await refsOf({ q: "særnavn" })).toEqual([named.reference]);
    expect(await refsOf({ q: "%" })).not.toContain(named.reference);
  });

  it("shows overdue and due-within-N-days cases, by the Oslo calendar", async () => {
    const old = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb", now: new Date(Date.now() - 45 * 86_400_000) });
    const overdue = await refsOf({ overdue: true });
    expect(overdue).toContain(old.reference);
    expect(overdue).not.toContain(refs.barnehage);
    expect(await refsOf({ view: "overdue" })).toContain(old.reference);
    const dueSoon = await refsOf({ dueWithinDays: 14 });
    expect(dueSoon).toContain(refs.helse); // received 20 days ago: due in about 11 days
    expect(dueSoon).not.toContain(refs.barnehage); // received 3 days ago: due in about 28 days
    // Waiting for the requester: the deadline moves with the pause, so neither overdue nor due soon.
    const paused = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb", now: new Date(Date.now() - 45 * 86_400_000) });
    await db().case.update({ where: { id: paused.caseId }, data: { status: "awaiting_requester" } });
    expect(await refsOf({ overdue: true })).not.toContain(paused.reference);
    expect(await refsOf({ view: "due_this_week" })).not.toContain(paused.reference);
    expect(await refsOf({ paused: true })).toContain(paused.reference);
  });

  it("views: unassigned and mine", async () => {
    const kari = await actorFor("saksbehandler@demo.test");
    const caseRow = await db().case.findUniqueOrThrow({ where: { reference: refs.skole! } });
    await db().case.update({ where: { id: caseRow.id }, data: { assigneeId: kari.userId } });
    const mine = (await allPagesWith(kari, { view: "mine" })).map((r) => r.reference);
    // Other test files assign cases to Kari too: check membership, and that every row is hers.
    expect(mine).toContain(refs.skole);
    expect(mine).not.toContain(refs.barnehage);
    const assignees = await db().case.findMany({ where: { reference: { in: mine } }, select: { assigneeId: true } });
    expect(assignees.every((a) => a.assigneeId === kari.userId)).toBe(true);
    const unassigned = (await allPagesWith(kari, { view: "unassigned" })).map((r) => r.reference);
    expect(unassigned).toContain(refs.barnehage);
    expect(unassigned).not.toContain(refs.skole);
    expect(await refsOf({ assignee: "none" })).not.toContain(refs.skole);
  });

  it("sorts by received date too, paging without duplicates", async () => {
    const rows = await allPagesWith(await actorFor("personvernombud@demo.test"), { sort: "received" });
    const times = rows.map((r) => r.receivedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("reads an empty due-within field from the filter form as no filter, not as 0 days", async () => {
    const { parseQueueFilters } = await import("@/lib/cases/queue-filters");
    expect(parseQueueFilters({ dueWithinDays: "" }).dueWithinDays).toBeUndefined();
    expect(parseQueueFilters({ dueWithinDays: "0" }).dueWithinDays).toBe(0);
    expect(await refsOf(parseQueueFilters({ dueWithinDays: "" }))).toContain(refs.barnehage);
  });

  it("never widens the scope: a caseworker filtering on another unit gets nothing", async () => {
    const helse = await db().unit.findFirstOrThrow({ where: { slug: "helse-omsorg" } });
    expect(await refsOf({ unit: helse.id }, "saksbehandler@demo.test")).toEqual([]);
  });
});
