// The steps every new case takes, whoever files it: a citizen on the web (submit-request.ts) or a
// staff member for a request by phone, letter, at the counter or by e-mail (register-request.ts).
// In the caller's transaction: the unit (and whether it processes special categories), the
// requester, a gap-free reference, the case, its first audit event, and the receipt.
import type { Tx } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { Prisma, type AnswerChannel, type Channel, type IdentityLevel, type OnBehalfOf, type Right } from "@/lib/db/generated/client";
import { publicUrl } from "@/lib/config/env";
import { municipalityProfile } from "@/lib/config/municipalities";
import { osloDateOf } from "@/lib/domain/calendar";
import { DomainError } from "@/lib/domain/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderReceiptLetter } from "@/lib/letters/receipt-letter";
import type { Locale } from "@/i18n/locales";
import { nextCaseReference } from "./case-reference";
import type { LetterKind } from "@/lib/domain/letters";

export function receiptLink(receiptToken: string) {
  return `${publicUrl()}/receipt/${receiptToken}`;
}

/** The active unit of the municipality with this slug; "" or undefined = no unit ("vet ikke"). */
export async function resolveUnit(
  tx: Tx,
  municipalityId: string,
  slug: string | undefined | null,
): Promise<{ id: string; specialCategory: boolean } | null> {
  if (!slug) return null;
  // FOR SHARE: an admin turning on the unit's special-category flag (which marks the unit's cases
  // in its own transaction) waits for this filing, and then sees and marks the new case too.
  const [unit] = await tx.$queryRaw<{ id: string; active: boolean; specialCategory: boolean }[]>`
    SELECT id::text AS id, active, special_category AS "specialCategory" FROM unit
     WHERE municipality_id = ${municipalityId} AND slug = ${slug} FOR SHARE`;
  if (!unit?.active) throw new DomainError("validation_failed", { field: "unit" });
  return { id: unit.id, specialCategory: unit.specialCategory };
}

/** The active unit's id (see resolveUnit). */
export async function resolveUnitId(tx: Tx, municipalityId: string, slug: string | undefined | null): Promise<string | null> {
  return (await resolveUnit(tx, municipalityId, slug))?.id ?? null;
}

/**
 * The receipt, in the caller's transaction: an e-mail (reference + link) in the outbox when there is
 * an address to write to, otherwise a paper letter in the letter queue (needs a postal address).
 * Pass `email: null` for people who want answers by post.
 */
export async function deliverReceiptInTx(
  tx: Tx,
  input: {
    caseId: string;
    reference: string;
    receiptToken: string;
    locale: Locale;
    receivedAt: Date;
    dueDate: string;
    name: string;
    email: string | null;
    postalAddress: string | null;
    municipalityId: string;
  },
): Promise<"mail" | "letter" | "none"> {
  if (input.email) {
    await enqueueMail(tx, {
      to: input.email,
      template: "request_receipt",
      locale: input.locale,
      params: { reference: input.reference, link: receiptLink(input.receiptToken) },
      caseId: input.caseId,
    });
    return "mail";
  }
  if (!input.postalAddress) return "none";
  const pdf = await renderReceiptLetter({
    locale: input.locale,
    reference: input.reference,
    receivedDate: osloDateOf(input.receivedAt),
    dueDate: input.dueDate,
    recipientName: input.name,
    postalAddress: input.postalAddress,
    municipality: municipalityProfile(input.municipalityId),
  });
  await tx.letter.create({ data: { caseId: input.caseId, kind: "receipt" satisfies LetterKind, locale: input.locale, pdf: Buffer.from(pdf) } });
  return "letter";
}

