import { describe, expect, it } from "vitest";
import {
  anonymisationDate,
  anonymisationDue,
  filesDeletionDate,
  filesDue,
  redactEventPayload,
  retentionStatus,
  type RetentionCase,
} from "@/lib/domain/retention";

const closed = (closedAt: string | null, extra: Partial<RetentionCase> = {}): RetentionCase => ({
  closedAt: closedAt ? new Date(closedAt) : null,
  legalHold: false,
  anonymisedAt: null,
  ...extra,
});
/** Noon Oslo time on the date (summer or winter: 10:00 or 11:00 UTC are both that date). */
const osloNoon = (date: string) => new Date(`${date}T10:00:00Z`);

describe("files: 90 days after the Oslo closing date", () => {
  it("the deletion date is closing date + 90 calendar days", () => {
    expect(filesDeletionDate("2026-01-01")).toBe("2026-04-01");
    expect(filesDeletionDate("2024-02-29")).toBe("2024-05-29");
    expect(filesDeletionDate("2025-12-15")).toBe("2026-03-15");
  });

  it("day 89 keeps the files, day 90 deletes them", () => {
    const c = closed("2026-01-01T09:00:00Z");
    expect(filesDue(c, osloNoon("2026-03-31"))).toBe(false);
    expect(filesDue(c, new Date("2026-03-31T21:59:59Z"))).toBe(false); // 23:59:59 Oslo (CEST) on day 89
    expect(filesDue(c, new Date("2026-03-31T22:00:00Z"))).toBe(true); // 00:00 Oslo on day 90
    expect(filesDue(c, osloNoon("2026-04-01"))).toBe(true);
  });

  it("the closing date is the Oslo date: 23:30 UTC on 31 December is 1 January in Oslo", () => {
    const c = closed("2025-12-31T23:30:00Z");
    expect(filesDue(c, osloNoon("2026-03-31"))).toBe(false);
    expect(filesDue(c, osloNoon("2026-04-01"))).toBe(true);
  });

  it("a DST change inside the 90 days moves nothing (closed the night of the spring change)", () => {
    // 29 March 2026, 01:30 UTC = 03:30 CEST, just after the clocks went forward.
    const c = closed("2026-03-29T01:30:00Z");
    expect(filesDeletionDate("2026-03-29")).toBe("2026-06-27");
    expect(filesDue(c, new Date("2026-06-26T21:59:59Z"))).toBe(false);
    expect(filesDue(c, new Date("2026-06-26T22:00:00Z"))).toBe(true);
  });

  it("never for an open case or one on legal hold", () => {
    expect(filesDue(closed(null), osloNoon("2030-01-01"))).toBe(false);
    expect(filesDue(closed("2020-01-01T10:00:00Z", { legalHold: true }), osloNoon("2030-01-01"))).toBe(false);
  });
});

