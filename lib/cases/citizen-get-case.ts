// Use case: one case on "Mine saker". Found only by reference AND the signed-in identity: for any
// other citizen the case does not exist (null -> 404). What a citizen sees: status, dates, the
// extension reason, a timeline without staff names or internal notes, the conversation (never
// internal notes), their attachments and the answer files, and their own national id masked.
// Special-category cases (Case.specialCategory: set from the unit when filed, or by the caseworker)
// hide messages and attachments until the citizen has signed in with ID-porten at level high.
import { db, type Tx } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import type { AttachmentPurpose, CaseStatus, OnBehalfOf, Right } from "@/lib/db/generated/client";
import type { IsoDate } from "@/lib/domain/calendar";
import { followUpUntil, requesterMayWriteNow as followUpOpen } from "./follow-up";
import { isClosed } from "@/lib/domain/case-status";
import { can, citizenMustStepUp } from "@/lib/domain/policy";
import { DomainError } from "@/lib/domain/errors";
import type { CitizenLevel } from "@/lib/citizen-auth/types";
import { maskNationalId } from "@/lib/domain/national-id";
import { decryptField } from "@/lib/crypto/field-encryption";
import { logger } from "@/lib/log";
import { isCanonicalCaseReference } from "@/lib/domain/reference";
import { now as clockNow } from "@/lib/clock";

/** Audit event types a citizen may see in their timeline; anything else (notes, assignment) is hidden. */
export const CITIZEN_TIMELINE_EVENTS = [
  "case.received",
  "case.registered",
  "case.requester_linked",
  "case.started",
  "case.requester_asked",
  "case.requester_answered",
  "case.extended",
  "case.decided",
  "case.withdrawn",
  "case.reopened",
  "case.closed_unanswered",
  "message.from_requester",
  "message.to_requester",
  "attachment.from_requester",
  "attachment.answer",
  "case.follow_up_received",
] as const;
export type CitizenTimelineEvent = (typeof CITIZEN_TIMELINE_EVENTS)[number];

/** The one code a citizen's timeline line needs from the event (never anything else from it). */
function timelineDetail(type: string, after: unknown): { detail?: string } {
  const key = type === "case.registered" ? "channel" : type === "case.requester_linked" ? "method" : null;
  if (!key || typeof after !== "object" || after === null) return {};
  const value = (after as Record<string, unknown>)[key];
  return typeof value === "string" && /^[a-z_]{1,20}$/.test(value) ? { detail: value } : {};
}

export type CitizenCaseView = {
  id: string;
  reference: string;
  rights: Right[];
  status: CaseStatus;
  closed: boolean;
  receivedAt: Date;
  dueDate: string;
  extended: boolean;
  extensionReason: string | null;
  version: number;
  specialCategory: boolean;
  /** True when messages and attachments are withheld until an ID-porten high sign-in. */
  needsHighLevel: boolean;
  maskedNationalId: string | null;
  /** Whom the request concerns: the requester, or (on behalf of a child / by power of attorney) the person named. */
  concerns: { onBehalfOf: OnBehalfOf; subjectName: string | null };
  /** The requester may still send messages and files (open, or closed within the follow-up period). */
  mayWrite: boolean;
  /** Closed case: the last day of the follow-up period (null while open). */
  followUpUntil: IsoDate | null;
  /** detail: the channel of "case.registered", the sign-in method of "case.requester_linked" (codes only). */
  timeline: { at: Date; type: CitizenTimelineEvent; actor: "you" | "municipality"; detail?: string }[];
  /** `letter`: the message is a letter (shown formatted); `files`: its attachments (a letter's PDF). */
  messages: { id: string; from: "you" | "municipality"; body: string; createdAt: Date; letter: boolean; files: { id: string; fileName: string; sizeBytes: number }[] }[];
  attachments: { id: string; purpose: Exclude<AttachmentPurpose, "internal">; fileName: string; sizeBytes: number; createdAt: Date }[];
};

type Client = Tx | ReturnType<typeof db>;

