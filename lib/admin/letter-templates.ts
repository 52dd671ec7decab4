// Use cases of the letter-template admin page: read the main paragraph of every response letter
// (6 rights x 3 outcomes x nb/nn/en) as the municipality has it now, its own wording or the standard
// text, and change or reset one of them. Admins only (admin.manage_templates); everyone else gets
// not_found, like every admin service.
//
// Only the main paragraph is a template. The mandatory parts (reasons, legal basis, Datatilsynet,
// court, the access information list, the download paragraph) are always added by the letter builder
// (lib/letters/response-templates.ts) and cannot be written here.
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { outcomesFor, RIGHT_OUTCOMES, type RightOutcome } from "@/lib/domain/case-state-machine";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { RIGHTS, type Right } from "@/lib/domain/rights";
import { LOCALES, type Locale } from "@/i18n/locales";
import { standardBodyText } from "@/lib/letters/response-templates";
import { logger } from "@/lib/log";
import { letterTemplateTargetId } from "@/lib/domain/admin-audit";
import { recordAdminEventInTx } from "./admin-audit";

export const LETTER_TEMPLATE_MAX = 4000;

/** Control characters other than the line break (C0, DEL, C1). */
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** Messages are keys under letterTemplates.errors. Line breaks are kept (as \n), nothing else invisible. */
export const letterTemplateBodySchema = z.object({
  body: z
    .string({ error: "required" })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "required")
        .max(LETTER_TEMPLATE_MAX, "tooLong")
        .refine((s) => !CONTROL_CHARACTERS.test(s), "controlCharacters"),
    ),
});

/** Which template: from the URL, so anything unknown is not_found. */
export const letterTemplateKeySchema = z
  .object({
    right: z.enum(RIGHTS),
    outcome: z.enum(RIGHT_OUTCOMES),
    locale: z.enum(LOCALES),
  })
  // "No data held" exists only for access and portability.
  .refine((k) => outcomesFor(k.right).includes(k.outcome));

export type LetterTemplateKey = { right: Right; outcome: RightOutcome; locale: Locale };

export type LetterTemplateText = {
  /** The text letters use now: the municipality's own, or the standard text. */
  body: string;
  /** true: the municipality's own wording; false: the standard text. */
  custom: boolean;
  updatedAt: Date | null;
};

export type LetterTemplateRow = { right: Right; outcome: RightOutcome; texts: Record<Locale, LetterTemplateText> };

function requireTemplateAdmin(actor: Actor): asserts actor is Extract<Actor, { kind: "staff" }> {
  if (actor.kind !== "staff" || !can(actor, "admin.manage_templates")) throw new DomainError("not_found");
}

function parseKey(key: { right: string; outcome: string; locale: string }): LetterTemplateKey {
  const parsed = letterTemplateKeySchema.safeParse(key);
  if (!parsed.success) throw new DomainError("not_found");
  return parsed.data;
}

/** Every right and outcome (20 combinations) in catalogue order, each with its text in nb, nn and en. */
export async function listLetterTemplates(actor: Actor): Promise<LetterTemplateRow[]> {
  requireTemplateAdmin(actor);
  const rows = await db().letterTemplate.findMany({
    where: { municipalityId: currentMunicipality().id },
    select: { right: true, outcome: true, locale: true, body: true, updatedAt: true },
  });
  const own = new Map(rows.map((r) => [`${r.right}.${r.outcome}.${r.locale}`, r]));
  return RIGHTS.flatMap((right) =>
    outcomesFor(right).map((outcome) => ({
      right,
      outcome,
      texts: Object.fromEntries(
        LOCALES.map((locale): [Locale, LetterTemplateText] => {
          const row = own.get(`${right}.${outcome}.${locale}`);
          return [locale, row ? { body: row.body, custom: true, updatedAt: row.updatedAt } : { body: standardBodyText(locale, right, outcome), custom: false, updatedAt: null }];
        }),
      ) as Record<Locale, LetterTemplateText>,
    })),
  );
}

export type LetterTemplateDetail = LetterTemplateKey &
  LetterTemplateText & {
    standard: string;
    updatedByName: string | null;
  };

