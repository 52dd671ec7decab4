// Use case: "Mine saker", the signed-in citizen's own cases, newest first. Only cases whose
// requester was filed by this identity; nothing else is ever read.
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import type { CaseStatus, Right } from "@/lib/db/generated/client";

export type CitizenCaseRow = { reference: string; rights: Right[]; status: CaseStatus; receivedAt: Date; dueDate: string };

export async function citizenListCases(identityId: string): Promise<CitizenCaseRow[]> {
  if (!identityId) return [];
  const rows = await db().case.findMany({
    where: { requester: { identityId } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { reference: true, rights: true, status: true, receivedAt: true, dueDate: true },
  });
  return rows.map((r) => ({ ...r, dueDate: dbDateToIso(r.dueDate) }));
}
