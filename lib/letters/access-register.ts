// The access answer's section "what we process about you, system by system" (GDPR Art. 15(1)(a)-(h)
// and 15(2)), built from the municipality's records of processing (Art. 30, table
// processing_activity). Pure: texts from the statically imported catalogue (messages/records),
// no I/O. The register's own texts are quoted as the municipality wrote them (whitespace runs,
// line breaks included, become one space so each element stays one bullet of the letter format).
//
// Per system where data was found: (a) purposes, the legal basis, (b) categories, (c) recipients,
// (d) retention period, (g) source, (h) automated decision-making incl. profiling ("none" said
// plainly), 15(2) transfers outside the EU/EEA with their safeguards ("none" said plainly). Once
// for the letter: (e) rectification, erasure, restriction, objection and (f) the complaint to
// Datatilsynet (whose address is in the letter's complaint section). A system with data found but
// no entry, or a case where no search found anything, shows a gap ("MANGLER ...") in the draft;
// sending is refused then (`registerProblems`), as it is when an edit dropped a required part.
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";

/** What the letter quotes of one entry in the records of processing. */
export type RegisterEntryText = {
  name: string;
  purposes: string;
  legalBasis: string;
  dataCategories: string;
  recipients: string;
  storagePeriod: string;
  source: string;
  transfersOutsideEea: string | null;
  transferSafeguards: string | null;
  automatedDecisions: string | null;
};

/** A system where data about the requester was found, and the register entry its task points at. */
export type FoundSystem = { system: string; entry: RegisterEntryText | null };

type Translate = Translator<"records.letter">;

function translator(locale: Locale): Translate {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "records.letter" });
}

/** The register's text as one line (the letter's bullets are one line each). */
export function oneLine(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function has(text: string | null | undefined): boolean {
  return oneLine(text) !== "";
}

/** The lines the letter must carry for one system with an entry, in order. */
export function entryLines(locale: Locale, entry: RegisterEntryText): string[] {
  const t = translator(locale);
  return [
    t("purposes", { text: oneLine(entry.purposes) }),
    t("legalBasis", { text: oneLine(entry.legalBasis) }),
    t("categories", { text: oneLine(entry.dataCategories) }),
    t("recipients", { text: oneLine(entry.recipients) }),
    t("storage", { text: oneLine(entry.storagePeriod) }),
    t("source", { text: oneLine(entry.source) }),
    has(entry.automatedDecisions) ? t("automated", { text: oneLine(entry.automatedDecisions) }) : t("automatedNone"),
    has(entry.transfersOutsideEea)
      ? t("transfer", { text: oneLine(entry.transfersOutsideEea), safeguards: oneLine(entry.transferSafeguards) })
      : t("transferNone"),
  ];
}

/** The same system named by several tasks is told once (the first task's entry wins). */
export function distinctSystems(systems: readonly FoundSystem[]): FoundSystem[] {
  const out: FoundSystem[] = [];
  for (const s of systems) {
    const seen = out.find((o) => o.system === s.system);
    if (!seen) out.push({ ...s });
    else if (!seen.entry && s.entry) seen.entry = s.entry;
  }
  return out;
}

/**
 * The section's paragraphs (a heading underlined with "-", then the intro, one paragraph per
 * system, and the rights paragraph), in the letter's format (lib/letters/response-templates.ts).
 */
export function accessRegisterSection(locale: Locale, systems: readonly FoundSystem[]): string[] {
  const t = translator(locale);
  const title = t("heading");
  const parts = [`${title}\n${"-".repeat(Math.max(3, Math.min(title.length, 72)))}`];
  const list = distinctSystems(systems);
  if (list.length === 0) {
    parts.push(t("gapNoSystems"));
  } else {
    parts.push(t("intro"));
    for (const s of list) {
      parts.push(s.entry ? `${t("system", { system: oneLine(s.system) })}\n${entryLines(locale, s.entry).map((l) => `- ${l}`).join("\n")}` : t("gap", { system: oneLine(s.system) }));
    }
  }
  parts.push(t("rights"));
  return parts;
}

/** Whitespace runs as one space, lower case: how the check compares the letter with the register. */
function comparable(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

export type RegisterProblems = {
  /** No search is recorded as having found data. */
  noSystems: boolean;
  /** Systems with data found and no entry in the records. */
  gaps: string[];
  /** Systems whose required lines the edited text no longer carries (or the rights paragraph: "(e)"). */
  incomplete: string[];
};

/**
 * What an edited access answer still lacks before it may be sent: every system needs an entry,
 * and the text must carry each entry's lines (the register's words and the "none" sentences) and
 * the rights paragraph (e)-(f). Case and whitespace aside, like the other mandatory parts.
 */
export function registerProblems(text: string, locale: Locale, systems: readonly FoundSystem[]): RegisterProblems {
  const list = distinctSystems(systems);
  const letter = comparable(text);
  const gaps = list.filter((s) => !s.entry).map((s) => s.system);
  const incomplete = list
    .filter((s) => s.entry && !entryLines(locale, s.entry).every((line) => letter.includes(comparable(line))))
    .map((s) => s.system);
  if (!letter.includes(comparable(translator(locale)("rights")))) incomplete.push("(e)-(f)");
  return { noSystems: list.length === 0, gaps, incomplete };
}

export function hasRegisterProblems(p: RegisterProblems): boolean {
  return p.noSystems || p.gaps.length > 0 || p.incomplete.length > 0;
}
