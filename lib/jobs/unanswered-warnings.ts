// Job step: warn requesters whose case has waited for their answer long enough that it will soon
// be closed as not processed (lib/domain/unanswered.ts). Once per pause: the case_reminder row
// (kind requester_unanswered, due_date = the day the question was asked) has a unique key, so a
// second worker or a second run the same day skips what is done. The row, the audit event, the
// secure message, its paper copy (answers by post) and the e-mail (reference and link only)
// commit in ONE transaction. Runs with the deadline reminders (lib/jobs/deadline-reminders.ts).
import { db } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { addDays, formatDateLong, osloDateOf, osloEndOfDay } from "@/lib/domain/calendar";
import { unansweredClosableOn, WARNING_LEAD_DAYS } from "@/lib/domain/unanswered";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { isLocale } from "@/i18n/locales";
import { municipalityForCase } from "@/lib/admin/profile-contact";
import { MESSAGE_TARGET_SELECT, messageRequesterInTx } from "@/lib/cases/ask-requester";
import { periodFrom, UNANSWERED_WARNING_KIND } from "@/lib/cases/unanswered-period";
import { logger } from "@/lib/log";

export type WarningRunResult = { candidates: number; warned: number; alreadyWarned: number };

const BATCH = 200;

/** The warning's text in the case's language: the question's date and the last day to answer. */
export function unansweredWarningText(locale: string, input: { reference: string; askedOn: string; lastDay: string; contact: string }): string {
  const l = isLocale(locale) ? locale : "nb";
  const t = createTranslator({ locale: l, messages: loadMessages(l), namespace: "unanswered.warning" });
  return t("message", { reference: input.reference, askedDate: formatDateLong(input.askedOn, l), lastDay: formatDateLong(input.lastDay, l), contact: input.contact });
}

export async function warnUnansweredRequesters({ now }: { now: Date }): Promise<WarningRunResult> {
  const today = osloDateOf(now);
  const result: WarningRunResult = { candidates: 0, warned: 0, alreadyWarned: 0 };
  const municipalities = await db().municipality.findMany({ select: { id: true, unansweredCloseDays: true } });
  for (const m of municipalities) {
    const period = periodFrom(m.id, m.unansweredCloseDays);
    // Asked on or before this day: the warning is due (today is period - lead days after the question).
    const askedBy = osloEndOfDay(addDays(today, -(period - WARNING_LEAD_DAYS)));
    for (let afterId: string | null = null; ; ) {
      const pauses: { id: string; startedAt: Date; caseId: string }[] = await db().casePause.findMany({
        where: {
          ...(afterId ? { id: { gt: afterId } } : {}),
          endedAt: null,
          startedAt: { lte: askedBy },
          case: { municipalityId: m.id, status: "awaiting_requester" },
        },
        select: { id: true, startedAt: true, caseId: true },
        orderBy: { id: "asc" },
        take: BATCH,
      });
      if (pauses.length === 0) break;
      afterId = pauses[pauses.length - 1]!.id;
      for (const pause of pauses) {
        result.candidates++;
        const askedOn = osloDateOf(pause.startedAt);
        // One case that cannot be warned (e.g. broken data) must not hold back the others.
        const warned = await db().$transaction(async (tx) => {
          const { count } = await tx.caseReminder.createMany({
            data: [{ caseId: pause.caseId, kind: UNANSWERED_WARNING_KIND, dueDate: isoDateToDb(askedOn), sentAt: now }],
            skipDuplicates: true,
          });
          if (count === 0) return null;
          const c = await tx.case.findUniqueOrThrow({
            where: { id: pause.caseId },
            select: MESSAGE_TARGET_SELECT,
          });
          const closableOn = unansweredClosableOn(askedOn, period, today)!;
          const lastDay = addDays(closableOn, -1);
          const profile = await municipalityForCase(tx, c);
          const contact = [profile.postmottakEmail, profile.phone, profile.postalAddress].filter(Boolean).join(", ");
          await tx.caseEvent.create({
            data: { caseId: c.id, at: now, actorType: "system", type: "case.requester_warned", after: { askedOn, lastDay, closableOn, periodDays: period } },
          });
          const sent = await messageRequesterInTx(tx, { kind: "system" }, c, unansweredWarningText(c.locale, { reference: c.reference, askedOn, lastDay, contact }), now);
          return sent;
        }).catch((error: unknown) => {
          logger.error("unanswered.warning_failed", { caseId: pause.caseId, error: error instanceof Error ? error.name : "unknown" });
          return "failed" as const;
        });
        if (warned === "failed") continue;
        if (warned) {
          result.warned++;
          logger.info("unanswered.warned", { caseId: pause.caseId, askedOn });
        } else {
          result.alreadyWarned++;
        }
      }
      if (pauses.length < BATCH) break;
    }
  }
  return result;
}
