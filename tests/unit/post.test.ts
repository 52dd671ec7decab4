// Latest posting dates for paper letters (issue 13, item 4), at the boundary days: weekends,
// Christmas and New Year, Easter, Ascension Day and 17 May. Dates worked out by hand from the calendar.
import { describe, expect, it } from "vitest";
import { latestPostingDate, paperLetterDeadline, postedTooLate, POSTAL_WORKING_DAYS } from "@/lib/domain/post";

describe("latestPostingDate (4 working days before the deadline)", () => {
  it("assumes four working days", () => {
    expect(POSTAL_WORKING_DAYS).toBe(4);
  });

  it.each([
    ["2026-12-10", "2026-12-04", "Thursday: back over a weekend to Friday"],
    ["2026-12-13", "2026-12-08", "a Sunday deadline counts from the Friday before"],
    ["2026-12-07", "2026-12-01", "Monday: Tuesday of the week before"],
    ["2026-12-28", "2026-12-21", "Christmas Day and Boxing Day are holidays; Christmas Eve is a working day"],
    ["2027-01-04", "2026-12-28", "New Year's Day is a holiday"],
    ["2026-04-07", "2026-03-27", "Easter 2026: Maundy Thursday, Good Friday and Easter Monday"],
    ["2026-05-19", "2026-05-12", "Ascension Day (14 May 2026) and 17 May (a Sunday)"],
  ])("deadline %s -> post by %s (%s)", (deadline, postBy) => {
    expect(latestPostingDate(deadline)).toBe(postBy);
  });

  it("with zero days, posts on the deadline itself, or the working day before it", () => {
    expect(latestPostingDate("2026-12-10", 0)).toBe("2026-12-10");
    expect(latestPostingDate("2026-12-26", 0)).toBe("2026-12-24");
  });

  it("refuses a negative or fractional number of days", () => {
    expect(() => latestPostingDate("2026-12-10", -1)).toThrow(RangeError);
    expect(() => latestPostingDate("2026-12-10", 1.5)).toThrow(RangeError);
  });

  it("a letter posted on the last posting day is in time, the day after is late", () => {
    expect(postedTooLate("2026-12-04", "2026-12-10")).toBe(false);
    expect(postedTooLate("2026-12-05", "2026-12-10")).toBe(true);
    expect(postedTooLate("2026-12-07", "2026-12-10")).toBe(true);
  });
});

describe("paperLetterDeadline", () => {
  const base = { createdOn: "2026-12-01", dueDate: "2027-03-01", oneMonthDueDate: "2027-01-04", extended: true };
  it("a receipt has no legal date", () => {
    expect(paperLetterDeadline({ ...base, kind: "receipt" })).toBeNull();
  });
  it("on an extended case, a letter written within the first month must arrive by the one-month date (the extension notice)", () => {
    expect(paperLetterDeadline({ ...base, kind: "message" })).toBe("2027-01-04");
    expect(paperLetterDeadline({ ...base, kind: "message", createdOn: "2027-01-04" })).toBe("2027-01-04");
  });
  it("after the one-month date, or without an extension, the due date in force", () => {
    expect(paperLetterDeadline({ ...base, kind: "message", createdOn: "2027-01-05" })).toBe("2027-03-01");
    expect(paperLetterDeadline({ ...base, kind: "response", extended: false, dueDate: "2027-01-04" })).toBe("2027-01-04");
    // The answer itself is due by the extended date, whenever it is written.
    expect(paperLetterDeadline({ ...base, kind: "response" })).toBe("2027-03-01");
  });
});
