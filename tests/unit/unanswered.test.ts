import { describe, expect, it } from "vitest";
import {
  DEFAULT_UNANSWERED_CLOSE_DAYS,
  isValidUnansweredCloseDays,
  MIN_DAYS_AFTER_WARNING,
  unansweredClosableOn,
  unansweredState,
  unansweredWarningDate,
  WARNING_LEAD_DAYS,
} from "@/lib/domain/unanswered";
import { applyCommand, type CaseSnapshot } from "@/lib/domain/case-state-machine";
import { isDomainError } from "@/lib/domain/errors";
import { osloEndOfDay } from "@/lib/domain/calendar";

describe("the period before an unanswered case can close", () => {
  it("ships 30 days, with a warning 7 days before and at least 7 days after the warning", () => {
    expect(DEFAULT_UNANSWERED_CLOSE_DAYS).toBe(30);
    expect(WARNING_LEAD_DAYS).toBe(7);
    expect(MIN_DAYS_AFTER_WARNING).toBe(7);
  });

  it.each([
    [14, true],
    [13, false],
    [365, true],
    [366, false],
    [30.5, false],
    ["30", false],
    [null, false],
  ])("%s days is valid: %s", (days, valid) => {
    expect(isValidUnansweredCloseDays(days)).toBe(valid);
  });

  it("warns on day 23 of 30 and closes on day 30 when the warning went out on time", () => {
    expect(unansweredWarningDate("2026-03-10", 30)).toBe("2026-04-02");
    expect(unansweredClosableOn("2026-03-10", 30, "2026-04-02")).toBe("2026-04-09");
  });

  it("counts calendar days across month ends and leap days", () => {
    expect(unansweredWarningDate("2028-02-01", 30)).toBe("2028-02-24");
    expect(unansweredClosableOn("2028-02-01", 30, "2028-02-24")).toBe("2028-03-02");
    expect(unansweredClosableOn("2026-12-20", 14, "2026-12-27")).toBe("2027-01-03");
  });

  it("a late warning moves the closing day: never sooner than 7 days after it", () => {
    expect(unansweredClosableOn("2026-03-10", 30, "2026-04-06")).toBe("2026-04-13");
    expect(unansweredClosableOn("2026-03-10", 30, "2026-05-01")).toBe("2026-05-08");
  });

  it("without a warning there is no closing day", () => {
    expect(unansweredClosableOn("2026-03-10", 30, null)).toBeNull();
  });

  describe("state by day (asked 10 March, 30 days)", () => {
    const base = { askedOn: "2026-03-10", periodDays: 30 } as const;
    it("waiting the day before the warning", () => {
      expect(unansweredState({ ...base, warnedOn: null, today: "2026-04-01" })).toEqual({ kind: "waiting", warningOn: "2026-04-02", closableOn: "2026-04-09" });
    });
    it("warning due on its day and after, until it goes out", () => {
      expect(unansweredState({ ...base, warnedOn: null, today: "2026-04-02" }).kind).toBe("warning_due");
      expect(unansweredState({ ...base, warnedOn: null, today: "2026-06-01" }).kind).toBe("warning_due");
    });
    it("warned until the day before the closing day", () => {
      expect(unansweredState({ ...base, warnedOn: "2026-04-02", today: "2026-04-08" })).toEqual({ kind: "warned", warnedOn: "2026-04-02", closableOn: "2026-04-09" });
    });
    it("closable on the closing day and after", () => {
      expect(unansweredState({ ...base, warnedOn: "2026-04-02", today: "2026-04-09" }).kind).toBe("closable");
      expect(unansweredState({ ...base, warnedOn: "2026-04-02", today: "2026-12-31" }).kind).toBe("closable");
    });
    it("a warning from before this question (an earlier pause) does not count", () => {
      expect(unansweredState({ ...base, warnedOn: "2026-03-09", today: "2026-04-20" }).kind).toBe("warning_due");
    });
  });
});

describe("state machine: close_unanswered", () => {
  const askedAt = new Date("2026-03-10T09:00:00Z");
  const waiting: CaseSnapshot = {
    status: "awaiting_requester",
    extended: false,
    receivedAt: new Date("2026-03-05T10:00:00Z"),
    pauses: [{ from: askedAt, to: null }],
    rights: ["access"],
    closedAt: null,
  };
  const warnedAt = new Date("2026-04-02T06:00:00Z");

  function codeOf(fn: () => unknown): string {
    try {
      fn();
      return "no error";
    } catch (e) {
      return isDomainError(e) ? `${e.code}:${String(e.details?.state ?? e.details?.field ?? "")}` : "other";
    }
  }

  it("closes as not_processed on the closing day (Oslo), closing the pause", () => {
    const now = new Date("2026-04-08T22:30:00Z"); // 9 April 00:30 in Oslo
    const result = applyCommand(waiting, { type: "close_unanswered", periodDays: 30, warnedAt }, now);
    expect(result.snapshot.status).toBe("not_processed");
    expect(result.snapshot.closedAt).toEqual(now);
    expect(result.snapshot.pauses).toEqual([{ from: askedAt, to: now }]);
    expect(result.event.type).toBe("case.closed_unanswered");
    expect(result.event.after).toMatchObject({ status: "not_processed", askedOn: "2026-03-10", warnedOn: "2026-04-02", periodDays: 30 });
  });

  it("refuses the day before (the last minute of 8 April in Oslo)", () => {
    const now = osloEndOfDay("2026-04-08");
    expect(codeOf(() => applyCommand(waiting, { type: "close_unanswered", periodDays: 30, warnedAt }, now))).toBe("unanswered_not_closable:warned");
  });

  it("refuses without a warning, however long the case has waited", () => {
    expect(codeOf(() => applyCommand(waiting, { type: "close_unanswered", periodDays: 30, warnedAt: null }, new Date("2026-09-01T10:00:00Z")))).toBe(
      "unanswered_not_closable:warning_due",
    );
  });

  it("refuses a period outside the bounds and a broken warning date", () => {
    const now = new Date("2026-06-01T10:00:00Z");
    expect(codeOf(() => applyCommand(waiting, { type: "close_unanswered", periodDays: 7, warnedAt }, now))).toBe("validation_failed:periodDays");
    expect(codeOf(() => applyCommand(waiting, { type: "close_unanswered", periodDays: 30, warnedAt: new Date("nope") }, now))).toBe("validation_failed:warnedAt");
  });

  it("is not offered by allowedCommands (the case page decides from the period and the warning)", async () => {
    const { allowedCommands } = await import("@/lib/domain/case-state-machine");
    expect(allowedCommands(waiting, new Date("2026-06-01T10:00:00Z"))).not.toContain("close_unanswered");
  });

  it("a not_processed case can be reopened", () => {
    const closed = applyCommand(waiting, { type: "close_unanswered", periodDays: 30, warnedAt }, new Date("2026-04-10T10:00:00Z")).snapshot;
    const reopened = applyCommand(closed, { type: "reopen", ground: "other", reason: "Innbyggeren sendte legitimasjon etter avslutning." }, new Date("2026-04-20T10:00:00Z"));
    expect(reopened.snapshot.status).toBe("in_progress");
  });
});
