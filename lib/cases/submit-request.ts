// Use case: a citizen submits a request (the step-by-step flow, or the JSON API).
// One transaction: requester + case + audit event + the receipt (an e-mail in the outbox, or a
// paper letter in the letter queue when the citizen asked for answers by post).
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/config/env";
import { computeDeadline } from "@/lib/domain/deadline";
import { DomainError, isDomainError } from "@/lib/domain/errors";
import { missingRequestFields } from "@/lib/domain/rights";
import { canonicalJson, normaliseSubmissionKey, submissionScope, type Submitter } from "@/lib/domain/submission-key";
import { isValidNationalId, normaliseNationalId } from "@/lib/domain/national-id";
import { encryptField, lookupHash } from "@/lib/crypto/field-encryption";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { allowSyntheticNationalIds, detailsForRights, type SubmitRequest } from "@/lib/requests/request-schema";
import type { CitizenSession } from "@/lib/citizen-auth/types";
import type { Locale } from "@/i18n/locales";
import { createCaseInTx, deliverReceiptInTx, insertCase, receiptLink, resolveUnitId, type NewCaseInput } from "./create-case";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { now as clockNow } from "@/lib/clock";

// Kept here for the callers that import them from this module.
export { deliverReceiptInTx, receiptLink, resolveUnitId };

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
  /** The JSON API: the name of the API key it came with (the submission key's scope). */
  apiKeyName?: string;
};

// Submissions queue for the per-year reference counter row; under a burst they wait for a
// connection and for each other longer than Prisma's 2 s default.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** Whose submission key it is: the signed-in identity, the API key, or a direct call of the service. */
export function submitterOf(context: Pick<SubmitContext, "citizen" | "apiKeyName">): Submitter {
  if (context.citizen?.identityId) return { kind: "identity", identityId: context.citizen.identityId };
  if (context.apiKeyName) return { kind: "api", keyName: context.apiKeyName };
  return { kind: "service" };
}

/** The hash of what was submitted (the key itself left out): a replay has the same one. */
function submissionHash(input: SubmitRequest): string {
  return createHash("sha256").update(canonicalJson({ ...input, submissionKey: undefined })).digest("hex");
}

/**
 * The case this submitter's key already made, if any (idempotency). Someone else's key finds
 * nothing (keys are scoped to their submitter). With `hash`: the same key with another body is
 * refused (submission_key_reused, the API's 409), never answered with the first case.
 */
export async function findCaseBySubmissionKey(submitter: Submitter, submissionKey: string, hash?: string): Promise<SubmittedCase | null> {
  const key = normaliseSubmissionKey(submissionKey);
  if (!key) return null;
  const existing = await db().case.findUnique({
    where: { submissionScope_submissionKey: { submissionScope: submissionScope(submitter), submissionKey: key } },
    select: { id: true, reference: true, receiptToken: true, dueDate: true, submissionHash: true },
  });
  if (!existing) return null;
  if (hash !== undefined && existing.submissionHash !== null && existing.submissionHash !== hash) {
    throw new DomainError("submission_key_reused");
  }
  return {
    caseId: existing.id,
    reference: existing.reference,
    receiptToken: existing.receiptToken,
    dueDate: existing.dueDate.toISOString().slice(0, 10),
    created: false,
  };
}

/** Checks what the schema checked once more (the service may be called directly) and normalises. */
function prepare(input: SubmitRequest) {
  const details = detailsForRights(input.rights, input.details ?? {});
  for (const right of input.rights) {
    if (missingRequestFields(right, details).length > 0) throw new DomainError("validation_failed", { field: "details" });
  }
  // A deceased person has no GDPR rights (recital 27): the form points elsewhere, and nothing is written.
  if (input.onBehalfOf === "deceased") throw new DomainError("validation_failed", { field: "onBehalfOf", reason: "deceased" });
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
    return id;
  };
  const own = nationalId("nationalId", input.nationalId);
  const subject = onBehalfOf === "self" ? null : nationalId("subjectNationalId", input.subjectNationalId);
  return {
    details,
    onBehalfOf,
    answerChannel,
    postalAddress,
    subjectName,
    // The requester's own number: encrypted, plus its lookup hash (links the case to a later ID-porten sign-in).
    nationalIdEncrypted: own ? encryptField(own) : null,
    nationalIdHash: own ? lookupHash(own) : null,
    subjectNationalIdEncrypted: subject ? encryptField(subject) : null,
    // The form may say the request concerns special categories (Art. 9); the unit's flag is added later.
    specialCategory: (details as Record<string, unknown>).specialCategory === true,
  };
}

