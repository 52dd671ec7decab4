// Use case: a citizen submits a request (the step-by-step flow, or the JSON API).
// One transaction: requester + case + audit event + the receipt (an e-mail in the outbox, or a
// paper letter in the letter queue when the citizen asked for answers by post).
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { Prisma } from "@/lib/db/generated/client";
import { env, publicUrl } from "@/lib/config/env";
import { municipalityProfile } from "@/lib/config/municipalities";
import { computeDeadline } from "@/lib/domain/deadline";
import { osloDateOf } from "@/lib/domain/calendar";
import { DomainError } from "@/lib/domain/errors";
import { missingRequestFields } from "@/lib/domain/rights";
import { isValidNationalId, normaliseNationalId } from "@/lib/domain/national-id";
import { encryptField } from "@/lib/crypto/field-encryption";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { renderReceiptLetter } from "@/lib/letters/receipt-letter";
import { allowSyntheticNationalIds, detailsForRights, type SubmitRequest } from "@/lib/requests/request-schema";
import type { CitizenSession } from "@/lib/citizen-auth/types";
import type { Locale } from "@/i18n/locales";
import { nextCaseReference } from "./case-reference";

export type SubmittedCase = {
  caseId: string;
  reference: string;
  receiptToken: string;
  dueDate: string;
  /** false when the submission key had already made a case (double click, retried POST). */
  created: boolean;
};

export type SubmitContext = {
  locale: Locale;
  now?: Date;
  /** The signed-in citizen who sends it (the form); absent for the JSON API (identity level none). */
  citizen?: Pick<CitizenSession, "identityId" | "level" | "email"> | null;
};

// Submissions queue for the per-year reference counter row; under a burst they wait for a
// connection and for each other longer than Prisma's 2 s default.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export function receiptLink(receiptToken: string) {
  return `${publicUrl()}/receipt/${receiptToken}`;
}

/** The case a submission key already made, if any (idempotency). */
export async function findCaseBySubmissionKey(submissionKey: string): Promise<SubmittedCase | null> {
  if (!/^[0-9a-f-]{36}$/i.test(submissionKey)) return null;
  const existing = await db().case.findUnique({
    where: { submissionKey },
    select: { id: true, reference: true, receiptToken: true, dueDate: true },
  });
  return existing
    ? {
        caseId: existing.id,
        reference: existing.reference,
        receiptToken: existing.receiptToken,
        dueDate: existing.dueDate.toISOString().slice(0, 10),
        created: false,
      }
    : null;
}

/** Checks what the schema checked once more (the service may be called directly) and normalises. */
function prepare(input: SubmitRequest) {
  const details = detailsForRights(input.rights, input.details ?? {});
  for (const right of input.rights) {
    if (missingRequestFields(right, details).length > 0) throw new DomainError("validation_failed", { field: "details" });
  }
  const onBehalfOf = input.onBehalfOf ?? "self";
  const answerChannel = input.answerChannel ?? "digital";
  const postalAddress = input.postalAddress?.trim() || null;
  if (answerChannel === "paper" && !postalAddress) throw new DomainError("validation_failed", { field: "postalAddress" });
  const subjectName = onBehalfOf === "self" ? null : input.subjectName?.trim() || null;
  if (onBehalfOf !== "self" && (!subjectName || input.declaration !== true)) {
    throw new DomainError("validation_failed", { field: subjectName ? "declaration" : "subjectName" });
  }
  const nationalId = (field: string, value: string | undefined) => {
    const id = normaliseNationalId(value ?? "");
    if (!id) return null;
    if (!isValidNationalId(id, { allowSynthetic: allowSyntheticNationalIds() })) {
      throw new DomainError("validation_failed", { field });
    }
    return encryptField(id);
  };
  return {
    details,
    onBehalfOf,
    answerChannel,
    postalAddress,
    subjectName,
    nationalIdEncrypted: nationalId("nationalId", input.nationalId),
    subjectNationalIdEncrypted: onBehalfOf === "self" ? null : nationalId("subjectNationalId", input.subjectNationalId),
  };
}

