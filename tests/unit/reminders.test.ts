import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/calendar";
import { CLOSED_STATUSES } from "@/lib/domain/case-status";
import { dueComplaintReminder, dueReminders, workingDaysSince, type ReminderCase, type ReminderKind } from "@/lib/domain/reminders";

const DUE = "2026-05-04";
const ONE_MONTH = "2026-05-04";

function snapshot(overrides: Partial<ReminderCase> = {}): ReminderCase {
  return {
    status: "in_progress",
    dueDate: DUE,
    oneMonthDueDate: ONE_MONTH,
    extended: false,
    complex: false,
    assigneeId: "assignee",
    unitLeadIds: ["lead-1", "lead-2"],
    receivedAt: "2026-04-03",
    ...overrides,
  };
}

function kinds(c: ReminderCase, today: string): ReminderKind[] {
  return dueReminders(c, today).map((r) => r.kind);
}

describe("due date thresholds (assigned case)", () => {
  it.each([
    [30, []],
    [8, []],
    [7, ["due_7"]],
    [6, ["due_7"]],
    [3, ["due_7"]],
    [2, ["due_2"]],
    [1, ["due_2"]],
    [0, ["due_2"]],
    [-1, ["overdue"]],
    [-40, ["overdue"]],
  ] as [number, ReminderKind[]][])("%i days left -> %j", (daysLeft, expected) => {
    expect(kinds(snapshot(), addDays(DUE, -daysLeft))).toEqual(expected);
  });

  it("keys due reminders by the due date in force", () => {
    const [r] = dueReminders(snapshot({ dueDate: "2026-07-06", extended: true }), "2026-07-01");
    expect(r).toEqual({ kind: "due_7", dueDate: "2026-07-06", recipients: { userIds: ["assignee"], dpo: false } });
  });

  it("is silent while the case waits for the requester: its deadline moves with the pause", () => {
    for (const day of [-7, -2, 0, 1, 30]) {
      expect(kinds(snapshot({ status: "awaiting_requester" }), addDays(DUE, day)), `day ${day}`).toEqual([]);
    }
    expect(kinds(snapshot({ status: "received" }), addDays(DUE, -7))).toEqual(["due_7"]);
    expect(kinds(snapshot({ status: "in_progress" }), addDays(DUE, 1))).toEqual(["overdue"]);
  });

  it("still escalates a paused case that nobody has been assigned", () => {
    const paused = snapshot({ status: "awaiting_requester", assigneeId: null, unitLeadIds: ["lead-1"] });
    expect(kinds(paused, addDays(DUE, 1))).toEqual(["unassigned_3wd"]);
  });
});

describe("recipients", () => {
  it("due_7 and due_2 go to the assignee only", () => {
    for (const today of [addDays(DUE, -7), addDays(DUE, -2)]) {
      expect(dueReminders(snapshot(), today).map((r) => r.recipients)).toEqual([{ userIds: ["assignee"], dpo: false }]);
    }
  });

  it("due_7 and due_2 go to the unit leads when nobody is assigned", () => {
    const c = snapshot({ assigneeId: null, unitLeadIds: ["lead-1", "lead-1", "lead-2"], receivedAt: addDays(DUE, -8) });
    const r = dueReminders(c, addDays(DUE, -7)).find((x) => x.kind === "due_7");
    expect(r?.recipients).toEqual({ userIds: ["lead-1", "lead-2"], dpo: false });
  });

  it("falls back to the DPO when nobody is assigned and the unit has no lead", () => {
    const c = snapshot({ assigneeId: null, unitLeadIds: [], receivedAt: addDays(DUE, -1) });
    expect(dueReminders(c, addDays(DUE, -2))).toEqual([{ kind: "due_2", dueDate: DUE, recipients: { userIds: [], dpo: true } }]);
  });

  it("overdue escalates to the unit leads and the DPO, also when assigned", () => {
    expect(dueReminders(snapshot(), addDays(DUE, 1))).toEqual([
      { kind: "overdue", dueDate: DUE, recipients: { userIds: ["lead-1", "lead-2"], dpo: true } },
    ]);
  });
});

describe("closed cases", () => {
  it.each(CLOSED_STATUSES)("%s -> nothing, even overdue, unassigned and complex", (status) => {
    const c = snapshot({ status, assigneeId: null, complex: true, receivedAt: "2026-01-05" });
    expect(dueReminders(c, addDays(DUE, 10))).toEqual([]);
    expect(dueReminders(c, addDays(DUE, -2))).toEqual([]);
  });
});

