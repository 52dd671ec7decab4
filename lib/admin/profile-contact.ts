// Use cases of the "Kontaktinformasjon" admin page: the municipality's and its DPO's contact details
// as the portal prints them (footer, statement pages, receipt, letters). The shipped profile
// (lib/config/municipalities.ts) holds what the municipality's privacy statement says, plus a few
// assumptions it lists; an admin's value is stored in the municipality row's *_override columns and
// wins. Admins only (admin.manage_units); everyone else gets not_found, like every admin service.
// Everything that prints the contact details reads them with municipalityContact().
import { z } from "zod";
import { db, type Db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { unitNameIn } from "@/lib/domain/unit-names";
import {
  applyContactOverrides,
  postalAddressFor,
  isAssumption,
  municipalityProfile,
  profileFact,
  type ContactOverrides,
  type MunicipalityProfile,
  type ProfileFactPath,
} from "@/lib/config/municipalities";
import { requireAdmin } from "@/lib/admin/require-admin";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { logger } from "@/lib/log";
import { recordAdminEventInTx } from "./admin-audit";

export const CONTACT_FIELDS = ["postmottakEmail", "phone", "visitingAddress", "postalAddress", "dpoName", "dpoEmail", "dpoPhone", "dpoPostalAddress"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Where each field lives in the profile (its assumption path). */
export const CONTACT_FIELD_PATH: Readonly<Record<ContactField, ProfileFactPath>> = {
  postmottakEmail: "postmottakEmail",
  phone: "phone",
  visitingAddress: "visitingAddress",
  postalAddress: "postalAddress",
  dpoName: "dpo.name",
  dpoEmail: "dpo.email",
  dpoPhone: "dpo.phone",
  dpoPostalAddress: "dpo.postalAddress",
};

export const OVERRIDE_SELECT = {
  postmottakEmailOverride: true,
  phoneOverride: true,
  visitingAddressOverride: true,
  postalAddressOverride: true,
  dpoNameOverride: true,
  dpoEmailOverride: true,
  dpoPhoneOverride: true,
  dpoPostalAddressOverride: true,
} as const;

type OverrideRow = { [K in ContactField as `${K}Override`]: string | null };

export const CONTACT_TEXT_MAX_LENGTH = 200;

/** Empty: keep the shipped value. Messages are keys under contactAdmin.errors. */
const line = z
  .string()
  .trim()
  .max(CONTACT_TEXT_MAX_LENGTH, "tooLong")
  .refine((value) => !/[\p{Cc}]/u.test(value), "oneLine")
  .transform((value) => (value === "" ? null : value));
const email = line.refine((value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), "email");
const phone = line.refine((value) => value === null || /^\+?[0-9][0-9 ]{3,19}$/.test(value), "phone");

export const contactSchema = z.object({
  postmottakEmail: email,
  phone,
  visitingAddress: line,
  postalAddress: line,
  dpoName: line,
  dpoEmail: email,
  dpoPhone: phone,
  dpoPostalAddress: line,
});

export type ContactInput = Record<ContactField, string>;

export function overridesOf(row: OverrideRow): ContactOverrides {
  return Object.fromEntries(CONTACT_FIELDS.map((f) => [f, row[`${f}Override`]])) as ContactOverrides;
}

/** A shipped value as the form shows it. */
function shippedValue(profile: MunicipalityProfile, field: ContactField): string | null {
  const value = profileFact(profile, CONTACT_FIELD_PATH[field]);
  return typeof value === "string" ? value : null;
}

/**
 * The municipality's profile with the admin's contact values in place: what every page and letter
 * that prints contact details uses. `client`: a transaction's, when called inside one.
 */
export async function municipalityContact(id: string = currentMunicipality().id, client: Pick<Db, "municipality"> = db()): Promise<MunicipalityProfile> {
  const profile = municipalityProfile(id);
  const row = await client.municipality.findUnique({ where: { id: profile.id }, select: OVERRIDE_SELECT });
  return applyContactOverrides(profile, row ? overridesOf(row) : null);
}

/**
 * For a letter about a case: the profile with the admin's contact values, and the sender's postal
 * address with the case's unit's name (in the letter's language) where the statement asks for it.
 */
export async function municipalityForCase(
  client: Pick<Db, "municipality" | "case">,
  c: { id: string; municipalityId: string; locale: string },
): Promise<MunicipalityProfile> {
  const municipality = await municipalityContact(c.municipalityId, client);
  return withUnitInPostalAddress(municipality, municipality.postalAddressUnitLine ? await unitOfCase(client, c.id) : null, c.locale);
}

async function unitOfCase(client: Pick<Db, "case">, caseId: string) {
  const row = await client.case.findUnique({ where: { id: caseId }, select: { unit: { select: { name: true, nameNn: true, nameEn: true } } } });
  return row?.unit ?? null;
}

/** The profile with its postal address as printed for post about this unit's case. */
export function withUnitInPostalAddress(
  m: MunicipalityProfile,
  unit: { name: string; nameNn: string | null; nameEn: string | null } | null,
  locale: string,
): MunicipalityProfile {
  return { ...m, postalAddress: postalAddressFor(m, unit ? unitNameIn(unit, locale) : null) };
}

/** Where a field's current value comes from, for the admin page. */
export type ContactSource = "admin" | "statement" | "assumption";

export type ContactSetting = { field: ContactField; value: string | null; shipped: string | null; source: ContactSource };

export async function getContactSettings(actor: Actor): Promise<ContactSetting[]> {
  requireAdmin(actor, "admin.manage_units");
  const profile = currentMunicipality();
  const row = await db().municipality.findUnique({ where: { id: profile.id }, select: OVERRIDE_SELECT });
  if (!row) throw new Error("The configured municipality has no row: run the seed");
  const overrides = overridesOf(row);
  return CONTACT_FIELDS.map((field) => {
    const shipped = shippedValue(profile, field);
    const override = overrides[field];
    const source: ContactSource = override !== null ? "admin" : isAssumption(profile, CONTACT_FIELD_PATH[field]) ? "assumption" : "statement";
    return { field, value: override ?? shipped, shipped, source };
  });
}

/**
 * Saves the form. A value equal to the shipped one that the statement says is not stored (the field
 * keeps following the profile); an assumption saved as it is counts as confirmed by the municipality
 * and is stored. Empty: back to the shipped value.
 */
export async function setContact(actor: Actor, input: ContactInput): Promise<ContactOverrides> {
  requireAdmin(actor, "admin.manage_units");
  const parsed = contactSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    throw new DomainError("validation_failed", { fields });
  }
  const profile = currentMunicipality();
  const next = Object.fromEntries(
    CONTACT_FIELDS.map((field) => {
      const value = parsed.data[field];
      const keep = value !== null && (value !== shippedValue(profile, field) || isAssumption(profile, CONTACT_FIELD_PATH[field]));
      return [field, keep ? value : null];
    }),
  ) as ContactOverrides;
  await db().$transaction(async (tx) => {
    // Locked for the read-then-write, so two admins saving at once both get their "before" right.
    const locked = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM municipality WHERE id = ${profile.id} FOR UPDATE`;
    const current = locked[0];
    if (!current) throw new DomainError("not_found");
    const before = await tx.municipality.findUniqueOrThrow({ where: { id: profile.id }, select: OVERRIDE_SELECT });
    await tx.municipality.update({
      where: { id: profile.id },
      data: Object.fromEntries(CONTACT_FIELDS.map((f) => [`${f}Override`, next[f]])),
    });
    await recordAdminEventInTx(tx, actor, {
      action: "contact.set",
      targetId: profile.id,
      targetLabel: current.name,
      before: overridesOf(before),
      after: next,
    });
  });
  logger.info("admin.contact_set", { actorId: actor.userId });
  return next;
}
