// The e2e tests' own copy of the due-date rules (tests/e2e/legal-dates.ts) against the public
// examples of legal-rules.md §1 and a few weekend and holiday cases worked out by hand.
import { describe, expect, it } from "vitest";
import { computeDeadline } from "@/lib/domain/deadline";
import { expectedDueDate } from "../e2e/legal-dates";

const oslo = (isoLocal: string) => new Date(`${isoLocal}+01:00`);

describe("the e2e tests' due-date oracle", () => {
  it("gives the examples of the rules", () => {
    expect(expectedDueDate(oslo("2027-03-05T10:00:00"))).toBe("2027-04-05"); // a Monday, not Easter Monday 2027
    expect(expectedDueDate(new Date("2026-08-31T10:00:00+02:00"))).toBe("2026-09-30");
    expect(expectedDueDate(oslo("2027-01-31T10:00:00"))).toBe("2027-03-01"); // 28 Feb 2027 is a Sunday
    // 00:30 in Oslo on 1 March is still 28 February in UTC: received 1 March.
    expect(expectedDueDate(new Date("2027-02-28T23:30:00Z"))).toBe("2027-04-01");
  });

  it("moves past weekends and holidays, after adding the days paused", () => {
    // Received Monday 5 October 2026: due Thursday 5 November; two days paused: Saturday 7 -> Monday 9.
    expect(expectedDueDate(new Date("2026-10-05T10:00:00+02:00"))).toBe("2026-11-05");
    expect(expectedDueDate(new Date("2026-10-05T10:00:00+02:00"), 2)).toBe("2026-11-09");
    // Due on Christmas Day 2026 (a Friday): Saturday, Sunday, then Monday 28 December.
    expect(expectedDueDate(oslo("2026-11-25T10:00:00"))).toBe("2026-12-28");
    // Due on Maundy Thursday 2027: past Good Friday, the weekend and Easter Monday to 30 March.
    expect(expectedDueDate(oslo("2027-02-25T10:00:00"))).toBe("2027-03-30");
  });

  it("agrees with the deadline engine on every receipt day from 2026 to the autumn of 2028, paused or not", () => {
    for (let t = Date.UTC(2026, 0, 1, 11); t < Date.UTC(2028, 9, 31); t += 86_400_000) {
      const receivedAt = new Date(t);
      expect(expectedDueDate(receivedAt)).toBe(computeDeadline({ receivedAt }).dueDate);
    }
  });

  it("refuses a year it has no holidays for", () => {
    expect(() => expectedDueDate(oslo("2030-01-10T10:00:00"))).toThrow(/no holidays for 2030/);
  });
});
