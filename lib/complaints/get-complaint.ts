// Use case: the DPO opens one complaint (/staff/complaints/<id>): the text, the case it is about
// (reference, status, due date) and, once answered, the answer. Only for "complaint.handle";
// anyone else, and an unknown id, get null (404).
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import type { CaseStatus } from "@/lib/db/generated/client";
import { complaintDaysLeft, type ComplaintStatus } from "@/lib/domain/complaints";
import { can, type Actor } from "@/lib/domain/policy";
import { now as clockNow } from "@/lib/clock";
import { isUuid } from "@/lib/domain/uuid";


export type ComplaintView = {
  id: string;
  body: string;
  status: ComplaintStatus;
  receivedAt: Date;
  dueDate: string;
  daysLeft: number;
  answer: string | null;
  answeredAt: Date | null;
  answeredByName: string | null;
  case: { reference: string; status: CaseStatus; dueDate: string; unitName: string | null };
};

export async function getComplaint(actor: Actor, complaintId: string, now: Date = clockNow()): Promise<ComplaintView | null> {
  if (actor.kind !== "staff" || !can(actor, "complaint.handle") || !isUuid(complaintId)) return null;
  const found = await db().dpoComplaint.findUnique({
    where: { id: complaintId },
    select: {
      id: true,
      body: true,
      status: true,
      receivedAt: true,
      dueDate: true,
      answer: true,
      answeredAt: true,
      answeredById: true,
      case: { select: { reference: true, status: true, dueDate: true, unit: { select: { name: true } } } },
    },
  });
  if (!found) return null;
  const answeredBy = found.answeredById
    ? await db().user.findUnique({ where: { id: found.answeredById }, select: { name: true, email: true } })
    : null;
  const dueDate = dbDateToIso(found.dueDate);
  return {
    id: found.id,
    body: found.body,
    status: found.status,
    receivedAt: found.receivedAt,
    dueDate,
    daysLeft: complaintDaysLeft(dueDate, now),
    answer: found.answer,
    answeredAt: found.answeredAt,
    answeredByName: answeredBy ? (answeredBy.name ?? answeredBy.email) : null,
    case: {
      reference: found.case.reference,
      status: found.case.status,
      dueDate: dbDateToIso(found.case.dueDate),
      unitName: found.case.unit?.name ?? null,
    },
  };
}
