// Response letters (GDPR Art. 12-21): the text of the answer to a request, per right and outcome, in
// the requester's language (nb, nn, en). Pure functions: the texts come from the statically imported
// message catalogue (messages/letters/*.json, letters.template.*), no I/O, no clock.
//
// The format is plain text with headings: a heading is a line underlined with "=" (the title) or
// "-" (a section), bullet points start with "- ". lib/letters/pdf.ts parses the same format.
//
// A refusal or partial grant always carries (Art. 12(4)): the reasons, the legal basis (citations
// from LEGAL_BASES), the right to complain to Datatilsynet and the right to go to court; and, as a
// municipality's refusal is an enkeltvedtak (forvaltningsloven § 2 first paragraph (b), see README
// "Legal rules encoded"), the appeal information forvaltningsloven § 27 third paragraph asks for:
// that it can be appealed, within three weeks (§ 29), to whom and through whom (the municipality,
// § 32), and the right to see the case documents (§§ 18-19).
// `missingMandatoryParts` checks an edited text for those parts before it is sent.
//
// Art. 19: a granted or partly granted rectification, erasure or restriction says the recipients
// were told only when the case's recipient-notice tasks are all ticked off (`recipientNotices`);
// while some are open it says we will tell them, and without such tasks it claims nothing; each of
// these adds Art. 19's second sentence: the requester can ask who the recipients are. When the
// caseworker recorded that the data was shared with nobody, it says there was nobody to tell. A refusal under
// Art. 11(2) invites the requester to give more information that lets us identify them.
//
// A municipality may word the main paragraph of each right and outcome itself (admin page
// /staff/admin/templates, table letter_template): the caller passes those texts in
// `bodyOverrides`. Only that paragraph changes; the mandatory parts above, the access information
// list and the download paragraph are always added here and cannot be edited away in a template.
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { isLocale, type Locale } from "@/i18n/locales";
import { isMessageKeyIn, type Translator } from "@/i18n/translator";
import type { OnBehalfOfChoice } from "@/lib/requests/request-schema";
import type { MunicipalityProfile } from "@/lib/config/municipalities";
import { formatDateLong, type IsoDate } from "@/lib/domain/calendar";
import { isLegalBasisId, LEGAL_BASES, RIGHTS, rightDefinition, type LegalBasisId, type Right } from "@/lib/domain/rights";
import type { RightOutcome } from "@/lib/domain/case-state-machine";

export type { ChosenLetterDelivery as LetterDelivery } from "@/lib/domain/letters";
import type { ChosenLetterDelivery as LetterDelivery, RecipientNotices } from "@/lib/domain/letters";
import { accessRegisterSection, type FoundSystem } from "./access-register";

export type LetterDecision = {
  right: Right;
  outcome: RightOutcome;
  legalBasisIds: readonly string[];
  reasons: string;
};

export type ResponseLetterInput = {
  locale: string;
  municipality: Pick<MunicipalityProfile, "name" | "postalAddress" | "postmottakEmail" | "phone" | "dpo" | "complaintPath">;
  reference: string;
  receivedDate: IsoDate;
  /** The date printed on the letter. */
  letterDate: IsoDate;
  requesterName: string;
  /** On whose behalf: the letter names the child (or the person who gave power of attorney), not only the parent. */
  concerns?: { onBehalfOf: OnBehalfOfChoice; subjectName: string | null };
  rights: readonly Right[];
  decisions: readonly LetterDecision[];
  delivery: LetterDelivery;
  /** Where the requester reads and downloads the answer ("Mine saker"). */
  portalLink: string;
  /** The last day the requester can still answer in "Mine saker" (the case's follow-up period). */
  followUpUntil: IsoDate;
  /**
   * The municipality's own wording of the main paragraph, in the letter's language, by
   * "<right>.<outcome>" (from letter_template). Missing or blank: the standard text.
   */
  bodyOverrides?: Partial<Record<BodyKey, string>>;
  /** The case's Art. 19 notices (recipientNoticesOf its tasks); missing: no notice tasks. */
  recipientNotices?: RecipientNotices;
  /**
   * Systems where a search found data, with their entries in the records of processing: a granted
   * access answer describes each (Art. 15(1)(a)-(h), 15(2); lib/letters/access-register.ts).
   * Missing: the general list of what the copy shows (callers without a case, e.g. previews).
   */
  accessRegister?: readonly FoundSystem[];
};

/** Which main paragraph: one per right and outcome (6 x 3, plus "no data held" for access and portability). */
export type BodyKey = `${Right}.${RightOutcome}`;

