// "Henvendelsen" on the staff case page: what the requester filed (or what the staff member
// registered). National ids leave this service masked only; the full number is read through
// reveal-national-id.ts, which writes an audit event.
import { db } from "@/lib/db/client";
import type { Channel, OnBehalfOf, Right } from "@/lib/db/generated/client";
import { decryptField } from "@/lib/crypto/field-encryption";
import { maskNationalId } from "@/lib/domain/national-id";
import { can, type Actor } from "@/lib/domain/policy";
import { readStoredDetails, type StoredDetails } from "@/lib/requests/stored-details";
import { logger } from "@/lib/log";
import type { UnitNames } from "@/lib/domain/unit-names";
import { CASE_WORK_ACTIONS, staffCaseRef } from "./case-access";
import { isUuid } from "@/lib/domain/uuid";

export type NationalIdOf = "requester" | "subject";

export type StaffRequestDetailsView = {
  reference: string;
  version: number;
  channel: Channel;
  rights: Right[];
  description: string;
  details: StoredDetails;
  /** The unit the request named when it came in (it may have been moved since); null = "vet ikke". */
  unitAtReceipt: UnitNames | null;
  onBehalfOf: OnBehalfOf;
  subjectName: string | null;
  /** Filed for someone else: the form made the requester confirm parental responsibility or power of attorney. */
  declarationConfirmed: boolean;
  subjectNationalIdMasked: string | null;
  answerChannel: "digital" | "paper";
  contact: { name: string; email: string | null; verifiedEmail: string | null; phone: string | null; postalAddress: string | null };
  requesterNationalIdMasked: string | null;
  /** Where the requester's number comes from: typed in the form, or the ID-porten sign-in. */
  requesterNationalIdSource: "form" | "idporten" | null;
  specialCategory: boolean;
  /** The case's unit now, when that unit processes special categories (its cases are marked when filed). */
  specialCategoryUnit: UnitNames | null;
  can: { revealNationalId: boolean; setSpecialCategory: boolean };
};

/** The ciphertext of a national id on the case: the requester's (typed, else ID-porten's) or the data subject's. */
export function nationalIdCiphertext(
  c: { subjectNationalIdEncrypted: string | null; requester: { nationalIdEncrypted: string | null; identity: { pidEncrypted: string | null } | null } },
  of: NationalIdOf,
): { ciphertext: string; source: "form" | "idporten" } | null {
  if (of === "subject") return c.subjectNationalIdEncrypted ? { ciphertext: c.subjectNationalIdEncrypted, source: "form" } : null;
  if (c.requester.nationalIdEncrypted) return { ciphertext: c.requester.nationalIdEncrypted, source: "form" };
  if (c.requester.identity?.pidEncrypted) return { ciphertext: c.requester.identity.pidEncrypted, source: "idporten" };
  return null;
}

export const NATIONAL_ID_SELECT = {
  subjectNationalIdEncrypted: true,
  requester: { select: { nationalIdEncrypted: true, identity: { select: { pidEncrypted: true } } } },
} as const;

function masked(ciphertext: string | undefined): string | null {
  if (!ciphertext) return null;
  try {
    return maskNationalId(decryptField(ciphertext));
  } catch (error) {
    logger.warn("staff_case.national_id_unreadable", { error: (error as Error).name });
    return null;
  }
}

export async function staffGetRequestDetails(actor: Actor, reference: string): Promise<StaffRequestDetailsView | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible || actor.kind !== "staff") return null;
  const c = await db().case.findUniqueOrThrow({
    where: { id: visible.id },
    select: {
      reference: true,
      version: true,
      channel: true,
      rights: true,
      description: true,
      details: true,
      onBehalfOf: true,
      subjectName: true,
      subjectNationalIdEncrypted: true,
      answerChannel: true,
      specialCategory: true,
      unit: { select: { name: true, nameNn: true, nameEn: true, specialCategory: true } },
      requester: {
        select: {
          name: true,
          email: true,
          phone: true,
          postalAddress: true,
          nationalIdEncrypted: true,
          identity: { select: { email: true, pidEncrypted: true } },
        },
      },
      events: {
        where: { type: { in: ["case.received", "case.registered"] } },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        take: 1,
        select: { after: true },
      },
    },
  });
  const first = c.events[0]?.after;
  const unitIdAtReceipt =
    first && typeof first === "object" && !Array.isArray(first) && typeof (first as Record<string, unknown>).unitId === "string"
      ? ((first as Record<string, unknown>).unitId as string)
      : null;
  const unitAtReceipt = unitIdAtReceipt && isUuid(unitIdAtReceipt)
    ? await db().unit.findUnique({ where: { id: unitIdAtReceipt }, select: { name: true, nameNn: true, nameEn: true } })
    : null;
  const requesterId = nationalIdCiphertext(c, "requester");
  const r = c.requester;
  return {
    reference: c.reference,
    version: c.version,
    channel: c.channel,
    rights: c.rights,
    description: c.description.trim(),
    details: readStoredDetails(c.details),
    unitAtReceipt,
    onBehalfOf: c.onBehalfOf,
    subjectName: c.onBehalfOf === "self" ? null : c.subjectName,
    declarationConfirmed: c.onBehalfOf !== "self",
    subjectNationalIdMasked: masked(nationalIdCiphertext(c, "subject")?.ciphertext),
    answerChannel: c.answerChannel,
    contact: {
      name: r.name,
      email: r.email,
      verifiedEmail: r.identity?.email ?? null,
      phone: r.phone,
      postalAddress: r.postalAddress,
    },
    requesterNationalIdMasked: masked(requesterId?.ciphertext),
    requesterNationalIdSource: requesterId?.source ?? null,
    specialCategory: c.specialCategory,
    specialCategoryUnit: c.unit?.specialCategory ? c.unit : null,
    can: {
      revealNationalId: can(actor, "case.view", visible.ref),
      setSpecialCategory: can(actor, CASE_WORK_ACTIONS.specialCategory, visible.ref),
    },
  };
}
