// A request being filled in step by step, kept on the server (table request_draft) under a random
// id that is also the value of the httpOnly cookie `pv_draft`. Lives 24 hours from the last save;
// deleted when the request is sent. Fødselsnumre are kept encrypted here too (never in clear text).
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { RIGHTS, type Right } from "@/lib/domain/rights";
import {
  aboutStepSchema,
  ANSWER_CHANNELS,
  detailsStepSchema,
  ON_BEHALF_OF,
  type DetailFields,
} from "./request-schema";

export const DRAFT_COOKIE = "pv_draft";
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;
export const DRAFT_STEPS = ["what", "details", "about", "summary"] as const;
export type DraftStep = (typeof DRAFT_STEPS)[number];

const DRAFT_ID = /^[A-Za-z0-9_-]{32}$/;

// What a draft holds. Loose on purpose: a draft saved by an older version still loads.
const draftDataSchema = z.object({
  submissionKey: z.uuid(),
  rights: z.array(z.enum(RIGHTS)).optional(),
  details: z
    .object({
      values: z.record(z.string(), z.union([z.string(), z.boolean()])),
      unit: z.string(),
      description: z.string(),
    })
    .optional(),
  about: z
    .object({
      name: z.string(),
      nationalIdEncrypted: z.string().optional(),
      nationalIdMasked: z.string().optional(),
      onBehalfOf: z.enum(ON_BEHALF_OF),
      subjectName: z.string(),
      subjectNationalIdEncrypted: z.string().optional(),
      subjectNationalIdMasked: z.string().optional(),
      declaration: z.boolean(),
      answerChannel: z.enum(ANSWER_CHANNELS),
      postalAddress: z.string(),
      email: z.string(),
    })
    .optional(),
});

export type DraftData = z.output<typeof draftDataSchema>;
export type DraftAbout = NonNullable<DraftData["about"]>;
export type Draft = { id: string; data: DraftData; expiresAt: Date };

export function isDraftId(value: unknown): value is string {
  return typeof value === "string" && DRAFT_ID.test(value);
}

function emptyData(): DraftData {
  return { submissionKey: randomUUID() };
}

function parseData(raw: unknown): DraftData {
  const parsed = draftDataSchema.safeParse(raw);
  return parsed.success ? parsed.data : emptyData();
}

export async function createDraft(data: Partial<DraftData> = {}, now = new Date()): Promise<Draft> {
  const id = randomBytes(24).toString("base64url");
  const full = { ...emptyData(), ...data };
  const expiresAt = new Date(now.getTime() + DRAFT_TTL_MS);
  await db().requestDraft.create({ data: { id, data: full, expiresAt } });
  return { id, data: full, expiresAt };
}

/** The draft, or null when unknown or expired. */
export async function loadDraft(id: string | undefined | null, now = new Date()): Promise<Draft | null> {
  if (!isDraftId(id)) return null;
  const row = await db().requestDraft.findUnique({ where: { id }, select: { id: true, data: true, expiresAt: true } });
  if (!row || row.expiresAt <= now) return null;
  return { id: row.id, data: parseData(row.data), expiresAt: row.expiresAt };
}

/** Saves the data and gives the draft another 24 hours. False when it has expired or is gone. */
export async function saveDraft(id: string, data: DraftData, now = new Date()): Promise<boolean> {
  if (!isDraftId(id)) return false;
  const { count } = await db().requestDraft.updateMany({
    where: { id, expiresAt: { gt: now } },
    data: { data, expiresAt: new Date(now.getTime() + DRAFT_TTL_MS) },
  });
  return count === 1;
}

export async function deleteDraft(id: string): Promise<void> {
  if (!isDraftId(id)) return;
  await db().requestDraft.deleteMany({ where: { id } });
}

/** Removes drafts past their expiry; returns how many. */
export async function purgeExpiredDrafts(now = new Date()): Promise<number> {
  const { count } = await db().requestDraft.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

/** The details step's saved answers as the step schema's input (for re-validation and the form). */
export function draftDetailsInput(data: DraftData) {
  const details = data.details;
  const values: Record<string, unknown> = { ...(details?.values ?? {}) };
  if (typeof values.directMarketing === "boolean") values.directMarketing = values.directMarketing ? "yes" : "no";
  return { rights: data.rights ?? [], ...values, unit: details?.unit ?? "", description: details?.description ?? "" };
}

/** The first step that still needs an answer (rights added later may need more details), or "summary". */
export function firstIncompleteStep(data: DraftData): DraftStep {
  if (!data.rights || data.rights.length === 0) return "what";
  if (!data.details || !detailsStepSchema.safeParse(draftDetailsInput(data)).success) return "details";
  if (!data.about) return "about";
  const about = data.about;
  const check = aboutStepSchema({ allowSynthetic: true }).safeParse({ ...about, declaration: about.declaration });
  if (!check.success) {
    // Fødselsnumre are not in the about input (they are encrypted); other problems send the user back.
    const others = check.error.issues.filter((i) => i.path[0] !== "nationalId" && i.path[0] !== "subjectNationalId");
    if (others.length > 0) return "about";
  }
  return "summary";
}

export function stepIndex(step: DraftStep): number {
  return DRAFT_STEPS.indexOf(step);
}

/** May the user open `step` now? Only steps up to the first incomplete one. */
export function canOpenStep(data: DraftData, step: DraftStep): boolean {
  return stepIndex(step) <= stepIndex(firstIncompleteStep(data));
}

export function detailValues(data: DraftData): Partial<DetailFields> {
  return (data.details?.values ?? {}) as Partial<DetailFields>;
}

export type { Right };
