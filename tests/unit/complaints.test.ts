import { describe, expect, it } from "vitest";
import {
  COMPLAINT_BODY_MAX,
  COMPLAINT_BODY_MIN,
  compareComplaints,
  complaintBodyProblem,
  complaintDaysLeft,
  complaintDueDate,
  isComplaintOverdue,
  mayFileComplaint,
} from "@/lib/domain/complaints";
import { computeDeadline } from "@/lib/domain/deadline";
import { complaintAnswerSchema, complaintBodySchema } from "@/lib/complaints/complaint-schema";

describe("complaint text", () => {
  it("is 10 to 4000 characters after trimming", () => {
    expect(COMPLAINT_BODY_MIN).toBe(10);
    expect(COMPLAINT_BODY_MAX).toBe(4000);
    expect(complaintBodyProblem("")).toBe("empty");
    expect(complaintBodyProblem("   \n ")).toBe("empty");
    expect(complaintBodyProblem("x".repeat(9))).toBe("tooShort");
    expect(complaintBodyProblem(`  ${"x".repeat(9)}  `)).toBe("tooShort");
    expect(complaintBodyProblem("x".repeat(10))).toBeNull();
    expect(complaintBodyProblem("x".repeat(4000))).toBeNull();
    expect(complaintBodyProblem(`  ${"x".repeat(4000)}  `)).toBeNull();
    expect(complaintBodyProblem("x".repeat(4001))).toBe("tooLong");
  });

  it("the shared zod schema agrees with the rule at every boundary and names the error key", () => {
    for (const [text, key] of [
      ["", "empty"],
      ["  ", "empty"],
      ["x".repeat(9), "tooShort"],
      ["x".repeat(10), null],
      ["x".repeat(4000), null],
      ["x".repeat(4001), "tooLong"],
    ] as const) {
      const result = complaintBodySchema.safeParse(text);
      expect(result.success ? null : result.error.issues[0]?.message).toBe(key);
      expect(complaintBodyProblem(text)).toBe(key);
    }
    expect(complaintBodySchema.parse("  Dere svarte ikke.  ")).toBe("Dere svarte ikke.");
  });

  it("the answer must not be empty and fits in a secure message", () => {
    expect(complaintAnswerSchema.safeParse("   ").error?.issues[0]?.message).toBe("answerEmpty");
    expect(complaintAnswerSchema.safeParse("x".repeat(5001)).error?.issues[0]?.message).toBe("answerTooLong");
    expect(complaintAnswerSchema.parse(" Ok ")).toBe("Ok");
  });
});

describe("one open complaint per case", () => {
  it("allows a complaint when there is none or all are answered, refuses while one is open", () => {
    expect(mayFileComplaint([])).toBe(true);
    expect(mayFileComplaint([{ status: "answered" }, { status: "answered" }])).toBe(true);
    expect(mayFileComplaint([{ status: "open" }])).toBe(false);
    expect(mayFileComplaint([{ status: "answered" }, { status: "open" }])).toBe(false);
  });
});

describe("due date and days left", () => {
  it("is the request rule: receipt date in Oslo + 1 month, moved past weekends and holidays", () => {
    // 31 January 2026 -> 28 February 2026 is a Saturday -> Monday 2 March.
    expect(complaintDueDate(new Date("2026-01-31T10:00:00Z"))).toBe("2026-03-02");
    // 23:30 UTC on 14 April is 15 April in Oslo -> 15 May 2026 (Friday).
    expect(complaintDueDate(new Date("2026-04-14T23:30:00Z"))).toBe("2026-05-15");
    // 17 April -> 17 May (Constitution Day, a Sunday) -> Monday 18 May.
    expect(complaintDueDate(new Date("2026-04-17T09:00:00Z"))).toBe("2026-05-18");
    for (const at of ["2026-03-01T12:00:00Z", "2026-12-24T08:00:00Z", "2027-03-25T22:30:00Z"]) {
      expect(complaintDueDate(new Date(at))).toBe(computeDeadline({ receivedAt: new Date(at) }).dueDate);
    }
  });

  it("counts Oslo calendar days: 0 on the due date, negative after", () => {
    expect(complaintDaysLeft("2026-03-02", new Date("2026-02-28T12:00:00Z"))).toBe(2);
    expect(complaintDaysLeft("2026-03-02", new Date("2026-03-02T22:59:00Z"))).toBe(0);
    // 23:00 UTC on 2 March is 3 March in Oslo.
    expect(complaintDaysLeft("2026-03-02", new Date("2026-03-02T23:00:00Z"))).toBe(-1);
  });

  it("an open complaint is overdue the day after its due date; an answered one never", () => {
    const due = "2026-03-02";
    expect(isComplaintOverdue({ status: "open", dueDate: due }, new Date("2026-03-02T22:00:00Z"))).toBe(false);
    expect(isComplaintOverdue({ status: "open", dueDate: due }, new Date("2026-03-03T08:00:00Z"))).toBe(true);
    expect(isComplaintOverdue({ status: "answered", dueDate: due }, new Date("2027-01-01T08:00:00Z"))).toBe(false);
  });
});

describe("order", () => {
  it("open first by due date, then answered, most recently answered first", () => {
    const rows = [
      { id: "a", status: "answered" as const, dueDate: "2026-01-01", answeredAt: new Date("2026-01-05T00:00:00Z") },
      { id: "b", status: "open" as const, dueDate: "2026-03-10", answeredAt: null },
      { id: "c", status: "answered" as const, dueDate: "2026-02-01", answeredAt: new Date("2026-02-05T00:00:00Z") },
      { id: "d", status: "open" as const, dueDate: "2026-03-01", answeredAt: null },
      { id: "e", status: "open" as const, dueDate: "2026-03-01", answeredAt: null },
    ];
    expect([...rows].sort(compareComplaints).map((r) => r.id)).toEqual(["d", "e", "b", "c", "a"]);
    expect([...rows].reverse().sort(compareComplaints).map((r) => r.id)).toEqual(["d", "e", "b", "c", "a"]);
  });
});
