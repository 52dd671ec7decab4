// Complaints to the DPO have their own deadline, and the reminder job watches it: the DPO is
// reminded 2 days before and once more when it has passed, each exactly once (also with runs in
// parallel), with a link to the complaint and nothing else; an answered complaint is left alone.
// Dates in 2018, so no other test file's complaints are due on this file's days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { addDays } from "@/lib/domain/calendar";
import { submitRequest } from "@/lib/cases/submit-request";
import { runDeadlineReminders } from "@/lib/jobs/deadline-reminders";
import { validRequest } from "./helpers";

const DPO = "personvernombud@demo.test";
const DUE = "2018-06-15"; // a Friday
let caseId: string;
let complaintId: string;

function runOn(date: string) {
  return runDeadlineReminders({ now: new Date(`${date}T08:00:00Z`) });
}

async function dpoMails() {
  return db().mailOutbox.findMany({ where: { caseId, template: "complaint_reminder", toAddress: DPO }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  // The case itself is closed, as most complaints come after the answer: only the complaint is due.
  const c = await submitRequest(validRequest({ unit: "skole" }), { locale: "nb", now: new Date("2018-04-02T09:00:00Z") });
  caseId = c.caseId;
  await db().case.update({ where: { id: caseId }, data: { status: "completed", closedAt: new Date("2018-04-20T10:00:00Z") } });
  const complaint = await db().dpoComplaint.create({
    data: { caseId, body: "Jeg fikk ikke alt jeg ba om.", receivedAt: new Date("2018-05-15T09:00:00Z"), dueDate: isoDateToDb(DUE) },
  });
  complaintId = complaint.id;
});

afterAll(async () => {
  await disconnectDb();
});

describe("complaint reminders", () => {
  it("reminds the DPO 2 days before, once, with a link to the complaint only", async () => {
    await runOn(addDays(DUE, -3));
    expect(await dpoMails()).toHaveLength(0);
    await Promise.all([runOn(addDays(DUE, -2)), runOn(addDays(DUE, -2))]);
    await runOn(addDays(DUE, -1));
    await runOn(DUE);
    const mails = await dpoMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.params).toEqual({ reference: expect.stringMatching(/^PV-2018-/), link: expect.stringMatching(new RegExp(`/staff/complaints/${complaintId}$`)) });
  });

  it("and once more when the deadline has passed", async () => {
    await Promise.all([runOn(addDays(DUE, 1)), runOn(addDays(DUE, 1))]);
    await runOn(addDays(DUE, 10));
    const kinds = (await db().caseReminder.findMany({ where: { caseId }, orderBy: { kind: "asc" } })).map((r) => r.kind);
    expect(kinds).toEqual(["complaint_due_2", "complaint_overdue"]);
    expect(await dpoMails()).toHaveLength(2);
  });

  it("an answered complaint is not chased", async () => {
    const other = await db().dpoComplaint.create({
      data: { caseId, body: "En til.", receivedAt: new Date("2018-05-20T09:00:00Z"), dueDate: isoDateToDb("2018-06-20"), status: "answered", answer: "Svar", answeredAt: new Date("2018-06-01T09:00:00Z") },
    });
    await runOn("2018-06-25");
    expect(await dpoMails()).toHaveLength(2);
    await db().dpoComplaint.delete({ where: { id: other.id } });
  });
});
