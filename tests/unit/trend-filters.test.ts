import { describe, expect, it } from "vitest";
import {
  addMonths,
  defaultPeriod,
  formatMonth,
  monthBounds,
  monthsBetween,
  monthSpan,
  osloMonthOf,
  parseTrendFilters,
  percent,
  roundDays,
  trendQueryString,
} from "@/lib/dashboard/trend-filters";

const NOW = new Date("2026-03-31T22:30:00Z"); // 00:30 on 1 April in Oslo (CEST)
const UNIT = "7d1f5a8e-3b7c-4c1e-9a2b-0f1e2d3c4b5a";

describe("months", () => {
  it("adds months across year ends", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2026-03", -11)).toBe("2025-04");
    expect(addMonths("2026-03", 24)).toBe("2028-03");
  });

  it("counts and lists months, both ends included", () => {
    expect(monthSpan("2025-04", "2026-03")).toBe(12);
    expect(monthSpan("2026-03", "2026-03")).toBe(1);
    expect(monthSpan("2026-04", "2026-03")).toBe(0);
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-02", "2026-01")).toEqual([]);
    expect(monthBounds("2025-11", "2025-12")).toEqual({ start: "2025-11-01", end: "2026-01-01" });
  });

  it("takes the month of an instant in Oslo, not UTC", () => {
    expect(osloMonthOf(NOW)).toBe("2026-04");
    expect(defaultPeriod(NOW)).toEqual({ from: "2025-05", to: "2026-04" });
  });

  it("writes months in the page's language", () => {
    expect(formatMonth("2026-03", "nb")).toBe("mars 2026");
    expect(formatMonth("2026-03", "en")).toBe("March 2026");
    expect(formatMonth("2026-12", "en", "short")).toBe("Dec 26");
  });
});

describe("parseTrendFilters", () => {
  it("defaults to the last 12 months including the current one", () => {
    expect(parseTrendFilters({}, { now: NOW })).toEqual({ filters: { from: "2025-05", to: "2026-04" }, errors: [] });
    // Only "from": twelve months from there (never past 36).
    expect(parseTrendFilters({ from: "2020-01" }, { now: NOW }).filters).toEqual({ from: "2020-01", to: "2020-12" });
    expect(parseTrendFilters({ to: "2025-06" }, { now: NOW }).filters).toEqual({ from: "2024-07", to: "2025-06" });
  });

  it("reads valid filters and drops empty fields", () => {
    const { filters, errors } = parseTrendFilters(
      { unit: UNIT, right: "erasure", channel: "letter", from: "2024-01", to: "2026-12", other: "x" },
      { now: NOW, allowedUnits: [UNIT] },
    );
    expect(errors).toEqual([]);
    expect(filters).toEqual({ unit: UNIT, right: "erasure", channel: "letter", from: "2024-01", to: "2026-12" });
    expect(parseTrendFilters({ unit: "", right: "", channel: "" }, { now: NOW }).filters).toEqual({ from: "2025-05", to: "2026-04" });
    expect(trendQueryString(filters)).toBe(`unit=${UNIT}&right=erasure&channel=letter&from=2024-01&to=2026-12`);
  });

  it("turns garbage into field errors, never an exception", () => {
    const { errors } = parseTrendFilters(
      { unit: "'; DROP TABLE x", right: "everything", channel: ["web", "x"], from: "2026-13", to: "<script>" },
      { now: NOW },
    );
    expect(errors).toEqual([
      { field: "unit", code: "unit" },
      { field: "right", code: "right" },
      { field: "from", code: "month" },
      { field: "to", code: "month" },
    ]);
    expect(parseTrendFilters(new URLSearchParams("from=1999-12"), { now: NOW }).errors).toEqual([{ field: "from", code: "month" }]);
    expect(parseTrendFilters({ from: "x".repeat(10_000) }, { now: NOW }).errors).toEqual([{ field: "from", code: "month" }]);
  });

  it("refuses a unit outside the actor's scope, a reversed period and more than 36 months", () => {
    expect(parseTrendFilters({ unit: UNIT }, { now: NOW, allowedUnits: [] })).toMatchObject({ filters: { from: "2025-05" }, errors: [{ field: "unit", code: "unit" }] });
    expect(parseTrendFilters({ from: "2026-04", to: "2026-03" }, { now: NOW }).errors).toEqual([{ field: "from", code: "order" }]);
    expect(parseTrendFilters({ from: "2023-04", to: "2026-03" }, { now: NOW }).errors).toEqual([]);
    expect(parseTrendFilters({ from: "2023-03", to: "2026-03" }, { now: NOW }).errors).toEqual([{ field: "from", code: "tooLong" }]);
  });
});

describe("numbers", () => {
  it("rounds days to one decimal and keeps 'no data' apart from zero", () => {
    expect(roundDays(31.8)).toBe(31.8);
    expect(roundDays(54.55)).toBe(54.6);
    expect(roundDays(0)).toBe(0);
    expect(roundDays(null)).toBeNull();
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});
