/**
 * The accessibility statement's facts (issue 13, item 9), pure: every WCAG 2.1 success criterion of
 * levels A and AA (the regulation on universal design of ICT, forskrift om universell utforming av
 * informasjons- og kommunikasjonsteknologiske (IKT)-løsninger, requires WCAG 2.1 A and AA of public
 * websites, with a few exceptions for time-based media; listing all 50 covers its list whatever
 * the exceptions), how the portal stands on each, and how that is checked.
 * Names: the authorised Norwegian translation of WCAG 2.1 (bokmål), nynorsk after it, W3C's English.
 * Update ACCESSIBILITY_ASSESSED_ON whenever a status or a deviation changes.
 */

export const ACCESSIBILITY_ASSESSED_ON = "2026-12-06";

export type WcagLevel = "A" | "AA";
/** met: fulfilled everywhere; partly: see the deviation; not_applicable: the portal has no such content. */
export type WcagStatus = "met" | "partly" | "not_applicable";
/** How a criterion is checked (texts in sitePages.accessibility.methods). */
export const TEST_METHODS = ["axe", "keyboard", "reflow", "noScript", "languages", "manual"] as const;
export type TestMethod = (typeof TEST_METHODS)[number];
/** Known deviations (texts in sitePages.accessibility.deviations). */
export const DEVIATIONS = ["pdfUntagged", "sessionTimeout"] as const;
export type Deviation = (typeof DEVIATIONS)[number];

export type WcagCriterion = {
  id: string;
  level: WcagLevel;
  name: { nb: string; nn: string; en: string };
  status: WcagStatus;
  tested: readonly TestMethod[];
  deviation?: Deviation;
};

const c = (
  id: string,
  level: WcagLevel,
  nb: string,
  nn: string,
  en: string,
  status: WcagStatus,
  tested: readonly TestMethod[],
  deviation?: Deviation,
): WcagCriterion => ({ id, level, name: { nb, nn, en }, status, tested, ...(deviation ? { deviation } : {}) });

const NO_MEDIA: readonly TestMethod[] = ["manual"];

