// Use case: a staff member opens the response-letter page of a case. Read through the policy scope
// (a case outside it -> null -> 404). Gives the generated draft (from the decisions), whether the
// actor may send it (case.decide), and the letters already made in the case. The draft uses the
// municipality's own wording of the main paragraphs where an admin has written one (letter_template,
// one query for the case's decisions in its language); the builder adds the mandatory parts. A
// granted access answer describes, system by system, every system where a search found data, from
// the records of processing (Art. 15(1)(a)-(h), 15(2)); the page says what is missing before it can go.
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
import { REGISTER_ENTRY_SELECT } from "@/lib/admin/record-fields";
import { hasRegisterProblems, registerProblems, type FoundSystem, type RegisterProblems } from "./access-register";
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
      registeredById: true,
      requester: { select: { name: true, email: true, postalAddress: true, nationalIdEncrypted: true, identityLevel: true, identity: { select: { email: true } } } },
      decisions: { select: { right: true, outcome: true, legalBasisIds: true, reasons: true }, orderBy: { right: "asc" } },
      // Art. 19: the letter may say the recipients were told only when the notices are all done.
      // Art. 15: the access answer describes every system where a search found data.
      tasks: {
        where: { kind: { in: ["notify_recipient", "search"] } },
        select: { kind: true, doneAt: true, system: true, dataFound: true, processingActivity: { select: REGISTER_ENTRY_SELECT } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      // The copy (Art. 15(3)): answer files on the case, not counting letters' own PDFs.
      _count: { select: { attachments: { where: { purpose: "answer", deletedAt: null, OR: [{ messageId: null }, { message: { is: { letter: { is: null } } } }] } } } },
      unit: { select: { name: true, nameNn: true, nameEn: true } },
      municipality: { select: OVERRIDE_SELECT },
    },
  });
  const profile = applyContactOverrides(municipalityProfile(c.municipalityId), overridesOf(municipality));
  return { ...c, municipality: withUnitInPostalAddress(profile, unit, c.locale) };
}

export type LetterCase = Awaited<ReturnType<typeof loadLetterCase>>;

/** Systems where a search that is ticked off found data, with the entry each task points at. */
export function foundSystemsOf(tasks: LetterCase["tasks"]): FoundSystem[] {
  return tasks.filter((t) => t.kind === "search" && t.doneAt !== null && t.dataFound === true).map((t) => ({ system: t.system, entry: t.processingActivity }));
}

/** A granted or partly granted access request: the answer must describe the systems (Art. 15(1), (2)). */
export function needsAccessRegister(decisions: readonly { right: string; outcome: string }[]): boolean {
  return decisions.some((d) => d.right === "access" && (d.outcome === "granted" || d.outcome === "partially_granted"));
}

/** Granted access or portability hands over a copy: the case must hold it (Art. 15(3), 20(1)). */
export function needsCopy(decisions: readonly { right: string; outcome: string }[]): boolean {
  return decisions.some((d) => (d.right === "access" || d.right === "portability") && (d.outcome === "granted" || d.outcome === "partially_granted"));
}

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
    accessRegister: foundSystemsOf(c.tasks),
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
  /** What the access answer still lacks before it can be sent (null: nothing, or not an access answer). */
  registerProblems: RegisterProblems | null;
  /** The decision hands over a copy but the case has no answer file (letters' PDFs do not count). */
  copyMissing: boolean;
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
  const draft = c.decisions.length > 0 ? renderResponseLetterText(letterInputFor(c, delivery, now, bodyOverrides)) : null;
  const problems = draft !== null && needsAccessRegister(c.decisions) ? registerProblems(draft, letterLocale(c.locale), foundSystemsOf(c.tasks)) : null;
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
    draft,
    recipientNotice: recipientNoticeWarning(c),
    registerProblems: problems && hasRegisterProblems(problems) ? problems : null,
    copyMissing: needsCopy(c.decisions) && c._count.attachments === 0,
    letters,
  };
}
