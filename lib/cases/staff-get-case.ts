// Use case: a staff member opens one case. Read through the policy scope: a case outside it does
// not exist for this actor (null -> 404).
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import type { AttachmentPurpose, CaseStatus, IdentityLevel, Right } from "@/lib/db/generated/client";
import { osloDateOf } from "@/lib/domain/calendar";
import { isClosed } from "@/lib/domain/case-status";
import { daysLeft } from "@/lib/domain/deadline";
import { can, type Actor } from "@/lib/domain/policy";
import { caseScopeFilter } from "./case-scope";

export type StaffCaseView = {
  id: string;
  reference: string;
  rights: Right[];
  status: CaseStatus;
  closed: boolean;
  requesterName: string;
  identityLevel: IdentityLevel;
  unitName: string | null;
  dueDate: string;
  daysLeft: number;
  extended: boolean;
  canMessage: boolean;
  messages: { id: string; kind: "to_requester" | "from_requester"; body: string; createdAt: Date }[];
  attachments: { id: string; purpose: AttachmentPurpose; fileName: string; sizeBytes: number; createdAt: Date }[];
};

export async function staffCaseRef(actor: Actor, reference: string) {
  if (actor.kind !== "staff" || !/^PV-\d{4}-\d{6,}$/.test(reference)) return null;
  const found = await db().case.findFirst({
    where: { AND: [{ reference }, caseScopeFilter(actor)] },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      locale: true,
      unitId: true,
      requesterId: true,
      assigneeId: true,
      requester: { select: { email: true, identity: { select: { email: true } } } },
    },
  });
  if (!found) return null;
  const ref = { unitId: found.unitId, requesterId: found.requesterId, assigneeId: found.assigneeId };
  return can(actor, "case.view", ref) ? { ...found, ref } : null;
}

export async function staffGetCase(actor: Actor, reference: string, now: Date = new Date()): Promise<StaffCaseView | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible) return null;
  const found = await db().case.findUniqueOrThrow({
    where: { id: visible.id },
    select: {
      id: true,
      reference: true,
      rights: true,
      status: true,
      dueDate: true,
      extended: true,
      unit: { select: { name: true } },
      requester: { select: { name: true, identityLevel: true } },
      messages: {
        where: { kind: { in: ["to_requester", "from_requester"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, body: true, createdAt: true },
      },
      attachments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, purpose: true, fileName: true, sizeBytes: true, createdAt: true },
      },
    },
  });
  const due = dbDateToIso(found.dueDate);
  return {
    id: found.id,
    reference: found.reference,
    rights: found.rights,
    status: found.status,
    closed: isClosed(found.status),
    requesterName: found.requester.name,
    identityLevel: found.requester.identityLevel,
    unitName: found.unit?.name ?? null,
    dueDate: due,
    daysLeft: daysLeft(due, osloDateOf(now)),
    extended: found.extended,
    canMessage: can(actor, "case.message", visible.ref),
    messages: found.messages.map((m) => ({ ...m, kind: m.kind as "to_requester" | "from_requester" })),
    attachments: found.attachments,
  };
}
