// Use case: a staff member registers a request that reached the municipality by phone, letter, at the
// counter or by e-mail (EDPB 01/2022: the clock starts when it reached any official channel, so the
// due date counts from the real time of receipt, which may be in the past). One transaction:
// requester + case (gap-free reference) + audit event "case.registered" (actor: the staff member) +
// the receipt (e-mail in the outbox when the requester gave an address and wants digital answers,
// otherwise a receipt letter in the print queue). Shares its steps with submit-request.ts (create-case.ts).
// The requester's fødselsnummer/D-nummer, when given, is stored encrypted with its lookup hash; if a
// citizen identity has already proven to be this requester (ID-porten by that number, else an e-mail
// code to the same address), the case is linked to it at once and shows on their "Mine saker".
// A submission key (one per form render) makes a double submit create one case.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { addCalendarMonths, compareIsoDates, isValidIsoDate, osloDateOf, type IsoDate } from "@/lib/domain/calendar";
import { computeDeadline } from "@/lib/domain/deadline";
import { DomainError } from "@/lib/domain/errors";
import { isValidNationalId, normaliseNationalId } from "@/lib/domain/national-id";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { can, type Actor } from "@/lib/domain/policy";
import { encryptField, lookupHash } from "@/lib/crypto/field-encryption";
import { rightsSchema } from "@/lib/requests/request-schema";
import { allowSyntheticNationalIdsFromEnv } from "@/lib/citizen-auth/upsert-identity";
import { auditLinkedAtRegistration, findIdentityForNewRequester } from "@/lib/citizen-auth/link-requesters";
import { LOCALES, type Locale } from "@/i18n/locales";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { createCaseInTx } from "./create-case";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { canonicalJson, normaliseSubmissionKey, submissionScope } from "@/lib/domain/submission-key";
import { now as clockNow } from "@/lib/clock";

export const REGISTER_CHANNELS = ["phone", "letter", "counter", "email"] as const;
/** How far back a receipt time may be (a typo guard, not a legal limit). */
export const MAX_RECEIPT_AGE_MONTHS = 12;

const V = "caseWork.validation";
const NATIONAL_ID_INVALID = "citizenLink.register.nationalIdInvalid";

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `${V}.textTooLong`)
    .regex(NO_CONTROL_CHARS, "validation.form.invalid")
    .optional()
    .default("")
    .transform((v) => v.trim());

