// Use case: the complaints about one case, on the staff case page: status, dates, and whether the
// viewer may answer them. Everyone who may see the case sees that there is a complaint; the text
// and the answer stay on the DPO's complaint page. A case outside the actor's scope: null.
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { staffCaseRef } from "@/lib/cases/case-access";
import { compareComplaints, complaintDaysLeft, type ComplaintStatus } from "@/lib/domain/complaints";
import { can, type Actor } from "@/lib/domain/policy";
import { now as clockNow } from "@/lib/clock";

export type CaseComplaintRow = { id: string; status: ComplaintStatus; receivedAt: Date; dueDate: string; daysLeft: number; answeredAt: Date | null };

export async function caseComplaints(
  actor: Actor,
  reference: string,
  now: Date = clockNow(),
): Promise<{ canHandle: boolean; complaints: CaseComplaintRow[] } | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible) return null;
  const rows = await db().dpoComplaint.findMany({
    where: { caseId: visible.id },
    select: { id: true, status: true, receivedAt: true, dueDate: true, answeredAt: true },
  });
  const complaints = rows
    .map((r) => {
      const dueDate = dbDateToIso(r.dueDate);
      return { ...r, dueDate, daysLeft: complaintDaysLeft(dueDate, now) };
    })
    .sort(compareComplaints);
  return { canHandle: can(actor, "complaint.handle"), complaints };
}
