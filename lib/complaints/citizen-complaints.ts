// Use case: the complaint section on the citizen's own case page: the DPO's contact details (from
// the municipality row), whether a new complaint may be filed, and the case's complaints with status,
// due date and answer. Found only by reference AND the signed-in identity: anyone else gets null.
// Special-category cases keep the complaint texts and answers behind an ID-porten high sign-in,
// like their messages.
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { citizenMustStepUp } from "@/lib/domain/policy";
import { compareComplaints, mayFileComplaint, type ComplaintStatus } from "@/lib/domain/complaints";
import type { CitizenLevel } from "@/lib/citizen-auth/types";
import { isCanonicalCaseReference } from "@/lib/domain/reference";

export type CitizenComplaintRow = {
  id: string;
  status: ComplaintStatus;
  receivedAt: Date;
  dueDate: string;
  body: string | null;
  answer: string | null;
  answeredAt: Date | null;
};

export type CitizenComplaintsView = {
  dpo: { name: string | null; email: string | null; phone: string | null; postalAddress: string | null };
  mayFile: boolean;
  needsHighLevel: boolean;
  complaints: CitizenComplaintRow[];
};

export async function citizenComplaints(
  citizen: { identityId: string; level: CitizenLevel },
  reference: string,
): Promise<CitizenComplaintsView | null> {
  if (!citizen.identityId || !isCanonicalCaseReference(reference)) return null;
  const found = await db().case.findFirst({
    where: { reference, requester: { identityId: citizen.identityId } },
    select: {
      specialCategory: true,
      municipality: { select: { dpoName: true, dpoEmail: true, dpoPhone: true, dpoPostalAddress: true } },
      complaints: {
        select: { id: true, status: true, receivedAt: true, dueDate: true, body: true, answer: true, answeredAt: true },
      },
    },
  });
  if (!found) return null;
  const needsHighLevel = citizenMustStepUp({ level: citizen.level }, found);
  const m = found.municipality;
  return {
    dpo: { name: m.dpoName, email: m.dpoEmail, phone: m.dpoPhone, postalAddress: m.dpoPostalAddress },
    mayFile: mayFileComplaint(found.complaints),
    needsHighLevel,
    complaints: found.complaints
      .map((c) => ({
        id: c.id,
        status: c.status,
        receivedAt: c.receivedAt,
        dueDate: dbDateToIso(c.dueDate),
        body: needsHighLevel ? null : c.body,
        answer: needsHighLevel ? null : c.answer,
        answeredAt: c.answeredAt,
      }))
      .sort(compareComplaints),
  };
}