export const registerSchema = z
  .object({
    channel: z.enum(REGISTER_CHANNELS, { error: `${V}.channelRequired` }),
    receivedDate: z.string({ error: `${V}.receivedDate` }).refine((v) => isValidIsoDate(v), `${V}.receivedDate`),
    receivedTime: z.string({ error: `${V}.receivedTime` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${V}.receivedTime`),
    rights: rightsSchema,
    name: z
      .string({ error: "validation.name.required" })
      .trim()
      .min(1, "validation.name.required")
      .max(200, "validation.name.tooLong")
      .regex(NO_CONTROL_CHARS, "validation.name.invalid"),
    email: z
      .string()
      .trim()
      .max(254, "validation.email.invalid")
      .optional()
      .default("")
      .refine((v) => v === "" || z.email().safeParse(v).success, "validation.email.invalid"),
    phone: optionalText(40),
    postalAddress: optionalText(500),
    answerChannel: z.enum(["digital", "paper"], { error: `${V}.answerChannel` }),
    unit: z.string().max(100).regex(/^[a-z0-9-]*$/, "validation.unit.invalid").optional().default(""),
    locale: z.enum(LOCALES, { error: `${V}.locale` }).optional().default("nb"),
    description: optionalText(5000),
    identityVerified: z.boolean().optional().default(false),
    // Optional fødselsnummer or D-nummer: both mod-11 check digits (synthetic test numbers only where allowed).
    nationalId: z
      .string({ error: NATIONAL_ID_INVALID })
      .max(40, NATIONAL_ID_INVALID)
      .optional()
      .default("")
      .transform((v) => normaliseNationalId(v))
      .refine((v) => v === "" || isValidNationalId(v, { allowSynthetic: allowSyntheticNationalIdsFromEnv() }), NATIONAL_ID_INVALID),
    // Idempotency: one key per form render; a second submit of the same form finds the case it made.
    submissionKey: z.uuid("caseWork.validation.version").refine((k) => normaliseSubmissionKey(k) !== null, "caseWork.validation.version").optional(),
  })
  .superRefine((v, ctx) => {
    // Somewhere to send the receipt and the answer: an e-mail for digital answers, else a postal address.
    if ((v.answerChannel === "paper" || v.email === "") && v.postalAddress === "") {
      ctx.addIssue({ code: "custom", path: ["postalAddress"], message: `${V}.postalAddressNeeded` });
    }
  });

export type RegisterInput = z.input<typeof registerSchema>;

function osloOffsetMs(instantMs: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Oslo",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** The instant of a wall-clock time in Europe/Oslo ("2026-03-29", "14:05"), CET or CEST as applicable. */
export function osloInstant(date: IsoDate, time: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let t = wall - osloOffsetMs(wall);
  t = wall - osloOffsetMs(t);
  return new Date(t);
}

export type RegisteredCase = {
  caseId: string;
  reference: string;
  dueDate: string;
  receipt: "mail" | "letter" | "none";
  /** false when the submission key had already made this case (double submit). */
  created: boolean;
  /** The identity the requester was linked to at once, if any (rule c in link-requesters.ts). */
  linked: "idporten" | "email_code" | null;
};

/** The case a submission key already made, when this staff member registered it from the same form. */
async function findRegisteredBySubmissionKey(actor: { userId: string }, submissionKey: string, receivedAt: Date, channel: string) {
  const key = normaliseSubmissionKey(submissionKey);
  if (!key) return null;
  const existing = await db().case.findUnique({
    where: { submissionScope_submissionKey: { submissionScope: submissionScope({ kind: "staff", userId: actor.userId }), submissionKey: key } },
    select: { id: true, reference: true, dueDate: true, registeredById: true, receivedAt: true, channel: true, requester: { select: { identityId: true } } },
  });
  if (!existing) return null;
  // A key from another form (or another person) is not a replay: the form is stale.
  if (existing.registeredById !== actor.userId || existing.receivedAt.getTime() !== receivedAt.getTime() || existing.channel !== channel) {
    throw new DomainError("validation_failed", { field: "form", reason: "stale" });
  }
  return {
    caseId: existing.id,
    reference: existing.reference,
    dueDate: existing.dueDate.toISOString().slice(0, 10),
    receipt: "none" as const,
    created: false,
    linked: null,
  };
}

export async function registerRequest(actor: Actor, input: RegisterInput, options: { now?: Date } = {}): Promise<RegisteredCase> {
  if (actor.kind !== "staff" || !can(actor, "case.register")) throw new DomainError("forbidden");
  const parsed = registerSchema.safeParse(input);
  // Only the field name: never the value (it may be a national id).
  if (!parsed.success) throw new DomainError("validation_failed", { field: String(parsed.error.issues[0]?.path[0] ?? "form") });
  const data = parsed.data;
  const now = options.now ?? clockNow();
  const receivedAt = osloInstant(data.receivedDate, data.receivedTime);
  if (receivedAt.getTime() > now.getTime()) throw new DomainError("validation_failed", { field: "receivedDate", reason: "future" });
  if (compareIsoDates(osloDateOf(receivedAt), addCalendarMonths(osloDateOf(now), -MAX_RECEIPT_AGE_MONTHS)) < 0) {
    throw new DomainError("validation_failed", { field: "receivedDate", reason: "too_old" });
  }
  if (data.submissionKey) {
    const replay = await findRegisteredBySubmissionKey(actor, data.submissionKey, receivedAt, data.channel);
    if (replay) return replay;
  }

  const municipalityId = env().MUNICIPALITY;
  const { dueDate } = computeDeadline({ receivedAt });
  const receiptToken = randomBytes(24).toString("base64url");
  const identityLevel = data.identityVerified ? "verified_in_person" : "none";
  const locale: Locale = data.locale;
  const nationalIdHash = data.nationalId ? lookupHash(data.nationalId) : null;
  const nationalIdEncrypted = data.nationalId ? encryptField(data.nationalId) : null;
  const email = data.email || null;

  let result: RegisteredCase;
  try {
    result = await db().$transaction(
      async (tx) => {
        const identity = await findIdentityForNewRequester(tx, { nationalIdHash, email, answerChannel: data.answerChannel });
        const created = await createCaseInTx(tx, {
          municipalityId,
          unitSlug: data.unit,
          receivedAt,
          dueDate,
          locale,
          receiptToken,
          requester: {
            name: data.name,
            email,
            phone: data.phone || null,
            postalAddress: data.postalAddress || null,
            nationalIdEncrypted,
            nationalIdHash,
            identityLevel,
            identityId: identity?.identityId ?? null,
          },
          case: {
            rights: data.rights,
            channel: data.channel,
            answerChannel: data.answerChannel,
            description: data.description,
            submission: normaliseSubmissionKey(data.submissionKey)
              ? {
                  key: normaliseSubmissionKey(data.submissionKey)!,
                  scope: submissionScope({ kind: "staff", userId: actor.userId }),
                  hash: createHash("sha256").update(canonicalJson({ ...data, submissionKey: undefined, receivedAt: receivedAt.toISOString() })).digest("hex"),
                }
              : null,
            registeredById: actor.userId,
          },
          event: { type: "case.registered", at: now, actor: { type: "staff", id: actor.userId }, extra: { receivedAt: receivedAt.toISOString() } },
          receipt: {
            email: data.answerChannel === "digital" ? email : null,
            postalAddress: data.postalAddress || null,
          },
        });
        if (identity) await auditLinkedAtRegistration(tx, { caseId: created.caseId, method: identity.method, staffId: actor.userId, now });
        return {
          caseId: created.caseId,
          reference: created.reference,
          dueDate,
          receipt: created.receipt,
          created: true,
          linked: identity?.method ?? null,
        };
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    // Two copies of the same form raced: the loser returns the winner's case.
    if (data.submissionKey && isUniqueViolation(error)) {
      const winner = await findRegisteredBySubmissionKey(actor, data.submissionKey, receivedAt, data.channel);
      if (winner) return winner;
    }
    throw error;
  }
  if (result.receipt === "mail") kickOutbox();
  return result;
}
