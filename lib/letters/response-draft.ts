// Use case: a staff member opens the response-letter page of a case. Read through the policy scope
// (a case outside it -> null -> 404). Gives the generated draft (from the decisions), whether the
// actor may send it (case.decide), and the letters already made in the case. The draft uses the
// municipality's own wording of the main paragraphs where an admin has written one (letter_template,
// one query for the case's decisions in its language); the builder adds the mandatory parts.
import { db, type Tx } from "@/lib/db/client";
import type { AnswerChannel, LetterStatus } from "@/lib/db/generated/client";
import { applyContactOverrides, municipalityProfile } from "@/lib/config/municipalities";
import { OVERRIDE_SELECT, overridesOf, withUnitInPostalAddress } from "@/lib/admin/profile-contact";
import { osloDateOf } from "@/lib/domain/calendar";
import { recipientNoticesOf, type RecipientNotices } from "@/lib/domain/letters";
import { followUpLastDay } from "@/lib/domain/follow-up";
import { can, type Actor } from "@/lib/domain/policy";
import { rightDefinition } from "@/lib/domain/rights";
import { CASE_WORK_ACTIONS, staffCaseRef } from "@/lib/cases/case-access";
import { myCaseLink } from "@/lib/cases/staff-send-message";
import {
  bodyKey,
  letterLocale,
  renderResponseLetterText,
  type BodyKey,
  type LetterDecision,
  type LetterDelivery,
  type ResponseLetterInput,
} from "./response-templates";
import { now as clockNow } from "@/lib/clock";

type Client = Tx | ReturnType<typeof db>;

/**
 * Everything a response letter is made from, read in one query; `municipality` is the profile with
 * the admin's contact values and the case's unit in the postal address (lib/admin/profile-contact.ts).
 */
export async function loadLetterCase(client: Client, caseId: string) {
  const { unit, municipality, ...c } = await client.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      locale: true,
      municipalityId: true,
      rights: true,
      status: true,
      receivedAt: true,
      closedAt: true,
      answerChannel: true,
      noRecipientsAt: true,
      onBehalfOf: true,
      subjectName: true,
      requester: { select: { name: true, email: true, postalAddress: true, identity: { select: { email: true } } } },
      decisions: { select: { right: true, outcome: true, legalBasisIds: true, reasons: true }, orderBy: { right: "asc" } },
      // Art. 19: the letter may say the recipients were told only when these are all done.
      tasks: { where: { kind: "notify_recipient" }, select: { kind: true, doneAt: true } },
      unit: { select: { name: true, nameNn: true, nameEn: true } },
      municipality: { select: OVERRIDE_SELECT },
    },
  });
  const profile = applyContactOverrides(municipalityProfile(c.municipalityId), overridesOf(municipality));
  return { ...c, municipality: withUnitInPostalAddress(profile, unit, c.locale) };
}

export type LetterCase = Awaited<ReturnType<typeof loadLetterCase>>;

export function defaultDelivery(answerChannel: AnswerChannel): LetterDelivery {
  return answerChannel === "paper" ? "post" : "portal";
}

/**
 * The municipality's own main paragraphs for the case's decisions, in the case's language (one
 * query). Keys are "<right>.<outcome>"; a combination without a row uses the standard text.
 */
export async function loadBodyOverrides(
  client: Client,
  c: Pick<LetterCase, "municipalityId" | "locale" | "decisions">,
): Promise<Partial<Record<BodyKey, string>>> {
  if (c.decisions.length === 0) return {};
  const rows = await client.letterTemplate.findMany({
    where: {
      municipalityId: c.municipalityId,
      locale: letterLocale(c.locale),
      OR: c.decisions.map((d) => ({ right: d.right, outcome: d.outcome })),
    },
    select: { right: true, outcome: true, body: true },
  });
  return Object.fromEntries(rows.map((r) => [bodyKey(r.right, r.outcome), r.body]));
}

export function letterInputFor(
  c: LetterCase,
  delivery: LetterDelivery,
  now: Date,
  bodyOverrides: Partial<Record<BodyKey, string>> = {},
): ResponseLetterInput {
  return {
    locale: c.locale,
    municipality: c.municipality,
    reference: c.reference,
    receivedDate: osloDateOf(c.receivedAt),
    letterDate: osloDateOf(now),
    requesterName: c.requester.name,
    concerns: { onBehalfOf: c.onBehalfOf, subjectName: c.subjectName },
    rights: c.rights,
    decisions: c.decisions.map((d): LetterDecision => ({ ...d })),
    delivery,
    portalLink: myCaseLink(c.reference),
    // A letter is written after the decision: the follow-up period runs from the closing date.
    followUpUntil: followUpLastDay(c.closedAt ?? now, municipalityProfile(c.municipalityId).followUpDays),
    bodyOverrides,
    recipientNotices: recipientNoticesOf(c.tasks, c.noRecipientsAt !== null),
  };
}

/** The page's Art. 19 note: the notice state when a decision needs notices and they are not all done. */
export function recipientNoticeWarning(c: Pick<LetterCase, "decisions" | "tasks" | "noRecipientsAt">): ResponseLetterPage["recipientNotice"] {
  const notices = recipientNoticesOf(c.tasks, c.noRecipientsAt !== null);
  if (notices.state === "done") return null;
  const needed = c.decisions.some((d) => rightDefinition(d.right).notifyRecipientsArt19 && (d.outcome === "granted" || d.outcome === "partially_granted"));
  return needed ? notices : null;
}

export type ResponseLetterPage = {
  reference: string;
  locale: string;
  answerChannel: AnswerChannel;
  defaultDelivery: LetterDelivery;
  canSend: boolean;
  /** May attach answer files (the JSON/CSV export): the same policy as the staff answer upload. */
  canExport: boolean;
  hasPostalAddress: boolean;
  decisions: LetterDecision[];
  /** null when the case has no decision yet. */
  draft: string | null;
  /**
   * Why the draft does not say the recipients were told (Art. 19): null when it does, or when no
   * decision corrected, erased or restricted anything.
   */
  recipientNotice: Exclude<RecipientNotices, { state: "done" }> | null;
  /** May record that there are no recipients (the task policy, as for the notice tasks). */
  canRecordRecipients: boolean;
  letters: { id: string; kind: string; delivery: string; status: LetterStatus; createdAt: Date; printedAt: Date | null }[];
};

export async function getResponseLetterPage(actor: Actor, reference: string, now: Date = clockNow()): Promise<ResponseLetterPage | null> {
  const visible = await staffCaseRef(actor, reference);
  if (!visible) return null;
  const [c, letters] = await Promise.all([
    loadLetterCase(db(), visible.id),
    db().letter.findMany({
      where: { caseId: visible.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, delivery: true, status: true, createdAt: true, printedAt: true },
    }),
  ]);
  const delivery = defaultDelivery(c.answerChannel);
  const bodyOverrides = await loadBodyOverrides(db(), c);
  return {
    reference: c.reference,
    locale: c.locale,
    answerChannel: c.answerChannel,
    defaultDelivery: delivery,
    canSend: can(actor, "case.decide", visible.ref),
    canExport: can(actor, "case.message", visible.ref),
    canRecordRecipients: can(actor, CASE_WORK_ACTIONS.tasks, visible.ref),
    hasPostalAddress: Boolean(c.requester.postalAddress?.trim()),
    decisions: c.decisions,
    draft: c.decisions.length > 0 ? renderResponseLetterText(letterInputFor(c, delivery, now, bodyOverrides)) : null,
    recipientNotice: recipientNoticeWarning(c),
    letters,
  };
}