describe("anonymisation: retentionYears after the Oslo closing date", () => {
  it("the same calendar date N years later", () => {
    expect(anonymisationDate("2023-03-05", 3)).toBe("2026-03-05");
    expect(anonymisationDate("2023-12-31", 1)).toBe("2024-12-31");
    expect(anonymisationDate("2023-03-05", 10)).toBe("2033-03-05");
  });

  it("29 February: 1 March in a year without it (never shorter than the full period), 29 February in a leap year", () => {
    expect(anonymisationDate("2024-02-29", 3)).toBe("2027-03-01");
    expect(anonymisationDate("2024-02-29", 4)).toBe("2028-02-29");
    const c = closed("2024-02-29T12:00:00Z");
    expect(anonymisationDue(c, 3, osloNoon("2027-02-28"))).toBe(false);
    expect(anonymisationDue(c, 3, osloNoon("2027-03-01"))).toBe(true);
  });

  it("the day before is untouched, the day itself is due (Oslo midnight, winter time)", () => {
    const c = closed("2023-01-10T08:00:00Z");
    expect(anonymisationDue(c, 3, osloNoon("2026-01-09"))).toBe(false);
    expect(anonymisationDue(c, 3, new Date("2026-01-09T22:59:59Z"))).toBe(false); // 23:59:59 CET
    expect(anonymisationDue(c, 3, new Date("2026-01-09T23:00:00Z"))).toBe(true); // 00:00 CET on the day
  });

  it("closed just after Oslo midnight in summer time (22:30 UTC the day before)", () => {
    const c = closed("2023-06-14T22:30:00Z"); // 15 June 00:30 CEST
    expect(anonymisationDue(c, 3, osloNoon("2026-06-14"))).toBe(false);
    expect(anonymisationDue(c, 3, osloNoon("2026-06-15"))).toBe(true);
  });

  it("closed in the autumn DST night keeps its Oslo date", () => {
    const c = closed("2023-10-29T01:30:00Z"); // 02:30 CET, 29 October (clocks went back at 01:00 UTC)
    expect(anonymisationDate("2023-10-29", 1)).toBe("2024-10-29");
    expect(anonymisationDue(c, 1, new Date("2024-10-28T22:59:59Z"))).toBe(false); // 23:59:59 CET 28 Oct
    expect(anonymisationDue(c, 1, new Date("2024-10-28T23:00:00Z"))).toBe(true); // 00:00 CET 29 Oct
  });

  it("never while open, on legal hold, or already anonymised", () => {
    const now = osloNoon("2040-01-01");
    expect(anonymisationDue(closed(null), 3, now)).toBe(false);
    expect(anonymisationDue(closed("2020-01-01T10:00:00Z", { legalHold: true }), 3, now)).toBe(false);
    expect(anonymisationDue(closed("2020-01-01T10:00:00Z", { anonymisedAt: new Date("2023-01-01T10:00:00Z") }), 3, now)).toBe(false);
    expect(anonymisationDue(closed("2020-01-01T10:00:00Z"), 3, now)).toBe(true);
  });

  it("refuses a negative or fractional period", () => {
    expect(() => anonymisationDate("2024-01-01", -1)).toThrow(RangeError);
    expect(() => anonymisationDate("2024-01-01", 1.5)).toThrow(RangeError);
  });
});

describe("retention status for the case page", () => {
  const now = osloNoon("2026-05-01");
  it("open, on hold, anonymised, scheduled (with or without files still there)", () => {
    expect(retentionStatus(closed(null), 3, now)).toEqual({ kind: "open" });
    expect(retentionStatus(closed("2026-01-01T10:00:00Z", { legalHold: true }), 3, now)).toEqual({ kind: "legal_hold" });
    expect(retentionStatus(closed("2020-01-01T10:00:00Z", { anonymisedAt: new Date("2023-01-01T23:30:00Z") }), 3, now)).toEqual({
      kind: "anonymised",
      on: "2023-01-02",
    });
    // Files due (day 90 passed) but still there: the next nightly run deletes them.
    expect(retentionStatus(closed("2026-01-01T10:00:00Z"), 3, now, { left: 2, deleted: 0 })).toEqual({
      kind: "scheduled",
      filesOn: "2026-04-01",
      anonymiseOn: "2029-01-01",
      files: "next_run",
      caseNextRun: false,
    });
    expect(retentionStatus(closed("2026-01-01T10:00:00Z"), 3, now, { left: 0, deleted: 2 })).toMatchObject({ files: "gone" });
    expect(retentionStatus(closed("2026-01-01T10:00:00Z"), 3, now)).toMatchObject({ files: "none" });
    expect(retentionStatus(closed("2026-03-01T10:00:00Z"), 5, now, { left: 1, deleted: 0 })).toMatchObject({
      filesOn: "2026-05-30",
      anonymiseOn: "2031-03-01",
      files: "pending",
      caseNextRun: false,
    });
    // A hold lifted after the anniversary: anonymised by the next run.
    expect(retentionStatus(closed("2022-01-01T10:00:00Z"), 3, now)).toMatchObject({ anonymiseOn: "2025-01-01", caseNextRun: true });
  });
});

describe("redacting audit-event payloads", () => {
  it("blanks free-text keys at any depth and keeps ids, codes and dates", () => {
    const after = { status: "in_progress", reason: "Saken er omfattende fordi Ola Nordmann ...", oneMonthDueDate: "2026-04-01", nested: [{ note: "x", id: "a" }] };
    const { value, changed } = redactEventPayload(after);
    expect(changed).toBe(true);
    expect(value).toEqual({ status: "in_progress", reason: null, oneMonthDueDate: "2026-04-01", nested: [{ note: null, id: "a" }] });
  });

  it("says unchanged when there is nothing to blank (null, ids only, already blanked)", () => {
    expect(redactEventPayload(null)).toEqual({ value: null, changed: false });
    expect(redactEventPayload({ messageId: "m1" }).changed).toBe(false);
    expect(redactEventPayload({ reason: null }).changed).toBe(false);
  });
});