export function bodyKey(right: Right, outcome: RightOutcome): BodyKey {
  return `${right}.${outcome}`;
}

/** The fixed address of Datatilsynet, printed in every complaint paragraph. */
export const DATATILSYNET_ADDRESS = "Postboks 458 Sentrum, 0105 Oslo";

/** Erasure refused because of the archive duty (Lov om dokumentasjon og arkiv). */
const ARCHIVE_BASES: readonly LegalBasisId[] = ["gdpr-17-3-b", "gdpr-17-3-d"];

type Translate = Translator<"letters.template">;

/**
 * The standard main paragraph. Only access and portability have one for "no data held": the state
 * machine allows that outcome for them alone (outcomesFor), so any other pair has no text.
 */
function standardBody(t: Translate, right: Right, outcome: RightOutcome): string {
  const key = `body.${right}.${outcome}`;
  return isMessageKeyIn<"letters.template">(loadMessages("nb").letters.template, key) ? t(key) : "";
}

function translator(locale: Locale): Translate {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "letters.template" });
}

export function letterLocale(locale: string): Locale {
  return isLocale(locale) ? locale : "nb";
}

function heading(text: string, underline: "=" | "-"): string {
  return `${text}\n${underline.repeat(Math.max(3, Math.min(text.length, 72)))}`;
}

function joinContact(parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p && p.trim())).join(", ");
}

/** The legal basis citations a decision cites (unknown ids are left out). */
export function citationsOf(decision: Pick<LetterDecision, "legalBasisIds">): string[] {
  const out: string[] = [];
  for (const id of decision.legalBasisIds) {
    if (isLegalBasisId(id) && !out.includes(LEGAL_BASES[id].citation)) out.push(LEGAL_BASES[id].citation);
  }
  return out;
}

/** A refusal or partial grant: not taking (full) action, which Art. 12(4) ties to the mandatory parts. */
function isRefusal(outcome: RightOutcome): boolean {
  return outcome === "refused" || outcome === "partially_granted";
}

export function needsComplaintInformation(decisions: readonly Pick<LetterDecision, "outcome">[]): boolean {
  return decisions.some((d) => isRefusal(d.outcome));
}

/** Decisions in the order of the rights catalogue (one section per right). */
function ordered(input: Pick<ResponseLetterInput, "decisions">): LetterDecision[] {
  return [...input.decisions].sort((a, b) => RIGHTS.indexOf(a.right) - RIGHTS.indexOf(b.right));
}

function rightSection(t: Translate, input: ResponseLetterInput, d: LetterDecision): string[] {
  const parts: string[] = [];
  parts.push(heading(`${t(`rightTitle.${d.right}`)} – ${t(`outcome.${d.outcome}`)}`, "-"));
  parts.push(input.bodyOverrides?.[bodyKey(d.right, d.outcome)]?.trim() || standardBody(t, d.right, d.outcome));
  const recipients = recipientsParagraph(t, d, input.recipientNotices);
  if (recipients) parts.push(recipients);

  // A copy is handed over only when something was granted ("no data held" has nothing to copy).
  const delivered = d.outcome === "granted" || d.outcome === "partially_granted";
  if (d.right === "access" && delivered) {
    if (input.accessRegister) {
      parts.push(...accessRegisterSection(letterLocale(input.locale), input.accessRegister));
    } else {
      const items = (["data", "purposes", "categories", "recipients", "storage", "source", "rights"] as const).map((k) => `- ${t(`accessInfo.${k}`)}`);
      parts.push(`${t("accessInfoIntro")}\n${items.join("\n")}`);
    }
    parts.push(t("accessFree"));
  }
  if ((d.right === "access" || d.right === "portability") && delivered) {
    parts.push(input.delivery === "portal" ? t("downloadPortal", { link: input.portalLink }) : t("downloadPost"));
  }

  const reasons = d.reasons.trim();
  if (reasons) parts.push(t("reasonsLabel", { reasons }));

  const bases = d.legalBasisIds.filter(isLegalBasisId);
  if (bases.length > 0) {
    const lines = bases.map((id) => `- ${LEGAL_BASES[id].citation}: ${t(`basis.${id}`)}`);
    parts.push(`${t("legalBasisLabel")}\n${lines.join("\n")}`);
  }

  if (d.right === "erasure" && d.outcome !== "granted" && bases.some((id) => ARCHIVE_BASES.includes(id))) {
    parts.push(t("archiveDuty"));
    parts.push(t(input.delivery === "portal" ? "offerRestrictionPortal" : "offerRestrictionPost"));
  }
  if (d.outcome !== "granted" && bases.includes("gdpr-11-2")) parts.push(t("identifyInvitation"));
  if (d.right === "portability" && d.outcome !== "granted" && bases.includes("gdpr-20-3")) {
    parts.push(t("publicTask"));
    parts.push(t("publicTaskAccess"));
  }
  return parts;
}