export type NewCaseInput = {
  municipalityId: string;
  unitSlug: string | null | undefined;
  receivedAt: Date;
  /** The due date (ISO), computed by the caller from receivedAt. */
  dueDate: string;
  locale: Locale;
  receiptToken: string;
  requester: {
    name: string;
    email: string | null;
    phone?: string | null;
    postalAddress: string | null;
    /** Ciphertext (encryptField) and lookup hash (lookupHash) of the requester's own national id. */
    nationalIdEncrypted: string | null;
    nationalIdHash: string | null;
    identityLevel: IdentityLevel;
    identityId: string | null;
  };
  case: {
    rights: Right[];
    channel: Channel;
    answerChannel: AnswerChannel;
    description: string;
    details?: Prisma.InputJsonValue;
    onBehalfOf?: OnBehalfOf;
    subjectName?: string | null;
    subjectNationalIdEncrypted?: string | null;
    /** The idempotency key with its submitter's scope and the body's hash (lib/domain/submission-key.ts). */
    submission?: { key: string; scope: string; hash: string } | null;
    registeredById?: string | null;
    /** Special category known from the request itself (e.g. the form said so); the unit's flag is added. */
    specialCategory?: boolean;
  };
  /** The first audit event: "case.received" by the requester (web) or "case.registered" by staff. */
  event: {
    type: "case.received" | "case.registered";
    at: Date;
    actor: { type: "citizen" } | { type: "staff"; id: string };
    /** Facts beyond the common ones (ids, codes and dates only: no personal data). */
    extra?: Record<string, Prisma.InputJsonValue>;
  };
  /** Where the receipt goes (see deliverReceiptInTx). */
  receipt: { email: string | null; postalAddress: string | null };
};

export type NewCase = {
  caseId: string;
  requesterId: string;
  reference: string;
  unitId: string | null;
  specialCategory: boolean;
  receipt: "mail" | "letter" | "none";
};

export async function createCaseInTx(tx: Tx, input: NewCaseInput): Promise<NewCase> {
  const unit = await resolveUnit(tx, input.municipalityId, input.unitSlug);
  const unitId = unit?.id ?? null;
  const specialCategory = Boolean(unit?.specialCategory || input.case.specialCategory);
  const identityLevel = input.requester.identityLevel;

  const requester = await tx.requester.create({
    data: {
      name: input.requester.name,
      email: input.requester.email,
      phone: input.requester.phone ?? null,
      postalAddress: input.requester.postalAddress,
      nationalIdEncrypted: input.requester.nationalIdEncrypted,
      nationalIdHash: input.requester.nationalIdHash,
      identityLevel,
      identityId: input.requester.identityId,
    },
    select: { id: true },
  });
  const { year, seq, reference } = await nextCaseReference(tx, Number(osloDateOf(input.receivedAt).slice(0, 4)));
  const created = await tx.case.create({
    data: {
      reference,
      referenceYear: year,
      referenceSeq: seq,
      municipalityId: input.municipalityId,
      unitId,
      requesterId: requester.id,
      identityLevel,
      rights: input.case.rights,
      channel: input.case.channel,
      answerChannel: input.case.answerChannel,
      locale: input.locale,
      receivedAt: input.receivedAt,
      oneMonthDueDate: isoDateToDb(input.dueDate),
      dueDate: isoDateToDb(input.dueDate),
      description: input.case.description,
      specialCategory,
      ...(input.case.details !== undefined ? { details: input.case.details } : {}),
      ...(input.case.onBehalfOf ? { onBehalfOf: input.case.onBehalfOf } : {}),
      subjectName: input.case.subjectName ?? null,
      subjectNationalIdEncrypted: input.case.subjectNationalIdEncrypted ?? null,
      submissionKey: input.case.submission?.key ?? null,
      submissionScope: input.case.submission?.scope ?? null,
      submissionHash: input.case.submission?.hash ?? null,
      registeredById: input.case.registeredById ?? null,
      receiptToken: input.receiptToken,
    },
    select: { id: true },
  });
  const actor = input.event.actor;
  await tx.caseEvent.create({
    data: {
      caseId: created.id,
      at: input.event.at,
      actorType: actor.type,
      actorId: actor.type === "staff" ? actor.id : requester.id,
      type: input.event.type,
      before: Prisma.DbNull,
      // No personal data in the audit trail: ids, codes and dates only.
      after: {
        status: "received",
        rights: input.case.rights,
        channel: input.case.channel,
        unitId,
        dueDate: input.dueDate,
        identityLevel,
        answerChannel: input.case.answerChannel,
        specialCategory,
        ...input.event.extra,
      },
    },
  });
  const receipt = await deliverReceiptInTx(tx, {
    caseId: created.id,
    reference,
    receiptToken: input.receiptToken,
    locale: input.locale,
    receivedAt: input.receivedAt,
    dueDate: input.dueDate,
    name: input.requester.name,
    email: input.receipt.email,
    postalAddress: input.receipt.postalAddress,
    municipalityId: input.municipalityId,
  });
  return { caseId: created.id, requesterId: requester.id, reference, unitId, specialCategory, receipt };
}