/** One combination and language, for its edit form. */
export async function getLetterTemplate(actor: Actor, key: { right: string; outcome: string; locale: string }): Promise<LetterTemplateDetail> {
  requireTemplateAdmin(actor);
  const k = parseKey(key);
  const row = await db().letterTemplate.findUnique({
    where: { municipalityId_right_outcome_locale: { municipalityId: currentMunicipality().id, ...k } },
    select: { body: true, updatedAt: true, updatedById: true },
  });
  const standard = standardBodyText(k.locale, k.right, k.outcome);
  const updatedBy = row?.updatedById ? await db().user.findUnique({ where: { id: row.updatedById }, select: { name: true } }) : null;
  return {
    ...k,
    standard,
    body: row?.body ?? standard,
    custom: Boolean(row),
    updatedAt: row?.updatedAt ?? null,
    updatedByName: updatedBy?.name ?? null,
  };
}

/** The municipality's own wording of the paragraph, locked for the change; null = the standard text. */
async function currentWordingInTx(tx: Tx, municipalityId: string, k: { right: string; outcome: string; locale: string }): Promise<string | null> {
  const rows = await tx.$queryRaw<{ body: string }[]>`
    SELECT body FROM letter_template
     WHERE municipality_id = ${municipalityId} AND "right"::text = ${k.right} AND outcome::text = ${k.outcome} AND locale::text = ${k.locale}
       FOR UPDATE`;
  return rows[0]?.body ?? null;
}

/**
 * Saves the municipality's wording of one main paragraph. A text equal to the standard text is no
 * wording of its own: the row is removed, so the letter follows the standard text from then on.
 */
export async function saveLetterTemplate(
  actor: Actor,
  input: { right: string; outcome: string; locale: string; body: string },
): Promise<{ custom: boolean }> {
  requireTemplateAdmin(actor);
  const k = parseKey(input);
  const parsed = letterTemplateBodySchema.safeParse({ body: input.body });
  if (!parsed.success) {
    throw new DomainError("validation_failed", { fields: { body: parsed.error.issues[0]?.message ?? "required" } });
  }
  const { body } = parsed.data;
  const municipalityId = currentMunicipality().id;
  const custom = body !== standardBodyText(k.locale, k.right, k.outcome).trim();
  await db().$transaction(async (tx) => {
    const before = await currentWordingInTx(tx, municipalityId, k);
    if (!custom) {
      await tx.letterTemplate.deleteMany({ where: { municipalityId, ...k } });
    } else {
      await tx.letterTemplate.upsert({
        where: { municipalityId_right_outcome_locale: { municipalityId, ...k } },
        create: { municipalityId, ...k, body, updatedById: actor.userId },
        update: { body, updatedById: actor.userId },
      });
    }
    // null = the standard text.
    await recordAdminEventInTx(tx, actor, {
      action: "letter_template.saved",
      targetId: letterTemplateTargetId(k),
      targetLabel: letterTemplateTargetId(k),
      before: { body: before },
      after: { body: custom ? body : null },
    });
  });
  logger.info("admin.letter_template_saved", { actorId: actor.userId, right: k.right, outcome: k.outcome, locale: k.locale, custom });
  return { custom };
}

/** Back to the standard text: the municipality's wording of this paragraph is removed. */
export async function resetLetterTemplate(actor: Actor, key: { right: string; outcome: string; locale: string }): Promise<{ removed: boolean }> {
  requireTemplateAdmin(actor);
  const k = parseKey(key);
  const municipalityId = currentMunicipality().id;
  const removed = await db().$transaction(async (tx) => {
    const before = await currentWordingInTx(tx, municipalityId, k);
    const deleted = await tx.letterTemplate.deleteMany({ where: { municipalityId, ...k } });
    await recordAdminEventInTx(tx, actor, {
      action: "letter_template.reset",
      targetId: letterTemplateTargetId(k),
      targetLabel: letterTemplateTargetId(k),
      before: { body: before },
      after: { body: null },
    });
    return deleted;
  });
  logger.info("admin.letter_template_reset", { actorId: actor.userId, right: k.right, outcome: k.outcome, locale: k.locale, removed: removed.count });
  return { removed: removed.count > 0 };
}