/** Whether the decision changed data others received, so that Art. 19 asks us to tell them. */
function needsRecipientNotices(d: Pick<LetterDecision, "right" | "outcome">): boolean {
  return rightDefinition(d.right).notifyRecipientsArt19 && (d.outcome === "granted" || d.outcome === "partially_granted");
}

/** The Art. 19 sentence the case's notice tasks allow (or none), and "you can ask who they are". */
function recipientsParagraph(t: Translate, d: LetterDecision, notices: RecipientNotices | undefined): string | null {
  if (!needsRecipientNotices(d)) return null;
  const state = notices?.state ?? "none";
  if (state === "no_recipients") return t("recipientsNone");
  const claim = state === "done" ? t("recipientsNotified", { right: d.right }) : state === "pending" ? t("recipientsPending", { right: d.right }) : null;
  return claim ? `${claim} ${t("recipientsAsk")}` : t("recipientsAsk");
}

/**
 * The complaint section of a letter that closes a case without a decision on the rights (a case
 * closed as not processed): the same paragraphs as a refusal, the appeal information included
 * (an avvisning is an enkeltvedtak too: forvaltningsloven § 2 third paragraph).
 */
export function complaintParagraphs(locale: string, municipality: ResponseLetterInput["municipality"]): string[] {
  return complaintSection(translator(letterLocale(locale)), { municipality, decisions: [] }, true);
}

/** The sign-off lines of every letter. */
export function closingLines(locale: string, municipalityName: string): string {
  return `${translator(letterLocale(locale))("closing")}\n${municipalityName}`;
}

function complaintSection(t: Translate, input: Pick<ResponseLetterInput, "municipality" | "decisions">, withAppeal = false): string[] {
  const m = input.municipality;
  const dpoContact = joinContact([m.dpo.name, m.dpo.email, m.dpo.phone, m.dpo.postalAddress]) || m.postalAddress;
  const parts = [heading(t("complaintHeading"), "-")];
  // A refusal by a municipality is an enkeltvedtak: forvaltningsloven § 27 third paragraph. It
  // comes first ("you can also contact the DPO" follows), except on Trondheim's path, where the
  // requester is asked to contact the unit first.
  const appeal = withAppeal || needsComplaintInformation(input.decisions) ? [t("appeal", { municipality: m.name }), t("appealDocuments")] : [];
  if (m.complaintPath === "unit_then_dpo_then_datatilsynet") {
    parts.push(t("complaintUnitFirst", { municipality: m.name, contact: dpoContact }), ...appeal);
  } else {
    parts.push(...appeal, t("complaintDpo", { municipality: m.name, contact: dpoContact }));
  }
  parts.push(t("complaintDatatilsynet"));
  parts.push(t("complaintCourt"));
  return parts;
}

/** "The request concerns the data of your child, Nora." (nothing when it concerns the requester). */
export function concernsLine(t: Translate, concerns: ResponseLetterInput["concerns"]): string | null {
  if (!concerns || concerns.onBehalfOf === "self") return null;
  return t("concerns", { onBehalfOf: concerns.onBehalfOf, subject: concerns.subjectName?.trim() || "–" });
}

/** The standard wording of a main paragraph (what a template falls back to). */
export function standardBodyText(locale: string, right: Right, outcome: RightOutcome): string {
  return standardBody(translator(letterLocale(locale)), right, outcome);
}

/** The response letter as plain text with headings, ready to be edited by the caseworker. */
export function renderResponseLetterText(input: ResponseLetterInput): string {
  const locale = letterLocale(input.locale);
  const t = translator(locale);
  const m = input.municipality;
  const parts: string[] = [];
  parts.push(heading(t("title"), "="));
  parts.push(t("referenceLines", { reference: input.reference, date: formatDateLong(input.letterDate, locale) }));
  parts.push(t("intro", { name: input.requesterName.trim(), receivedDate: formatDateLong(input.receivedDate, locale) }));
  const concerns = concernsLine(t, input.concerns);
  if (concerns) parts.push(concerns);
  for (const decision of ordered(input)) parts.push(...rightSection(t, input, decision));
  parts.push(...complaintSection(t, input));
  // What the letter promises is what the portal does: a portal answer can be answered in "Mine
  // saker" during the follow-up period; a paper answer names post and phone only.
  parts.push(
    input.delivery === "portal"
      ? t("questionsPortal", { until: formatDateLong(input.followUpUntil, locale), contact: joinContact([m.postmottakEmail, m.phone, m.postalAddress]), reference: input.reference })
      : t("questionsPost", { contact: joinContact([m.postalAddress, m.phone]), reference: input.reference }),
  );
  parts.push(`${t("closing")}\n${m.name}`);
  return parts.join("\n\n") + "\n";
}