/**
 * The requester's own national id when the citizen signed in with ID-porten: the session's pid
 * (the identity's ciphertext and hash), whatever was typed in the form. Null for other sign-ins.
 */
async function idPortenNationalId(client: Tx, identityId: string | undefined) {
  if (!identityId) return null;
  const identity = await client.citizenIdentity.findUnique({ where: { id: identityId }, select: { method: true, pidHash: true, pidEncrypted: true } });
  if (identity?.method !== "idporten" || !identity.pidHash) return null;
  return { nationalIdHash: identity.pidHash, nationalIdEncrypted: identity.pidEncrypted };
}

export async function submitRequest(input: SubmitRequest, context: SubmitContext): Promise<SubmittedCase> {
  const submitter = submitterOf(context);
  const key = normaliseSubmissionKey(input.submissionKey);
  if (!key) throw new DomainError("validation_failed", { field: "submissionKey" });
  const hash = submissionHash(input);
  // No look-up of the key first: a replay (a double click, a retried POST) is rare, and the unique
  // key turns it into a conflict below, answered with the first case. One round trip less for
  // every new submission.

  const prepared = prepare(input);
  const municipalityId = env().MUNICIPALITY;
  const receivedAt = context.now ?? clockNow();
  const { dueDate } = computeDeadline({ receivedAt });
  const receiptToken = randomBytes(24).toString("base64url");
  const citizen = context.citizen ?? null;
  const identityLevel = citizen?.level ?? "none";
  // The verified e-mail of the session wins over what was typed.
  const email = citizen?.email || input.email.trim() || null;

  try {
    // Read-only, before the write: the signed-in citizen's ID-porten number, if any.
    const pid = await idPortenNationalId(db(), citizen?.identityId);
    const input_: NewCaseInput = {
      municipalityId,
      unitSlug: input.unit,
      receivedAt,
      dueDate,
      locale: context.locale,
      receiptToken,
      requester: {
        name: input.name,
        email,
        postalAddress: prepared.postalAddress,
        nationalIdEncrypted: pid ? pid.nationalIdEncrypted : prepared.nationalIdEncrypted,
        nationalIdHash: pid ? pid.nationalIdHash : prepared.nationalIdHash,
        identityLevel,
        identityId: citizen?.identityId ?? null,
      },
      case: {
        rights: input.rights,
        channel: "web",
        answerChannel: prepared.answerChannel,
        description: input.description,
        details: prepared.details as Prisma.InputJsonValue,
        onBehalfOf: prepared.onBehalfOf,
        subjectName: prepared.subjectName,
        subjectNationalIdEncrypted: prepared.subjectNationalIdEncrypted,
        submission: { key, scope: submissionScope(submitter), hash },
        specialCategory: prepared.specialCategory,
      },
      event: { type: "case.received", at: receivedAt, actor: { type: "citizen" }, extra: { onBehalfOf: prepared.onBehalfOf } },
      receipt: {
        email: prepared.answerChannel === "paper" ? null : email,
        // As before: the web flow sends a letter only to people who chose paper.
        postalAddress: prepared.answerChannel === "paper" ? prepared.postalAddress : null,
      },
    };
    // A receipt by e-mail: the case, its event and the mail are one statement, atomic on its own,
    // so no transaction is held open around it (the reference counter is locked only for it). A
    // paper receipt (a PDF with the reference) needs a transaction around the statement and the letter.
    const created = input_.receipt.email
      ? await insertCase(db(), input_)
      : await db().$transaction((tx) => createCaseInTx(tx, input_), TRANSACTION_OPTIONS);
    kickOutbox();
    return { caseId: created.caseId, reference: created.reference, receiptToken, dueDate, created: true };
  } catch (error) {
    // The key has made a case already (a replay, or two copies that raced): the first case. Also
    // when the unit has been closed since: the replay still finds the case it made.
    if (isUniqueViolation(error) || isDomainError(error, "validation_failed")) {
      const first = await findCaseBySubmissionKey(submitter, key, hash);
      if (first) return first;
    }
    throw error;
  }
}