describe("unassigned after 3 working days", () => {
  it.each([
    // received Monday: Tue, Wed, Thu
    ["2026-03-02", "2026-03-04", false],
    ["2026-03-02", "2026-03-05", true],
    // received Friday: the weekend does not count
    ["2026-03-06", "2026-03-10", false],
    ["2026-03-06", "2026-03-11", true],
    // received Saturday: Mon, Tue, Wed
    ["2026-03-07", "2026-03-10", false],
    ["2026-03-07", "2026-03-11", true],
    // received Maundy Thursday 2 April 2026: Good Friday, the weekend and Easter Monday do not count
    ["2026-04-02", "2026-04-07", false],
    ["2026-04-02", "2026-04-08", false],
    ["2026-04-02", "2026-04-09", true],
    // received Wednesday 1 April 2026: Tue 7, Wed 8, Thu 9
    ["2026-04-01", "2026-04-08", false],
    ["2026-04-01", "2026-04-09", true],
    // received Wednesday 13 May 2026, Ascension Day 14 May: Fri 15, Mon 18, Tue 19
    ["2026-05-13", "2026-05-18", false],
    ["2026-05-13", "2026-05-19", true],
    // same day and later days
    ["2026-03-02", "2026-03-02", false],
    ["2026-03-02", "2026-03-30", true],
  ] as [string, string, boolean][])("received %s, today %s -> %s", (receivedAt, today, expected) => {
    const c = snapshot({ assigneeId: null, receivedAt, dueDate: addDays(receivedAt, 40), oneMonthDueDate: addDays(receivedAt, 40) });
    expect(kinds(c, today).includes("unassigned_3wd")).toBe(expected);
  });

  it("never for an assigned case", () => {
    expect(kinds(snapshot({ receivedAt: "2026-03-02", dueDate: "2026-04-30" }), "2026-03-30")).toEqual([]);
  });

  it("escalates to the unit leads and the DPO, keyed by the due date in force", () => {
    const c = snapshot({ assigneeId: null, receivedAt: "2026-04-02", dueDate: "2026-05-04" });
    expect(dueReminders(c, "2026-04-09")).toEqual([
      { kind: "unassigned_3wd", dueDate: "2026-05-04", recipients: { userIds: ["lead-1", "lead-2"], dpo: true } },
    ]);
  });

  it("comes together with the due reminders when both apply", () => {
    const c = snapshot({ assigneeId: null, receivedAt: "2026-04-02" });
    expect(kinds(c, addDays(DUE, -7))).toEqual(["due_7", "unassigned_3wd"]);
    expect(kinds(c, addDays(DUE, 1))).toEqual(["overdue", "unassigned_3wd"]);
  });

  it("counts working days after the receipt date", () => {
    expect(workingDaysSince("2026-04-02", "2026-04-09")).toBe(3);
    expect(workingDaysSince("2026-04-02", "2026-04-06")).toBe(0);
    expect(workingDaysSince("2026-03-02", "2026-03-01")).toBe(0);
    expect(workingDaysSince("2026-03-02", "2026-03-13")).toBe(9);
    expect(workingDaysSince("2026-03-02", "2026-03-13", 3)).toBe(3);
  });
});

describe("extension notice for complex cases", () => {
  const complex = (o: Partial<ReminderCase> = {}) => snapshot({ complex: true, dueDate: ONE_MONTH, ...o });

  it.each([
    [6, false],
    [5, true],
    [1, true],
    [0, true],
    [-1, false],
  ] as [number, boolean][])("%i days before the one-month date -> %s", (daysLeft, expected) => {
    expect(kinds(complex(), addDays(ONE_MONTH, -daysLeft)).includes("extension_notice")).toBe(expected);
  });

  it("is keyed by the one-month date and goes to the assignee (or the unit leads)", () => {
    const today = addDays(ONE_MONTH, -5);
    expect(dueReminders(complex(), today).find((r) => r.kind === "extension_notice")).toEqual({
      kind: "extension_notice",
      dueDate: ONE_MONTH,
      recipients: { userIds: ["assignee"], dpo: false },
    });
    const unassigned = complex({ assigneeId: null, receivedAt: addDays(ONE_MONTH, -3) });
    expect(dueReminders(unassigned, today).find((r) => r.kind === "extension_notice")?.recipients).toEqual({
      userIds: ["lead-1", "lead-2"],
      dpo: false,
    });
  });

  it("not once extended, and not for a case that is not complex", () => {
    const today = addDays(ONE_MONTH, -3);
    expect(kinds(complex({ extended: true, dueDate: "2026-07-04" }), today)).toEqual([]);
    expect(kinds(snapshot({ complex: false, dueDate: "2026-07-04" }), today)).toEqual([]);
  });
});

describe("complaints to the DPO", () => {
  const due = "2026-03-16"; // a Monday
  it.each([
    [-10, null],
    [-3, null],
    [-2, "complaint_due_2"],
    [0, "complaint_due_2"],
    [1, "complaint_overdue"],
    [40, "complaint_overdue"],
  ])("%i days after the due date: %s", (offset, expected) => {
    const got = dueComplaintReminder({ status: "open", dueDate: due }, addDays(due, offset));
    expect(got).toEqual(expected === null ? null : { kind: expected, dueDate: due });
  });
  it("never once answered", () => {
    expect(dueComplaintReminder({ status: "answered", dueDate: due }, addDays(due, 5))).toBeNull();
  });
});
