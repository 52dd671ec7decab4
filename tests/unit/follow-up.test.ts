import { describe, expect, it } from "vitest";
import { DEFAULT_FOLLOW_UP_DAYS, followUpLastDay, requesterMayWrite, staffMayWrite } from "@/lib/domain/follow-up";
import { FILE_RETENTION_DAYS, filesDeletionDate } from "@/lib/domain/retention";
import { addDays, daysBetween, osloEndOfDay } from "@/lib/domain/calendar";

// Closed on Friday 27 March 2026 at 23:30 Oslo (22:30 UTC, the Oslo date is the 27th; summer time starts on the 29th).
const CLOSED = new Date("2026-03-27T22:30:00Z");

describe("follow-up after closing", () => {
  it("runs 60 days from the Oslo closing date, and ends a month before the files are deleted", () => {
    expect(DEFAULT_FOLLOW_UP_DAYS).toBe(60);
    expect(followUpLastDay(CLOSED)).toBe("2026-05-26");
    expect(followUpLastDay(CLOSED, 14)).toBe("2026-04-10");
    expect(daysBetween(followUpLastDay(CLOSED), filesDeletionDate("2026-03-27"))).toBe(FILE_RETENTION_DAYS - DEFAULT_FOLLOW_UP_DAYS);
  });

  it("lets the requester write on the last day (until midnight Oslo), not the day after", () => {
    const closed = { status: "completed" as const, closedAt: CLOSED };
    expect(requesterMayWrite(closed, new Date("2026-03-28T08:00:00Z"))).toBe(true);
    expect(requesterMayWrite(closed, new Date(osloEndOfDay("2026-05-26").getTime() - 1))).toBe(true);
    expect(requesterMayWrite(closed, new Date(osloEndOfDay("2026-05-26").getTime() + 1))).toBe(false);
    expect(requesterMayWrite(closed, new Date(`${addDays("2026-05-26", 1)}T10:00:00Z`))).toBe(false);
  });

  it("always while the case is open; never on a closed case without a closing time, nor after withdrawing", () => {
    expect(requesterMayWrite({ status: "in_progress", closedAt: null }, new Date("2030-01-01T00:00:00Z"))).toBe(true);
    expect(requesterMayWrite({ status: "awaiting_requester", closedAt: null }, new Date())).toBe(true);
    expect(requesterMayWrite({ status: "refused", closedAt: null }, new Date())).toBe(false);
    // Withdrawn by the requester: there is no answer to follow up.
    expect(requesterMayWrite({ status: "withdrawn", closedAt: CLOSED }, new Date("2026-04-01T10:00:00Z"))).toBe(false);
  });

  it("lets staff answer a follow-up that is still waiting, also after the period", () => {
    const late = new Date("2026-07-01T10:00:00Z");
    expect(staffMayWrite({ status: "completed", closedAt: CLOSED, followUpAt: null }, late)).toBe(false);
    expect(staffMayWrite({ status: "completed", closedAt: CLOSED, followUpAt: new Date("2026-05-26T10:00:00Z") }, late)).toBe(true);
    expect(staffMayWrite({ status: "completed", closedAt: CLOSED, followUpAt: null }, new Date("2026-04-01T10:00:00Z"))).toBe(true);
  });
});
