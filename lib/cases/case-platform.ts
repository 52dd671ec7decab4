// Use cases of the case page's "Arkiv og utsending" panel: what the archive, SvarUt and KRR did with
// the case (from the integration outbox), the archive reference staff record by hand where there is
// no archive integration (retention waits for it), and trying a refused or failed message again.
// Anyone who can see the case reads the panel; recording and retrying need the case's work
// permission (case.note: the case's caseworkers, the unit lead, the DPO). A case the actor may not
// see is not_found.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { platformFeatures } from "@/lib/platform/config";
import { retryIntegrationInTx } from "@/lib/platform/integration-worker";
import { kickIntegrations } from "@/lib/platform/integration-runner";
import { staffCaseRef } from "./case-access";
import { versionField } from "./ask-requester";
import { bumpCaseVersionInTx } from "./case-transition";
import { now as clockNow } from "@/lib/clock";
import type { IntegrationKind, IntegrationStatus } from "@/lib/platform/integration-outbox";

export const ARCHIVE_REFERENCE_MAX = 100;

export const archiveReferenceSchema = z.object({
  archiveReference: z
    .string({ error: "platform.panel.errors.required" })
    .trim()
    .min(1, "platform.panel.errors.required")
    .max(ARCHIVE_REFERENCE_MAX, "platform.panel.errors.tooLong")
    .regex(NO_CONTROL_CHARS, "platform.panel.errors.invalid")
    .regex(/^[\p{L}\p{N} ./:\-]+$/u, "platform.panel.errors.invalid"),
  version: versionField,
});

export type CaseIntegrationItem = {
  id: string;
  kind: IntegrationKind;
  status: IntegrationStatus;
  attempts: number;
  externalId: string | null;
  deliveryStatus: string | null;
  refusal: string | null;
  letterKind: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

export type CasePlatformView = {
  reference: string;
  version: number;
  features: { archive: boolean; svarut: boolean; krr: boolean };
  archiveCaseNumber: string | null;
  archiveClosedAt: Date | null;
  archiveReferenceManual: string | null;
  krr: { channel: string | null; reason: string | null; language: string | null; checkedAt: Date | null };
  items: CaseIntegrationItem[];
  canWork: boolean;
};

export async function getCasePlatform(actor: Actor, reference: string): Promise<CasePlatformView | null> {
  const found = await staffCaseRef(actor, reference);
  if (!found || actor.kind !== "staff") return null;
  const c = await db().case.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      version: true,
      archiveCaseNumber: true,
      archiveClosedAt: true,
      archiveReferenceManual: true,
      krrChannel: true,
      krrReason: true,
      krrLanguage: true,
      krrCheckedAt: true,
      integrationMessages: {
        orderBy: { createdAt: "asc" },
        take: 100,
        select: { id: true, kind: true, status: true, attempts: true, externalId: true, deliveryStatus: true, refusal: true, createdAt: true, deliveredAt: true, letter: { select: { kind: true } } },
      },
    },
  });
  return {
    reference: found.reference,
    version: c.version,
    features: platformFeatures(),
    archiveCaseNumber: c.archiveCaseNumber,
    archiveClosedAt: c.archiveClosedAt,
    archiveReferenceManual: c.archiveReferenceManual,
    krr: { channel: c.krrChannel, reason: c.krrReason, language: c.krrLanguage, checkedAt: c.krrCheckedAt },
    items: c.integrationMessages.map((m) => ({
      id: m.id,
      kind: m.kind as IntegrationKind,
      status: m.status as IntegrationStatus,
      attempts: m.attempts,
      externalId: m.externalId,
      deliveryStatus: m.deliveryStatus,
      refusal: m.refusal,
      letterKind: m.letter?.kind ?? null,
      createdAt: m.createdAt,
      deliveredAt: m.deliveredAt,
    })),
    canWork: can(actor, "case.note", found.ref),
  };
}

async function requireWork(actor: Actor, reference: string) {
  const found = await staffCaseRef(actor, reference);
  if (!found || actor.kind !== "staff" || !can(actor, "case.note", found.ref)) throw new DomainError("not_found");
  return { found, userId: actor.userId };
}

/** Records (or corrects) the archive reference staff journaled the case under, with its audit event. */
export async function recordArchiveReference(actor: Actor, input: { reference: string; archiveReference: string; expectedVersion: number; now?: Date }) {
  const { found, userId } = await requireWork(actor, input.reference);
  const parsed = archiveReferenceSchema.safeParse({ archiveReference: input.archiveReference, version: input.expectedVersion });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("validation_failed", { field: String(issue?.path[0] ?? "archiveReference"), reason: issue?.message });
  }
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    const before = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { archiveReferenceManual: true, anonymisedAt: true } });
    if (before.anonymisedAt) throw new DomainError("invalid_transition", { command: "archive_reference" });
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version, { archiveReferenceManual: parsed.data.archiveReference });
    // The reference is a registry number, not personal data: the audit event may carry it.
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "staff",
        actorId: userId,
        type: "archive.reference_recorded",
        before: before.archiveReferenceManual ? { reference: before.archiveReferenceManual } : undefined,
        after: { reference: parsed.data.archiveReference },
      },
    });
    return { version };
  });
}

/** Sends a refused or failed integration message of the case again (after the cause was fixed). */
export async function retryCaseIntegration(actor: Actor, input: { reference: string; integrationId: string; now?: Date }) {
  const { found, userId } = await requireWork(actor, input.reference);
  const now = input.now ?? clockNow();
  const retried = await db().$transaction((tx) => retryIntegrationInTx(tx, { integrationId: input.integrationId, caseId: found.id, staffUserId: userId, now }));
  if (!retried) throw new DomainError("not_found");
  kickIntegrations();
}
