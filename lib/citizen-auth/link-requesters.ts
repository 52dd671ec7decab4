// Links requesters to the citizen identity that has proven to be them, so that cases a staff member
// registered (phone, letter, counter, e-mail) show up on the citizen's "Mine saker". Always called
// inside the caller's transaction; every linked case gets an append-only audit event
// "case.requester_linked" with the method only (no personal data).
//
// The rules:
// (a) ID-porten: a staff-registered requester whose national-id hash is the identity's pid hash
//     belongs to that person (the caseworker took the number from them). It is linked when it has
//     no identity yet, or only an e-mail-code identity (ID-porten is the stronger proof). A
//     requester of another ID-porten identity is never re-pointed. Web- and API-filed cases never
//     move: a number typed in a form is a claim nobody checked, and moving the case would show the
//     filer's case to whoever owns that number.
// (b) E-mail code: a requester with no identity whose e-mail address is the verified address, and
//     only when every case of it was registered by staff, wants digital answers and is not
//     anonymised (a paper case's address was never used, so nothing showed it was right). A
//     web-filed case always has the identity that filed it and is never re-pointed by e-mail.
// (c) At registration (register-request.ts): the identity that exists already, by pid hash first,
//     else by the verified e-mail address when the requester wants digital answers.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

export type LinkMethod = "idporten" | "email_code";
export const REQUESTER_LINKED_EVENT = "case.requester_linked";

type LinkActor = { type: "system" } | { type: "staff"; id: string };

/** One audit event per case of the linked requesters (same transaction). Returns the case ids. */
async function auditLinked(tx: Tx, requesterIds: string[], method: LinkMethod, now: Date, actor: LinkActor): Promise<string[]> {
  if (requesterIds.length === 0) return [];
  const cases = await tx.case.findMany({ where: { requesterId: { in: requesterIds } }, select: { id: true }, orderBy: { id: "asc" } });
  if (cases.length === 0) return [];
  await tx.caseEvent.createMany({
    data: cases.map((c) => ({
      caseId: c.id,
      at: now,
      actorType: actor.type,
      actorId: actor.type === "staff" ? actor.id : null,
      type: REQUESTER_LINKED_EVENT,
      before: Prisma.DbNull,
      after: { method },
    })),
  });
  return cases.map((c) => c.id);
}

/** Rule (a), after an ID-porten sign-in. Returns the ids of the cases now linked. */
export async function linkRequestersByNationalId(
  tx: Tx,
  input: { identityId: string; pidHash: string; now: Date },
): Promise<string[]> {
  if (!input.pidHash) return [];
  // One statement: the rows it changes are exactly the rows it returns, even with a concurrent sign-in.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE requester r SET identity_id = ${input.identityId}::uuid
     WHERE r.national_id_hash = ${input.pidHash}
       AND (r.identity_id IS NULL
            OR r.identity_id IN (SELECT ci.id FROM citizen_identity ci WHERE ci.method = 'email_code'))
       AND EXISTS (SELECT 1 FROM request_case c WHERE c.requester_id = r.id)
       AND NOT EXISTS (
             SELECT 1 FROM request_case c
              WHERE c.requester_id = r.id AND (c.registered_by_id IS NULL OR c.anonymised_at IS NOT NULL))
    RETURNING r.id::text AS id`;
  return auditLinked(
    tx,
    rows.map((r) => r.id),
    "idporten",
    input.now,
    { type: "system" },
  );
}

/** Rule (b), after an e-mail-code sign-in with the verified, lower-cased address. */
export async function linkRequestersByEmail(tx: Tx, input: { identityId: string; email: string; now: Date }): Promise<string[]> {
  const email = input.email.trim().toLowerCase();
  if (!email) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE requester r SET identity_id = ${input.identityId}::uuid
     WHERE r.identity_id IS NULL
       AND lower(r.email) = ${email}
       AND EXISTS (SELECT 1 FROM request_case c WHERE c.requester_id = r.id)
       AND NOT EXISTS (
             SELECT 1 FROM request_case c
              WHERE c.requester_id = r.id
                AND (c.registered_by_id IS NULL OR c.anonymised_at IS NOT NULL OR c.answer_channel <> 'digital'))
    RETURNING r.id::text AS id`;
  return auditLinked(
    tx,
    rows.map((r) => r.id),
    "email_code",
    input.now,
    { type: "system" },
  );
}

/**
 * Rule (c), while a staff member registers a request: the identity that already proved to be this
 * requester, or null. By pid hash first (an ID-porten identity); else, when the requester wants
 * digital answers, an e-mail-code identity with the same verified address.
 */
export async function findIdentityForNewRequester(
  tx: Tx,
  input: { nationalIdHash: string | null; email: string | null; answerChannel: "digital" | "paper" },
): Promise<{ identityId: string; method: LinkMethod } | null> {
  if (input.nationalIdHash) {
    const byPid = await tx.citizenIdentity.findUnique({ where: { pidHash: input.nationalIdHash }, select: { id: true, method: true } });
    if (byPid?.method === "idporten") return { identityId: byPid.id, method: "idporten" };
  }
  const email = input.email?.trim().toLowerCase();
  if (email && input.answerChannel === "digital") {
    const byEmail = await tx.citizenIdentity.findUnique({ where: { email }, select: { id: true, method: true } });
    if (byEmail?.method === "email_code") return { identityId: byEmail.id, method: "email_code" };
  }
  return null;
}

/** The audit event for a requester linked at registration (rule c), by the registering staff member. */
export async function auditLinkedAtRegistration(tx: Tx, input: { caseId: string; method: LinkMethod; staffId: string; now: Date }) {
  await tx.caseEvent.create({
    data: {
      caseId: input.caseId,
      at: input.now,
      actorType: "staff",
      actorId: input.staffId,
      type: REQUESTER_LINKED_EVENT,
      before: Prisma.DbNull,
      after: { method: input.method },
    },
  });
}
