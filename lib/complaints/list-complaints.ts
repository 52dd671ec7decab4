// Use case: the DPO's list of complaints (/staff/complaints): open ones first, earliest due date
// first, then the answered ones. Only for "complaint.handle"; anyone else: not_found (404).
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { compareComplaints, complaintDaysLeft, type ComplaintStatus } from "@/lib/domain/complaints";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { now as clockNow } from "@/lib/clock";

/** The list is capped; open complaints always come first, so none of them is cut off before answered ones. */
export const COMPLAINT_LIST_LIMIT = 500;

export type ComplaintListRow = {
  id: string;
  reference: string;
  status: ComplaintStatus;
  receivedAt: Date;
  dueDate: string;
  daysLeft: number;
  answeredAt: Date | null;
};

export async function listComplaints(actor: Actor, options: { now?: Date } = {}): Promise<ComplaintListRow[]> {
  if (actor.kind !== "staff" || !can(actor, "complaint.handle")) throw new DomainError("not_found");
  const now = options.now ?? clockNow();
  const select = { id: true, status: true, receivedAt: true, dueDate: true, answeredAt: true, case: { select: { reference: true } } } as const;
  const client = db();
  const [open, answered] = await Promise.all([
    client.dpoComplaint.findMany({ where: { status: "open" }, orderBy: [{ dueDate: "asc" }, { id: "asc" }], take: COMPLAINT_LIST_LIMIT, select }),
    client.dpoComplaint.findMany({ where: { status: "answered" }, orderBy: [{ answeredAt: "desc" }, { id: "asc" }], take: COMPLAINT_LIST_LIMIT, select }),
  ]);
  return [...open, ...answered]
    .slice(0, COMPLAINT_LIST_LIMIT)
    .map((r) => {
      const dueDate = dbDateToIso(r.dueDate);
      return {
        id: r.id,
        reference: r.case.reference,
        status: r.status,
        receivedAt: r.receivedAt,
        dueDate,
        daysLeft: complaintDaysLeft(dueDate, now),
        answeredAt: r.answeredAt,
      };
    })
    .sort(compareComplaints);
}
