// Use case: a staff member registers a request that reached the municipality by phone, letter, at the
// counter or by e-mail (EDPB 01/2022: the clock starts when it reached any official channel, so the
// due date counts from the real time of receipt, which may be in the past). One transaction:
// requester + case (gap-free reference) + audit event "case.registered" (actor: the staff member) +
// the receipt (e-mail in the outbox when the requester gave an address and wants digital answers,
// otherwise a receipt letter in the print queue). Shares its pieces with submit-request.ts.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/config/env";
import { addCalendarMonths, compareIsoDates, isValidIsoDate, osloDateOf, type IsoDate } from "@/lib/domain/calendar";
import { computeDeadline } from "@/lib/domain/deadline";
import { DomainError } from "@/lib/domain/errors";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { can, type Actor } from "@/lib/domain/policy";
import { rightsSchema } from "@/lib/requests/request-schema";
import { LOCALES, type Locale } from "@/i18n/locales";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { nextCaseReference } from "./case-reference";
import { deliverReceiptInTx, resolveUnitId } from "./submit-request";

export const REGISTER_CHANNELS = ["phone", "letter", "counter", "email"] as const;
/** How far back a receipt time may be (a typo guard, not a legal limit). */
export const MAX_RECEIPT_AGE_MONTHS = 12;

const V = "caseWork.validation";

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

export type RegisteredCase = { caseId: string; reference: string; dueDate: string; receipt: "mail" | "letter" | "none" };

export async function registerRequest(actor: Actor, input: RegisterInput, options: { now?: Date } = {}): Promise<RegisteredCase> {
  if (actor.kind !== "staff" || !can(actor, "case.register")) throw new DomainError("forbidden");
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation_failed", { field: String(parsed.error.issues[0]?.path[0] ?? "form") });
  const data = parsed.data;
  const now = options.now ?? new Date();
  const receivedAt = osloInstant(data.receivedDate, data.receivedTime);
  if (receivedAt.getTime() > now.getTime()) throw new DomainError("validation_failed", { field: "receivedDate", reason: "future" });
  if (compareIsoDates(osloDateOf(receivedAt), addCalendarMonths(osloDateOf(now), -MAX_RECEIPT_AGE_MONTHS)) < 0) {
    throw new DomainError("validation_failed", { field: "receivedDate", reason: "too_old" });
  }

  const municipalityId = env().MUNICIPALITY;
  const { dueDate } = computeDeadline({ receivedAt });
  const receiptToken = randomBytes(24).toString("base64url");
  const identityLevel = data.identityVerified ? "verified_in_person" : "none";
  const locale: Locale = data.locale;

  const result = await db().$transaction(
    async (tx) => {
      const unitId = await resolveUnitId(tx, municipalityId, data.unit);
      const requester = await tx.requester.create({
        data: {
          name: data.name,
          email: data.email || null,
          phone: data.phone || null,
          postalAddress: data.postalAddress || null,
          identityLevel,
        },
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
          identityLevel,
          rights: data.rights,
          channel: data.channel,
          answerChannel: data.answerChannel,
          locale,
          receivedAt,
          oneMonthDueDate: isoDateToDb(dueDate),
          dueDate: isoDateToDb(dueDate),
          description: data.description,
          registeredById: actor.userId,
          receiptToken,
        },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: {
          caseId: created.id,
          at: now,
          actorType: "staff",
          actorId: actor.userId,
          type: "case.registered",
          before: Prisma.DbNull,
          // Ids, codes and dates only.
          after: {
            status: "received",
            rights: data.rights,
            channel: data.channel,
            receivedAt: receivedAt.toISOString(),
            unitId,
            dueDate,
            identityLevel,
            answerChannel: data.answerChannel,
          },
        },
      });
      const receipt = await deliverReceiptInTx(tx, {
        caseId: created.id,
        reference,
        receiptToken,
        locale,
        receivedAt,
        dueDate,
        name: data.name,
        email: data.answerChannel === "digital" ? data.email || null : null,
        postalAddress: data.postalAddress || null,
        municipalityId,
      });
      return { caseId: created.id, reference, dueDate, receipt };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  if (result.receipt === "mail") kickOutbox();
  return result;
}