/**
 * "appeal": the forvaltningsloven § 27 appeal information of a refusal; "art19_claim" is not a
 * missing part but a sentence too many: the text says the recipients were told (Art. 19) while the
 * case's notice tasks are not all done.
 */
export type MissingPart = "complaint" | "court" | "legal_basis" | "reasons" | "appeal" | "art19_claim";

/** What shows the appeal paragraphs are still there: the Act, the three weeks, the case documents (§§ 18-19). */
const APPEAL_MARKERS: Record<Locale, readonly RegExp[]> = {
  nb: [/forvaltningsloven/i, /tre uker/i, /§§ 18/],
  nn: [/forvaltningslova/i, /tre veker/i, /§§ 18/],
  en: [/Public Administration Act/i, /three weeks/i, /sections 18/i],
};

/** Whether `text` says the recipients were told (the builder's sentence, for any right it covers). */
function claimsRecipientsTold(text: string, locale: Locale, decisions: readonly LetterDecision[]): boolean {
  const t = translator(locale);
  const letter = comparable(text);
  return decisions.filter(needsRecipientNotices).some((d) => letter.includes(comparable(t("recipientsNotified", { right: d.right }))));
}

/** Words that show the court paragraph is still there (nb "domstolene", nn "domstolane", en "court"). */
const COURT_MARKERS: Record<Locale, RegExp> = { nb: /domstol/i, nn: /domstol/i, en: /\bcourts?\b/i };

/** Whitespace runs as one space, trimmed, lower case: how reasons are compared. */
function comparable(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * What a refusal or partial grant must still say after editing (Art. 12(4)): the complaint to
 * Datatilsynet with its address, the right to go to court, every cited legal basis, the reasons
 * of every decision that is not a full grant (word for word, whitespace and case aside) and the
 * enkeltvedtak's appeal information. Letters that only grant need none of it (the template still
 * includes the complaint paragraphs). Any letter: no claim that recipients were told (Art. 19)
 * unless `recipientNotices` is "done".
 * `citations` are the citations missing; `reasons` the rights whose reasons are missing.
 */
export function missingMandatoryParts(
  text: string,
  input: { locale: string; decisions: readonly LetterDecision[]; recipientNotices?: RecipientNotices },
): { missing: MissingPart[]; citations: string[]; reasons: Right[] } {
  const locale = letterLocale(input.locale);
  const claim: MissingPart[] = (input.recipientNotices?.state ?? "none") !== "done" && claimsRecipientsTold(text, locale, input.decisions) ? ["art19_claim"] : [];
  if (!needsComplaintInformation(input.decisions)) return { missing: claim, citations: [], reasons: [] };
  const normalized = text.replace(/\s+/g, " ");
  const missing: MissingPart[] = [];
  if (!/Datatilsynet/.test(normalized) || !normalized.includes(DATATILSYNET_ADDRESS)) missing.push("complaint");
  if (!COURT_MARKERS[locale].test(normalized)) missing.push("court");
  const citations = input.decisions
    .filter((d) => isRefusal(d.outcome))
    .flatMap(citationsOf)
    .filter((c, i, all) => all.indexOf(c) === i);
  const absent = citations.filter((c) => !normalized.includes(c));
  if (absent.length > 0) missing.push("legal_basis");
  const letter = comparable(text);
  const reasons = ordered({ decisions: input.decisions })
    .filter((d) => isRefusal(d.outcome) && comparable(d.reasons) !== "" && !letter.includes(comparable(d.reasons)))
    .map((d) => d.right)
    .filter((r, i, all) => all.indexOf(r) === i);
  if (reasons.length > 0) missing.push("reasons");
  if (!APPEAL_MARKERS[locale].every((marker) => marker.test(normalized))) missing.push("appeal");
  missing.push(...claim);
  return { missing, citations: absent, reasons };
}

/** The PDF's file name (no personal data: the reference only). */
export function responseLetterFileName(locale: string, reference: string): string {
  return `${letterLocale(locale) === "en" ? "response-letter" : "svarbrev"}-${reference}.pdf`;
}
