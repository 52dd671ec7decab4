import { describe, expect, it } from "vitest";
import { formatDay, periodDays } from "@/lib/dashboard/trend-filters";

describe("periodDays", () => {
  it("ends today while the period is running, on its last day once it is over", () => {
    expect(periodDays("2026-01", "2026-12", "2026-12-03")).toEqual({ first: "2026-01-01", last: "2026-12-03", untilToday: true });
    expect(periodDays("2022-06", "2022-06", "2026-12-03")).toEqual({ first: "2022-06-01", last: "2022-06-30", untilToday: false });
    // Month ends: February of a leap year, December into the next year.
    expect(periodDays("2024-02", "2024-02", "2025-01-01").last).toBe("2024-02-29");
    expect(periodDays("2025-12", "2025-12", "2026-01-01").last).toBe("2025-12-31");
    // The first and the last day of the period count as "today" inside it.
    expect(periodDays("2026-03", "2026-03", "2026-03-01")).toMatchObject({ last: "2026-03-01", untilToday: true });
    expect(periodDays("2026-03", "2026-03", "2026-03-31")).toMatchObject({ last: "2026-03-31", untilToday: true });
    // A period that has not started yet is shown whole.
    expect(periodDays("2027-01", "2027-02", "2026-12-03")).toEqual({ first: "2027-01-01", last: "2027-02-28", untilToday: false });
  });
});

describe("formatDay", () => {
  it("writes the day without a weekday, day first in every language", () => {
    expect(formatDay("2026-01-01", "nb")).toBe("1. januar 2026");
    expect(formatDay("2026-06-30", "nn")).toBe("30. juni 2026");
    expect(formatDay("2026-12-03", "en")).toBe("3 December 2026");
  });
});