export const WCAG_CRITERIA: readonly WcagCriterion[] = [
  c("1.1.1", "A", "Ikke-tekstlig innhold", "Ikkje-tekstleg innhald", "Non-text Content", "met", ["axe", "manual"]),
  c("1.2.1", "A", "Bare lyd og bare video (forhåndsinnspilt)", "Berre lyd og berre video (førehandsinnspelt)", "Audio-only and Video-only (Prerecorded)", "not_applicable", NO_MEDIA),
  c("1.2.2", "A", "Teksting (forhåndsinnspilt)", "Teksting (førehandsinnspelt)", "Captions (Prerecorded)", "not_applicable", NO_MEDIA),
  c("1.2.3", "A", "Synstolking eller mediealternativ (forhåndsinnspilt)", "Synstolking eller mediealternativ (førehandsinnspelt)", "Audio Description or Media Alternative (Prerecorded)", "not_applicable", NO_MEDIA),
  c("1.2.4", "AA", "Teksting (direkte)", "Teksting (direkte)", "Captions (Live)", "not_applicable", NO_MEDIA),
  c("1.2.5", "AA", "Synstolking (forhåndsinnspilt)", "Synstolking (førehandsinnspelt)", "Audio Description (Prerecorded)", "not_applicable", NO_MEDIA),
  c("1.3.1", "A", "Informasjon og relasjoner", "Informasjon og relasjonar", "Info and Relationships", "partly", ["axe", "reflow", "manual"], "pdfUntagged"),
  c("1.3.2", "A", "Meningsfylt rekkefølge", "Meiningsfull rekkjefølgje", "Meaningful Sequence", "partly", ["keyboard", "reflow", "manual"], "pdfUntagged"),
  c("1.3.3", "A", "Sensoriske egenskaper", "Sensoriske eigenskapar", "Sensory Characteristics", "met", ["manual"]),
  c("1.3.4", "AA", "Visningsretning", "Visingsretning", "Orientation", "met", ["reflow", "manual"]),
  c("1.3.5", "AA", "Identifiser formål med inndata", "Identifiser formål med inndata", "Identify Input Purpose", "met", ["axe", "manual"]),
  c("1.4.1", "A", "Bruk av farge", "Bruk av farge", "Use of Color", "met", ["axe", "manual"]),
  c("1.4.2", "A", "Styring av lyd", "Styring av lyd", "Audio Control", "not_applicable", NO_MEDIA),
  c("1.4.3", "AA", "Kontrast (minimum)", "Kontrast (minimum)", "Contrast (Minimum)", "met", ["axe"]),
  c("1.4.4", "AA", "Endring av tekststørrelse", "Endring av tekststorleik", "Resize text", "met", ["reflow", "manual"]),
  c("1.4.5", "AA", "Bilder av tekst", "Bilete av tekst", "Images of Text", "met", ["manual"]),
  c("1.4.10", "AA", "Dynamisk tilpasning (Reflow)", "Dynamisk tilpassing (Reflow)", "Reflow", "met", ["reflow"]),
  c("1.4.11", "AA", "Kontrast for ikke-tekstlig innhold", "Kontrast for ikkje-tekstleg innhald", "Non-text Contrast", "met", ["manual"]),
  c("1.4.12", "AA", "Tekstavstand", "Tekstavstand", "Text Spacing", "met", ["axe", "manual"]),
  c("1.4.13", "AA", "Pekerfølsomt innhold eller innhold ved tastaturfokus", "Peikarsensitivt innhald eller innhald ved tastaturfokus", "Content on Hover or Focus", "met", ["manual"]),
  c("2.1.1", "A", "Tastatur", "Tastatur", "Keyboard", "met", ["keyboard"]),
  c("2.1.2", "A", "Ingen tastaturfelle", "Inga tastaturfelle", "No Keyboard Trap", "met", ["keyboard"]),
  c("2.1.4", "A", "Hurtigtaster som består av ett tegn", "Hurtigtastar som består av eitt teikn", "Character Key Shortcuts", "met", ["manual"]),
  c("2.2.1", "A", "Justerbar hastighet", "Justerbar hastigheit", "Timing Adjustable", "partly", ["manual"], "sessionTimeout"),
  c("2.2.2", "A", "Pause, stopp, skjul", "Pause, stopp, skjul", "Pause, Stop, Hide", "met", ["manual"]),
  c("2.3.1", "A", "Terskelverdi på maksimalt tre glimt", "Terskelverdi på maksimalt tre glimt", "Three Flashes or Below Threshold", "met", ["manual"]),
  c("2.4.1", "A", "Hoppe over blokker", "Hoppe over blokker", "Bypass Blocks", "met", ["axe", "keyboard"]),
  c("2.4.2", "A", "Sidetitler", "Sidetitlar", "Page Titled", "met", ["axe", "languages"]),
  c("2.4.3", "A", "Fokusrekkefølge", "Fokusrekkjefølgje", "Focus Order", "met", ["keyboard"]),
  c("2.4.4", "A", "Formål med lenke (i kontekst)", "Formål med lenkje (i kontekst)", "Link Purpose (In Context)", "met", ["axe", "manual"]),
  c("2.4.5", "AA", "Flere måter", "Fleire måtar", "Multiple Ways", "met", ["manual"]),
  c("2.4.6", "AA", "Overskrifter og ledetekster", "Overskrifter og leietekstar", "Headings and Labels", "met", ["axe", "manual"]),
  c("2.4.7", "AA", "Synlig fokus", "Synleg fokus", "Focus Visible", "met", ["keyboard", "manual"]),
  c("2.5.1", "A", "Pekerbevegelser", "Peikarrørsler", "Pointer Gestures", "met", ["manual"]),
  c("2.5.2", "A", "Pekeravbrytelse", "Peikaravbryting", "Pointer Cancellation", "met", ["manual"]),
  c("2.5.3", "A", "Ledetekst i navn", "Leietekst i namn", "Label in Name", "met", ["axe", "manual"]),
  c("2.5.4", "A", "Bevegelsesaktivering", "Rørsleaktivering", "Motion Actuation", "not_applicable", ["manual"]),
  c("3.1.1", "A", "Språk på siden", "Språk på sida", "Language of Page", "met", ["axe", "languages"]),
  c("3.1.2", "AA", "Språk på deler av innhold", "Språk på delar av innhaldet", "Language of Parts", "met", ["languages", "manual"]),
  c("3.2.1", "A", "Fokus", "Fokus", "On Focus", "met", ["keyboard"]),
  c("3.2.2", "A", "Inndata", "Inndata", "On Input", "met", ["keyboard", "noScript"]),
  c("3.2.3", "AA", "Konsekvent navigering", "Konsekvent navigering", "Consistent Navigation", "met", ["manual"]),
  c("3.2.4", "AA", "Konsekvent identifikasjon", "Konsekvent identifikasjon", "Consistent Identification", "met", ["manual"]),
  c("3.3.1", "A", "Identifikasjon av feil", "Identifikasjon av feil", "Error Identification", "met", ["keyboard", "noScript"]),
  c("3.3.2", "A", "Ledetekster eller instruksjoner", "Leietekstar eller instruksjonar", "Labels or Instructions", "met", ["axe"]),
  c("3.3.3", "AA", "Forslag ved feil", "Forslag ved feil", "Error Suggestion", "met", ["noScript", "manual"]),
  c("3.3.4", "AA", "Forhindring av feil (juridiske feil, økonomiske feil, datafeil)", "Førebygging av feil (juridiske feil, økonomiske feil, datafeil)", "Error Prevention (Legal, Financial, Data)", "met", ["keyboard", "manual"]),
  c("4.1.1", "A", "Parsing (oppdeling)", "Parsing (oppdeling)", "Parsing", "met", ["axe"]),
  c("4.1.2", "A", "Navn, rolle, verdi", "Namn, rolle, verdi", "Name, Role, Value", "met", ["axe", "keyboard"]),
  c("4.1.3", "AA", "Statusbeskjeder", "Statusmeldingar", "Status Messages", "met", ["manual"]),
];

/** The statement's overall status, as uustatus.no asks for it: all met, partly, or not. */
export function overallConformance(criteria: readonly WcagCriterion[] = WCAG_CRITERIA): "full" | "partial" {
  return criteria.some((criterion) => criterion.status === "partly") ? "partial" : "full";
}

/** The criteria with a given deviation, for "what does not work yet". */
export function criteriaWith(deviation: Deviation, criteria: readonly WcagCriterion[] = WCAG_CRITERIA): WcagCriterion[] {
  return criteria.filter((criterion) => criterion.deviation === deviation);
}