/** The case if (and only if) it was filed by `identityId`. For services that act on it. */
export async function findOwnedCase(client: Client, identityId: string, reference: string) {
  if (!identityId || !isCanonicalCaseReference(reference)) return null;
  return client.case.findFirst({
    where: { reference, requester: { identityId } },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      locale: true,
      specialCategory: true,
      requesterId: true,
      closedAt: true,
      municipalityId: true,
    },
  });
}

/**
 * May this citizen write to their own case found by `findOwnedCase` (a message, a file)? The
 * policy decides (special-category cases need ID-porten level high); refused = forbidden, since the
 * page never offers it.
 */
export function assertCitizenMayMessage(owned: { requesterId: string; specialCategory: boolean }, level: CitizenLevel | undefined): void {
  const actor = { kind: "citizen" as const, requesterId: owned.requesterId, level };
  if (!can(actor, "case.message", { unitId: null, requesterId: owned.requesterId, assigneeId: null, specialCategory: owned.specialCategory })) {
    throw new DomainError("forbidden");
  }
}

function maskedOrNull(ciphertext: string | null | undefined): string | null {
  if (!ciphertext) return null;
  try {
    return maskNationalId(decryptField(ciphertext));
  } catch (error) {
    logger.warn("my_cases.national_id_unreadable", { error: (error as Error).name });
    return null;
  }
}

export async function citizenGetCase(
  citizen: { identityId: string; level: CitizenLevel },
  reference: string,
): Promise<CitizenCaseView | null> {
  if (!citizen.identityId || !isCanonicalCaseReference(reference)) return null;
  const found = await db().case.findFirst({
    where: { reference, requester: { identityId: citizen.identityId } },
    select: {
      id: true,
      reference: true,
      rights: true,
      status: true,
      receivedAt: true,
      dueDate: true,
      extended: true,
      extensionReason: true,
      version: true,
      specialCategory: true,
      closedAt: true,
      municipalityId: true,
      onBehalfOf: true,
      subjectName: true,
      requester: { select: { nationalIdEncrypted: true, identity: { select: { pidEncrypted: true } } } },
      events: {
        where: { type: { in: [...CITIZEN_TIMELINE_EVENTS] } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { at: true, type: true, actorType: true, after: true },
      },
      messages: {
        where: { kind: { in: ["to_requester", "from_requester"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          body: true,
          createdAt: true,
          letter: { select: { id: true } },
          attachments: { where: { deletedAt: null, purpose: { in: ["from_requester", "answer"] } }, select: { id: true, fileName: true, sizeBytes: true } },
        },
      },
      attachments: {
        where: { purpose: { in: ["from_requester", "answer"] }, deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, purpose: true, fileName: true, sizeBytes: true, createdAt: true },
      },
    },
  });
  if (!found) return null;

  const specialCategory = found.specialCategory;
  const needsHighLevel = citizenMustStepUp({ level: citizen.level }, found);
  return {
    id: found.id,
    reference: found.reference,
    rights: found.rights,
    status: found.status,
    closed: isClosed(found.status),
    receivedAt: found.receivedAt,
    dueDate: dbDateToIso(found.dueDate),
    extended: found.extended,
    extensionReason: found.extended ? found.extensionReason : null,
    version: found.version,
    specialCategory,
    needsHighLevel,
    maskedNationalId: maskedOrNull(found.requester.nationalIdEncrypted ?? found.requester.identity?.pidEncrypted),
    concerns: { onBehalfOf: found.onBehalfOf, subjectName: found.onBehalfOf === "self" ? null : found.subjectName },
    mayWrite: !needsHighLevel && followUpOpen(found, clockNow()),
    followUpUntil: followUpUntil(found),
    timeline: found.events.map((e) => ({
      at: e.at,
      type: e.type as CitizenTimelineEvent,
      actor: e.actorType === "citizen" ? "you" : "municipality",
      ...timelineDetail(e.type, e.after),
    })),
    messages: needsHighLevel
      ? []
      : found.messages.map((m) => ({
          id: m.id,
          from: m.kind === "from_requester" ? "you" : "municipality",
          body: m.body,
          createdAt: m.createdAt,
          letter: m.letter !== null,
          files: m.attachments,
        })),
    attachments: needsHighLevel
      ? []
      : found.attachments.map((a) => ({ ...a, purpose: a.purpose as "from_requester" | "answer" })),
  };
}
