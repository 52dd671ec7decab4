// Use cases: the citizen uploads a file to their case (purpose from_requester), and a caseworker
// adds an answer file (purpose answer, e.g. the access package). The type is decided by the
// content (magic bytes) only. The file is written first, then the Attachment row and its audit
// event in one transaction; if that transaction fails, the file is removed again.
// A citizen upload while the case waits for them (typically the ID document they were asked for)
// is an answer: the pause closes in the same transaction, exactly as for a secure message
// (lib/cases/requester-answered.ts).
import { db, type Tx } from "@/lib/db/client";
import type { ActorType, AttachmentPurpose } from "@/lib/db/generated/client";
import { enforceRateLimit } from "@/lib/abuse";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { assertCitizenMayMessage, findOwnedCase } from "@/lib/cases/citizen-get-case";
import type { CitizenLevel } from "@/lib/citizen-auth/types";
import { resumeOnRequesterAnswerInTx } from "@/lib/cases/requester-answered";
import { assertRequesterMayWrite, kickFollowUpMail, markFollowUpInTx } from "@/lib/cases/follow-up";
import { staffCaseRef } from "@/lib/cases/case-access";
import { MAX_UPLOAD_BYTES, safeFileName, sniffAnswerContentType, sniffContentType } from "./content-type";
import { removeStoredFile, storeFile } from "./storage";
import { now as clockNow } from "@/lib/clock";

export type UploadProblem = "empty" | "too_large" | "type";

function fileError(reason: UploadProblem): DomainError {
  return new DomainError("validation_failed", { field: "file", reason });
}

/**
 * Checks size and content; throws validation_failed with details.reason = empty | too_large | type.
 * Answer files may also be data exports (JSON, CSV, ZIP); citizens upload documents and images only.
 */
export function checkUpload(bytes: Uint8Array, purpose: AttachmentPurpose = "from_requester") {
  if (bytes.length === 0) throw fileError("empty");
  if (bytes.length > MAX_UPLOAD_BYTES) throw fileError("too_large");
  const contentType = purpose === "answer" ? sniffAnswerContentType(bytes) : sniffContentType(bytes);
  if (!contentType) throw fileError("type");
  return contentType;
}

async function storeAttachment(input: {
  caseId: string;
  purpose: AttachmentPurpose;
  fileName: string;
  bytes: Uint8Array;
  actor: { type: ActorType; id: string };
  now: Date;
  /** More writes in the same transaction, after the attachment and its audit event (throw = roll back). */
  alsoInTx?: (tx: Tx) => Promise<void>;
}): Promise<{ attachmentId: string }> {
  const contentType = checkUpload(input.bytes, input.purpose);
  const fileName = safeFileName(input.fileName, contentType);
  const { storageKey, sha256 } = await storeFile(input.bytes);
  try {
    return await db().$transaction(async (tx) => {
      const attachment = await tx.attachment.create({
        data: {
          caseId: input.caseId,
          purpose: input.purpose,
          fileName,
          contentType,
          sizeBytes: input.bytes.length,
          sha256,
          storageKey,
          uploadedBy: input.actor.type,
          createdAt: input.now,
        },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: {
          caseId: input.caseId,
          at: input.now,
          actorType: input.actor.type,
          actorId: input.actor.id,
          type: `attachment.${input.purpose}`,
          after: { attachmentId: attachment.id, contentType, sizeBytes: input.bytes.length, sha256 },
        },
      });
      if (input.alsoInTx) await input.alsoInTx(tx);
      return { attachmentId: attachment.id };
    });
  } catch (error) {
    await removeStoredFile(storageKey);
    throw error;
  }
}

export async function citizenUploadAttachment(input: {
  identityId: string;
  /** How strongly this sign-in proved who they are (special-category cases need ID-porten high). */
  level?: CitizenLevel;
  reference: string;
  fileName: string;
  bytes: Uint8Array;
  now?: Date;
}): Promise<{ attachmentId: string; answered: boolean }> {
  const now = input.now ?? clockNow();
  const owned = await findOwnedCase(db(), input.identityId, input.reference);
  if (!owned) throw new DomainError("not_found");
  assertCitizenMayMessage(owned, input.level);
  // Open, or closed within the follow-up period (then the file marks the case for follow-up).
  assertRequesterMayWrite(owned, now);
  await enforceRateLimit("upload_identity", input.identityId);
  let answered = false;
  let mailed = false;
  const stored = await storeAttachment({
    caseId: owned.id,
    purpose: "from_requester",
    fileName: input.fileName,
    bytes: input.bytes,
    actor: { type: "citizen", id: owned.requesterId },
    now,
    // Read the case again inside the transaction (it may have been closed or resumed meanwhile).
    alsoInTx: async (tx) => {
      const current = await findOwnedCase(tx, input.identityId, input.reference);
      if (!current || current.id !== owned.id) throw new DomainError("not_found");
      assertCitizenMayMessage(current, input.level);
      assertRequesterMayWrite(current, now);
      answered = await resumeOnRequesterAnswerInTx(tx, current, now);
      mailed = await markFollowUpInTx(tx, current.id, now);
    },
  });
  kickFollowUpMail(mailed);
  return { ...stored, answered };
}

export async function staffUploadAnswer(
  actor: Actor,
  input: { reference: string; fileName: string; bytes: Uint8Array; now?: Date },
): Promise<{ attachmentId: string }> {
  const visible = await staffCaseRef(actor, input.reference);
  if (!visible || actor.kind !== "staff") throw new DomainError("not_found");
  if (!can(actor, "case.message", visible.ref)) throw new DomainError("forbidden");
  return storeAttachment({
    caseId: visible.id,
    purpose: "answer",
    fileName: input.fileName,
    bytes: input.bytes,
    actor: { type: "staff", id: actor.userId },
    now: input.now ?? clockNow(),
  });
}
