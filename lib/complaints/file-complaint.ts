// Use case: a citizen asks the data protection officer to look at how their case was handled
// ("klage til personvernombudet", GDPR art. 38(4)). Allowed on open and closed cases alike
// (complaints usually come after the answer), only by the requester, one open complaint per case.
//
// One transaction: the complaint, its audit event ("complaint.filed", ids only, never the text) and
// one "dpo_complaint" e-mail per active DPO of the case's municipality, carrying only the reference
// and a link to /staff/complaints/<id>.
//
// Due date: the same one-month rule as a request (computeDeadline, GDPR art. 12(3)). The law gives
// the DPO no deadline of its own; we hold the DPO to the pace the municipality owes the requester.
import { db } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { publicUrl } from "@/lib/config/env";
import { enforceRateLimit } from "@/lib/abuse";
import { computeDeadline } from "@/lib/domain/deadline";
import { mayFileComplaint } from "@/lib/domain/complaints";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { complaintBodySchema } from "./complaint-schema";
import { isCanonicalCaseReference } from "@/lib/domain/reference";
import { now as clockNow } from "@/lib/clock";

/** Staff mail is in bokmål, like the other staff notices (reminders, escalations). */
const STAFF_LOCALE = "nb";

export function complaintLink(complaintId: string): string {
  return `${publicUrl()}/staff/complaints/${complaintId}`;
}

async function findOwnCase(identityId: string, reference: string) {
  if (!identityId || !isCanonicalCaseReference(reference)) return null;
  return db().case.findFirst({
    where: { reference, requester: { identityId } },
    select: { id: true, reference: true, municipalityId: true, unitId: true, requesterId: true, assigneeId: true },
  });
}

export async function fileComplaint(input: {
  identityId: string;
  reference: string;
  body: string;
  now?: Date;
}): Promise<{ complaintId: string; dueDate: string }> {
  const found = await findOwnCase(input.identityId, input.reference);
  if (!found) throw new DomainError("not_found");
  // The citizen is the requester of the case they were found by; the policy says so explicitly.
  const actor: Actor = { kind: "citizen", requesterId: found.requesterId };
  if (!can(actor, "case.complain", { unitId: found.unitId, requesterId: found.requesterId, assigneeId: found.assigneeId })) {
    throw new DomainError("not_found");
  }
  const parsed = complaintBodySchema.safeParse(input.body);
  if (!parsed.success) throw new DomainError("validation_failed", { field: "body", message: parsed.error.issues[0]?.message });
  const open = await db().dpoComplaint.count({ where: { caseId: found.id, status: "open" } });
  if (open > 0) throw new DomainError("invalid_transition", { reason: "complaint_already_open" });
  // The same per-identity bucket as secure messages: both are the citizen writing to the municipality.
  await enforceRateLimit("message_identity", input.identityId);

  const now = input.now ?? clockNow();
  const { dueDate } = computeDeadline({ receivedAt: now });
  const result = await db().$transaction(async (tx) => {
    // Serialise complaints on this case: a second, concurrent filing waits here and then sees the first.
    await tx.$queryRaw`SELECT id FROM request_case WHERE id = ${found.id}::uuid FOR UPDATE`;
    const existing = await tx.dpoComplaint.findMany({ where: { caseId: found.id }, select: { status: true } });
    if (!mayFileComplaint(existing)) throw new DomainError("invalid_transition", { reason: "complaint_already_open" });
    const complaint = await tx.dpoComplaint.create({
      data: { caseId: found.id, body: parsed.data, status: "open", receivedAt: now, dueDate: isoDateToDb(dueDate) },
      select: { id: true },
    });
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "citizen",
        actorId: found.requesterId,
        type: "complaint.filed",
        after: { complaintId: complaint.id, dueDate },
      },
    });
    const dpos = await tx.user.findMany({
      where: { active: true, roles: { has: "dpo" }, municipalityId: found.municipalityId },
      select: { email: true },
      orderBy: { email: "asc" },
    });
    for (const dpo of dpos) {
      await enqueueMail(tx, {
        to: dpo.email,
        template: "dpo_complaint",
        locale: STAFF_LOCALE,
        params: { reference: found.reference, link: complaintLink(complaint.id) },
        caseId: found.id,
      });
    }
    return { complaintId: complaint.id, dueDate, mailed: dpos.length > 0 };
  });
  if (result.mailed) kickOutbox();
  return { complaintId: result.complaintId, dueDate: result.dueDate };
}