/** The active unit of the municipality with this slug; "" or undefined = no unit ("vet ikke"). */
export async function resolveUnitId(tx: Tx, municipalityId: string, slug: string | undefined | null): Promise<string | null> {
  if (!slug) return null;
  const unit = await tx.unit.findUnique({
    where: { municipalityId_slug: { municipalityId, slug } },
    select: { id: true, active: true },
  });
  if (!unit?.active) throw new DomainError("validation_failed", { field: "unit" });
  return unit.id;
}

/**
 * The receipt, in the caller's transaction: an e-mail (reference + link) in the outbox when there is
 * an address to write to, otherwise a paper letter in the letter queue (needs a postal address).
 * Pass `email: null` for people who want answers by post. Also used by register-request.ts.
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
  await tx.letter.create({ data: { caseId: input.caseId, kind: "receipt", locale: input.locale, pdf: Buffer.from(pdf) } });
  return "letter";
}

export async function submitRequest(input: SubmitRequest, context: SubmitContext): Promise<SubmittedCase> {
  const replay = await findCaseBySubmissionKey(input.submissionKey);
  if (replay) return replay;

  const prepared = prepare(input);
  const municipalityId = env().MUNICIPALITY;
  const receivedAt = context.now ?? new Date();
  const { dueDate } = computeDeadline({ receivedAt });
  const receiptToken = randomBytes(24).toString("base64url");
  const citizen = context.citizen ?? null;
  const identityLevel = citizen?.level ?? "none";
  // The verified e-mail of the session wins over what was typed.
  const email = citizen?.email || input.email.trim() || null;

  try {
    const result = await db().$transaction(async (tx) => {
      const unitId = await resolveUnitId(tx, municipalityId, input.unit);

      const requester = await tx.requester.create({
        data: {
          name: input.name,
          email,
          postalAddress: prepared.postalAddress,
          nationalIdEncrypted: prepared.nationalIdEncrypted,
          identityLevel,
          identityId: citizen?.identityId ?? null,
        },
        select: { id: true },
      });
      const { year, seq, reference } = await nextCaseReference(tx, Number(osloDateOf(receivedAt).slice(0, 4)));
      const created = await tx.case.create({
        data: {
          reference,
          referenceYear: year,
          referenceSeq: seq,
          municipalityId,
          unitId,
          requesterId: requester.id,
          identityLevel,
          rights: input.rights,
          channel: "web",
          answerChannel: prepared.answerChannel,
          locale: context.locale,
          receivedAt,
          oneMonthDueDate: isoDateToDb(dueDate),
          dueDate: isoDateToDb(dueDate),
          description: input.description,
          details: prepared.details,
          onBehalfOf: prepared.onBehalfOf,
          subjectName: prepared.subjectName,
          subjectNationalIdEncrypted: prepared.subjectNationalIdEncrypted,
          submissionKey: input.submissionKey,
          receiptToken,
        },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: {
          caseId: created.id,
          at: receivedAt,
          actorType: "citizen",
          actorId: requester.id,
          type: "case.received",
          before: Prisma.DbNull,
          // No personal data in the audit trail: ids, codes and dates only.
          after: {
            status: "received",
            rights: input.rights,
            channel: "web",
            unitId,
            dueDate,
            identityLevel,
            onBehalfOf: prepared.onBehalfOf,
            answerChannel: prepared.answerChannel,
          },
        },
      });
      await deliverReceiptInTx(tx, {
        caseId: created.id,
        reference,
        receiptToken,
        locale: context.locale,
        receivedAt,
        dueDate,
        name: input.name,
        email: prepared.answerChannel === "paper" ? null : email,
        // As before: the web flow sends a letter only to people who chose paper.
        postalAddress: prepared.answerChannel === "paper" ? prepared.postalAddress : null,
        municipalityId,
      });
      return { caseId: created.id, reference, receiptToken, dueDate, created: true };
    }, TRANSACTION_OPTIONS);
    kickOutbox();
    return result;
  } catch (error) {
    // Two copies of the same submission raced: the loser returns the winner's case.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findCaseBySubmissionKey(input.submissionKey);
      if (winner) return winner;
    }
    throw error;
  }
}
