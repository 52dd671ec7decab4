// Use case: a citizen submits a request through the web form (or the JSON API).
// One transaction: requester + case + audit event + receipt e-mail in the outbox.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { Prisma } from "@/lib/db/generated/client";
import { env, publicUrl } from "@/lib/config/env";
import { computeDeadline } from "@/lib/domain/deadline";
import { osloDateOf } from "@/lib/domain/calendar";
import { DomainError } from "@/lib/domain/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import type { SubmitRequest } from "@/lib/requests/request-schema";
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

export function receiptLink(receiptToken: string) {
  return `${publicUrl()}/receipt/${receiptToken}`;
}

async function findBySubmissionKey(submissionKey: string): Promise<SubmittedCase | null> {
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

export async function submitRequest(
  input: SubmitRequest,
  context: { locale: Locale; now?: Date },
): Promise<SubmittedCase> {
  const replay = await findBySubmissionKey(input.submissionKey);
  if (replay) return replay;

  const municipalityId = env().MUNICIPALITY;
  const receivedAt = context.now ?? new Date();
  const { dueDate } = computeDeadline({ receivedAt });
  const receiptToken = randomBytes(24).toString("base64url");

  try {
    const result = await db().$transaction(async (tx) => {
      let unitId: string | null = null;
      if (input.unit) {
        const unit = await tx.unit.findUnique({
          where: { municipalityId_slug: { municipalityId, slug: input.unit } },
          select: { id: true, active: true },
        });
        if (!unit?.active) throw new DomainError("validation_failed", { field: "unit" });
        unitId = unit.id;
      }

      const requester = await tx.requester.create({
        data: { name: input.name, email: input.email, identityLevel: "none" },
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
          rights: input.rights,
          channel: "web",
          locale: context.locale,
          receivedAt,
          oneMonthDueDate: isoDateToDb(dueDate),
          dueDate: isoDateToDb(dueDate),
          description: input.description,
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
          after: { status: "received", rights: input.rights, channel: "web", unitId, dueDate },
        },
      });
      await enqueueMail(tx, {
        to: input.email,
        template: "request_receipt",
        locale: context.locale,
        params: { reference, link: receiptLink(receiptToken) },
        caseId: created.id,
      });
      return { caseId: created.id, reference, receiptToken, dueDate, created: true };
    });
    kickOutbox();
    return result;
  } catch (error) {
    // Two copies of the same submission raced: the loser returns the winner's case.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findBySubmissionKey(input.submissionKey);
      if (winner) return winner;
    }
    throw error;
  }
}
