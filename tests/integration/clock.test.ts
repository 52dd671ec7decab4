// The demo clock against the real database (lib/clock.ts): the offset stored in demo_clock is
// honoured only in demo mode, is shared by every process (read from the table, not from memory),
// the services' defaults follow it, and the jobs run at it. Outside demo mode nothing reads or
// writes it, whatever the table holds.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db, disconnectDb } from "@/lib/db/client";
import { clockOffsetMs, now, setClockOffset, startClockSync, syncClock } from "@/lib/clock";
import { submitRequest } from "@/lib/cases/submit-request";
import { jobNow } from "@/lib/jobs/job-runner";
import { osloDateOf } from "@/lib/domain/calendar";
import { ownerSql, withOwner } from "./owner-db";
import { validRequest } from "./helpers";

const DAY = 86_400_000;
const savedDemoMode = process.env.DEMO_MODE;
const clockState = globalThis as unknown as { __portalClock?: unknown };

/** Another process: nothing in memory, only what the database says. */
function forgetLocalClock() {
  delete clockState.__portalClock;
}

async function storedOffset(): Promise<number | null> {
  return withOwner(async (client) => {
    const { rows } = await client.query<{ offset_ms: string }>("SELECT offset_ms FROM demo_clock WHERE id = 1");
    return rows[0] ? Number(rows[0].offset_ms) : null;
  });
}

function expectNear(actual: Date, expectedMs: number) {
  expect(Math.abs(actual.getTime() - expectedMs)).toBeLessThan(5_000);
}

beforeAll(async () => {
  await ownerSql("DELETE FROM demo_clock");
});

afterEach(async () => {
  if (savedDemoMode === undefined) delete process.env.DEMO_MODE;
  else process.env.DEMO_MODE = savedDemoMode;
  forgetLocalClock();
});

afterAll(async () => {
  // Later test files see the real time.
  await ownerSql("DELETE FROM demo_clock");
  await disconnectDb();
});

describe("outside demo mode", () => {
  it("now() is the real time even with an offset stored, and the clock cannot be moved", async () => {
    delete process.env.DEMO_MODE;
    await ownerSql(`INSERT INTO demo_clock (id, offset_ms, updated_at) VALUES (1, ${9 * DAY}, now()) ON CONFLICT (id) DO UPDATE SET offset_ms = EXCLUDED.offset_ms`);
    await syncClock();
    expectNear(now(), Date.now());
    expect(clockOffsetMs()).toBe(0);
    expectNear(await jobNow("deadline-reminders"), Date.now());
    await expect(setClockOffset(DAY)).rejects.toThrow(/only be moved in demo mode/);
    const stop = await startClockSync({ environment: { DEMO_CLOCK: "+30d" } });
    stop();
    expect(await storedOffset()).toBe(9 * DAY);
    expectNear(now(), Date.now());
    // And a service's default is the real time.
    const { caseId } = await submitRequest(validRequest(), { locale: "nb" });
    const row = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { receivedAt: true } });
    expectNear(row.receivedAt, Date.now());
  });
});

describe("in demo mode", () => {
  it("now() adds the stored offset, read from the table by every process", async () => {
    process.env.DEMO_MODE = "1";
    await ownerSql(`INSERT INTO demo_clock (id, offset_ms, updated_at) VALUES (1, ${9 * DAY}, now()) ON CONFLICT (id) DO UPDATE SET offset_ms = EXCLUDED.offset_ms`);
    expectNear(now(), Date.now()); // nothing loaded yet in this process
    await syncClock();
    expectNear(now(), Date.now() + 9 * DAY);
    expect(clockOffsetMs()).toBe(9 * DAY);

    // Moved here (as the app's role): stored, so another process sees it after its next read.
    await setClockOffset(2 * DAY);
    expect(await storedOffset()).toBe(2 * DAY);
    forgetLocalClock();
    expectNear(now(), Date.now());
    await syncClock();
    expectNear(now(), Date.now() + 2 * DAY);
    // A job reads the table itself before it runs (the worker process never loaded the clock).
    forgetLocalClock();
    expectNear(await jobNow("deadline-reminders"), Date.now() + 2 * DAY);
    // The storage sweep compares with files' real modification times: real time.
    expectNear(await jobNow("storage-sweep"), Date.now());
  });

  it("DEMO_CLOCK sets the start value, and without it the stored value survives a restart", async () => {
    process.env.DEMO_MODE = "1";
    await setClockOffset(5 * DAY);
    forgetLocalClock();
    const stop = await startClockSync({ environment: { DEMO_MODE: "1" } });
    stop();
    expect(clockOffsetMs()).toBe(5 * DAY);

    forgetLocalClock();
    const stopAgain = await startClockSync({ environment: { DEMO_MODE: "1", DEMO_CLOCK: "+3d" } });
    stopAgain();
    expect(await storedOffset()).toBe(3 * DAY);
    expectNear(now(), Date.now() + 3 * DAY);
  });

  it("a service's default time is the portal's time: a request received 9 days ahead gets its due date from there", async () => {
    process.env.DEMO_MODE = "1";
    await setClockOffset(9 * DAY);
    const { caseId } = await submitRequest(validRequest(), { locale: "nb" });
    const row = await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { receivedAt: true } });
    expectNear(row.receivedAt, Date.now() + 9 * DAY);
    const received = await db().caseEvent.findFirstOrThrow({ where: { caseId, type: "case.received" }, select: { at: true } });
    expect(osloDateOf(received.at)).toBe(osloDateOf(new Date(Date.now() + 9 * DAY)));
    await setClockOffset(0);
  });

  it("the app's role may read and move the clock but not delete it", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await expect(client.query("SELECT offset_ms FROM demo_clock")).resolves.toBeDefined();
      await expect(client.query("DELETE FROM demo_clock")).rejects.toThrow(/permission denied/);
      await expect(client.query("INSERT INTO demo_clock (id, offset_ms, updated_at) VALUES (2, 0, now())")).rejects.toThrow(/demo_clock_single_row/);
    } finally {
      await client.end();
    }
  });
});
