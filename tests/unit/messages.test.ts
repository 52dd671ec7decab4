import { describe, it, expect } from "vitest";
import IntlMessageFormat from "intl-messageformat";
import { loadMessages } from "@/i18n/messages";

// The merged messages (core file + every feature area), as the app sees them.
const nb = loadMessages("nb");
const nn = loadMessages("nn");
const en = loadMessages("en");

type Tree = { [key: string]: unknown };
const LOCALES = { nb, nn, en } as const satisfies Record<string, Tree>;
type LocaleId = keyof typeof LOCALES;
const TRANSLATIONS = ["nn", "en"] as const;

/** Flattens a message tree into "a.b.c" → value for every leaf. */
function leaves(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [p, v] of leaves(value as Tree, path)) out.set(p, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/**
 * Names of the top-level ICU arguments in a message: `{name}` or `{name, …}` at brace depth 1.
 * Arguments nested inside plural/select branches are not counted. Honours ICU apostrophe quoting
 * ('' is a literal apostrophe; an apostrophe before { } # | starts a quoted literal).
 */
export function topLevelArguments(message: string): Set<string> {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const ch = message[i];
    if (ch === "'") {
      const next = message[i + 1];
      if (next === "'") {
        i++;
      } else if (next !== undefined && "{}#|".includes(next)) {
        const end = message.indexOf("'", i + 1);
        i = end === -1 ? message.length : end;
      }
      continue;
    }
    if (ch === "{") {
      depth++;
      if (depth === 1) {
        const match = /^\s*([\p{L}_][\p{L}\p{N}_-]*)\s*[,}]/u.exec(message.slice(i + 1));
        if (match?.[1]) names.add(match[1]);
      }
    } else if (ch === "}") {
      depth--;
    }
  }
  return names;
}

/**
 * Leaves that may legitimately be identical to the bokmål text. Keep this short: each entry
 * needs a reason. Bokmål and nynorsk share many short UI nouns, which is why nn has more.
 */
const SAME_AS_NB: Record<(typeof TRANSLATIONS)[number], Record<string, string>> = {
  en: {
    "sitePages.accessibility.statusHeading": "“Status” is the same word in English",
    "sitePages.accessibility.columns.status": "“Status” is the same word in English",
    "sitePages.accessibility.methodShort.axe": "tool name",
    "sitePages.privacy.complaintLink": "authority name and address",
    "requestForm.heading": "only a placeholder",
    "home.start": "“Start” is the same word in English",
    "receipt.statusLabel": "“Status” is the same word in English",
    "staff.colStatus": "“Status” is the same word in English",
    "staffQueue.identityShort.idporten_substantial": "service name",
    "adminLog.templateTarget": "placeholders only",
    "adminLog.valueLine": "placeholders only",
    "dashboard.colStatus": "“Status” is the same word in English",
    "complaints.staff.colStatus": "“Status” is the same word in English",
    "letters.page.colStatus": "“Status” is the same word in English",
  },
  nn: {
    // docs/terminology.md: one term per concept; these terms are spelt the same in bokmål and nynorsk.
    "identity.nav.myCases": "page name «Mine saker» (docs/terminology.md)",
    "myCases.listHeading": "page name «Mine saker» (docs/terminology.md)",
    "myCases.backToList": "“Tilbake til Mine saker”: the same words in nynorsk",
    "identity.stepUp.back": "“Tilbake til Mine saker”: the same words in nynorsk",
    "identity.nav.signIn": "“Logg inn” is the nynorsk term too (docs/terminology.md)",
    "identity.login.title": "“Logg inn” is the nynorsk term too (docs/terminology.md)",
    "identity.login.heading": "“Logg inn” is the nynorsk term too (docs/terminology.md)",
    "identity.nav.signOut": "“Logg ut” is the nynorsk term too (docs/terminology.md)",
    "staffQueue.nav.signOut": "“Logg ut” is the nynorsk term too (docs/terminology.md)",
    "identity.login.idportenHeading": "“Med ID-porten” is the same in nynorsk",
    "identity.login.idportenButton": "“Logg inn med ID-porten” is the same in nynorsk",
    "identity.stepUp.button": "“Logg inn med ID-porten” is the same in nynorsk",
    "identity.stepUp.headingSubstantial": "“Du må logge inn med ID-porten” is the same in nynorsk",
    "staffQueue.signin.oidcButtonNamed": "“Logg inn med {name}” is the same in nynorsk",
    "requestFlow.steps.back": "“Tilbake” is the nynorsk term too (docs/terminology.md)",
    "requestFlow.home.innsynContact": "the same words in nynorsk",
    "requestFlow.receipt.complaintDatatilsynet": "the same words in nynorsk (authority name and address)",
    "requestFlow.letter.complaintDatatilsynet": "the same words in nynorsk (authority name and address)",
    "requestFlow.letter.referenceLine": "“Saksnummer: …” is the same in nynorsk",
    "myCases.colReference": "“Saksnummer” is the same in nynorsk",
    "dashboard.colReference": "“Saksnummer” is the same in nynorsk",
    "complaints.staff.colReference": "“Saksnummer” is the same in nynorsk",
    "retention.admin.reference": "“Saksnummer” is the same in nynorsk",
    "staffQueue.nav.label": "“Saksbehandling” is the nynorsk term too (docs/terminology.md)",
    "staffQueue.admin.nav.label": "“Administrasjon” is the same in nynorsk",
    "staffQueue.admin.users.editHeading": "“Endre {name}” is the same in nynorsk",
    "staffQueue.admin.units.editHeading": "“Endre {name}” is the same in nynorsk",
    "dashboard.nav": "“Oversikt” is the nynorsk term too (docs/terminology.md)",
    "dashboard.title": "“Oversikt over personvernsaker” is the same in nynorsk",
    "dashboard.colStatus": "“Status” is the same in nynorsk",
    "complaints.staff.colStatus": "“Status” is the same in nynorsk",
    "complaints.staff.statusLabel": "“Status” is the same in nynorsk",
    "letters.page.colStatus": "“Status” is the same in nynorsk",
    "letters.printQueue.colReference": "“Saksnummer” is the same in nynorsk",
    "letters.template.referenceLines": "“Saksnummer: … Dato: …” is the same in nynorsk",
    "letters.page.noDecisionsHeading": "“Registrer vedtak først” is the same in nynorsk",
    "letters.page.deliveryPortal": "the same words in nynorsk (sikker melding, docs/terminology.md)",
    "letters.page.sentPortal": "the same words in nynorsk (sikker melding, docs/terminology.md)",
    "sitePages.footer.privacy": "“Personvern i portalen” is the same in nynorsk",
    "sitePages.accessibility.statusHeading": "“Status” is the same in nynorsk",
    "sitePages.accessibility.assessed": "“Sist vurdert” is the same in nynorsk",
    "sitePages.accessibility.columns.id": "“Krav” is the same in nynorsk",
    "sitePages.accessibility.columns.level": "“Nivå” is the same in nynorsk",
    "sitePages.accessibility.columns.status": "“Status” is the same in nynorsk",
    "sitePages.accessibility.columns.tested": "“Slik kontrollert” is the same in nynorsk",
    "sitePages.accessibility.statusValues.met": "“Oppfylt” is the same in nynorsk",
    "sitePages.accessibility.statusValues.partly": "“Delvis oppfylt” is the same in nynorsk",
    "sitePages.accessibility.methodShort.axe": "tool name",
    "sitePages.accessibility.methodShort.keyboard": "“tastatur” is the same in nynorsk",
    "sitePages.accessibility.methodShort.languages": "“tre språk” is the same in nynorsk",
    "sitePages.accessibility.complaintHeading": "“Klage” is the same in nynorsk",
    "sitePages.privacy.metaTitle": "service name",
    "sitePages.privacy.items.signIn.title": "“Innlogging” is the same in nynorsk",
    "sitePages.privacy.items.draft.what": "“Det du har fylt ut i skjemaet” is the same in nynorsk",
    "sitePages.privacy.items.mail.title": "“E-post vi sender deg” is the same in nynorsk",
    "sitePages.privacy.items.abuse.title": "“Vern mot misbruk” is the same in nynorsk",
    "sitePages.privacy.complaintHeading": "“Klage til Datatilsynet” is the same in nynorsk",
    "sitePages.privacy.complaintLink": "authority name and address",
    "sitePages.admin.submit": "“Lagre” is the same in nynorsk",
    "requestForm.heading": "only a placeholder",
    "demoMailbox.filterButton": "“Vis” is the same in nynorsk",
    "dashboard.jobs.colJob": "“Jobb” is the same in nynorsk",
    "dashboard.jobs.colLastCompleted": "“Sist fullført” is the same in nynorsk",
    "dashboard.jobs.colLastFailed": "“Siste feil” is the same in nynorsk",
    "dashboard.jobs.noFailure": "“Ingen” is the same in nynorsk",
    "dashboard.jobs.names.retention": "“Sletting og anonymisering etter oppbevaringstid” is the same in nynorsk",
    "mail.complaint_answered.linkIntro": "“Logg inn og les svaret” is the same in nynorsk",
    "meta.title": "service name (Personvernportalen) + placeholder",
    "layout.portalName": "service name",
    "layout.languageLabel": "“Språk” is the same in nynorsk",
    "layout.footerPostal": "“Postadresse” is the same in nynorsk",
    "layout.footerPhone": "“Telefon” is the same in nynorsk",
    "layout.footerEmail": "“E-post” is the same in nynorsk",
    "layout.footerVisiting": "“Besøksadresse” is the same in nynorsk",
    "home.start": "“Start” is the same in nynorsk",
    "caseStatus.refused": "“Avslått” is the nynorsk participle too",
    "layout.demoRegion": "“Demomodus” is the same in nynorsk",
    "rights.access.legalName": "“Rett til innsyn” is the same in nynorsk",
    "rights.access.short": "“Innsyn” is the same in nynorsk",
    "rights.rectification.legalName": "“Rett til retting” is the same in nynorsk",
    "rights.rectification.short": "“Retting” is the same in nynorsk",
    "rights.erasure.legalName": "“Rett til sletting” is the same in nynorsk",
    "rights.erasure.short": "“Sletting” is the same in nynorsk",
    "rights.objection.legalName": "“Rett til å protestere” is the same in nynorsk",
    "rights.objection.short": "“Protest” is the same in nynorsk",
    "rights.portability.legalName": "“Rett til dataportabilitet” is the same in nynorsk",
    "rights.portability.short": "“Dataportabilitet” is the same in nynorsk",
    "staffCaseStatus.in_progress": "“Under behandling”, as caseStatus.in_progress",
    "dashboard.status.in_progress": "“Under behandling”, as caseStatus.in_progress",
    "dashboard.downloadCsv": "“Last ned som CSV” is the same in nynorsk",
    "dashboard.downloadExcel": "“Last ned for Excel” is the same in nynorsk",
    "trends.title": "“Statistikk over personvernsaker” is the same in nynorsk",
    "trends.downloadCsv": "“Last ned som CSV” is the same in nynorsk",
    "trends.downloadExcel": "“Last ned for Excel” is the same in nynorsk",
    "trends.onTimeCard.answeredLate": "“… avgjort etter fristen” is the same in nynorsk",
    "trends.onTimeCard.periodToday": "“Periode: … til i dag” is the same in nynorsk",
    "trends.onTimeCard.periodRange": "“Periode: … til …” is the same in nynorsk",
    "trends.summary.decided": "“Avgjort” is the nynorsk participle too",
    "trends.chartRegion": "“Diagram” is the same in nynorsk",
    "trends.tableRegion": "“Tabell” is the same in nynorsk",
    "staffCaseStatus.refused": "“Avslått” is the nynorsk participle too",
    "caseWork.decide.outcomes.refused": "“Avslått” is the nynorsk participle too",
    "letters.template.outcome.refused": "“avslått” is the nynorsk participle too",
    "letters.page.outcome.refused": "“Avslått” is the nynorsk participle too",
    "caseStatus.in_progress": "“Under behandling” is the nynorsk term used in personopplysningslova",
    "channel.web": "“Nettskjema” is the same in nynorsk",
    "channel.email": "“E-post” is the same in nynorsk",
    "channel.letter": "“Brev” is the same in nynorsk",
    "channel.phone": "“Telefon” is the same in nynorsk",
    "channel.counter": "“Skranke” is the same in nynorsk",
    "requestForm.emailLabel": "“E-postadresse” is the same in nynorsk",
    "requestForm.sending": "“Sender” is the nynorsk present tense too",
    "receipt.referenceLabel": "“Saksnummer” is the same in nynorsk",
    "receipt.statusLabel": "“Status” is the same in nynorsk",
    "staff.signOut": "“Logg ut” is the same in nynorsk",
    "staff.queueHeading": "“Saker” is the same in nynorsk",
    "staff.colReference": "“Saksnummer” is the same in nynorsk",
    "staff.colStatus": "“Status” is the same in nynorsk",
    "staff.colDue": "“Frist” is the same in nynorsk",
    "staff.nextPage": "“Neste side” is the same in nynorsk",
    "staff.firstPage": "“Første side” is the same in nynorsk",
    "demoMailbox.to": "“Til” is the same in nynorsk",
    "demoMailbox.subject": "“Emne” is the same in nynorsk",
    "staffQueue.filters.search": "“Søk” is the same in nynorsk",
    "staffQueue.article": "“art.” is the same abbreviation",
    "staffQueue.identityShort.email_code": "“E-postkode” is the same in nynorsk",
    "staffQueue.identityShort.idporten_substantial": "service name",
    "staffQueue.identityShort.verified_in_person": "“Oppmøte” is the same in nynorsk",
    "staffQueue.searchRegion": "“Finn saker” is the same in nynorsk",
    "staffQueue.colIdentity": "“Identitet” is the same in nynorsk",
    "caseWork.actionBar.close": "“Lukk skjemaet” is the same in nynorsk",
    "caseWork.actionBar.actions.extend": "“Forleng fristen” is the same in nynorsk",
    "caseWork.actionBar.actions.assign": "“Tildel” is the same in nynorsk",
    "requestDetails.emailLabel": "“E-post” is the same in nynorsk",
    "requestDetails.postalAddressLabel": "“Postadresse” is the same in nynorsk",
    "requestDetails.phoneLabel": "“Telefon” is the same in nynorsk",
    "caseWork.followUp.answer": "“Gå til samtalen” is the same in nynorsk",
    "caseWork.timeline.showLetter": "“Vis brevet” is the same in nynorsk",
    "myCases.letterPdf": "“Last ned brevet som PDF” is the same in nynorsk",
    "myCases.concerns": "“barnet ditt”, “med fullmakt” and “deg” are the same in nynorsk",
    "staffQueue.views.follow_up": "“Oppfølging” is the same in nynorsk",
    "staffQueue.views.followUpCount": "“Oppfølging” is the same in nynorsk",
    "staffQueue.followUpTag": "the same words in nynorsk",
    "errorPage.portalName": "service name",
    "adminLog.nav": "the same word in nynorsk",
    "adminLog.heading": "the same word in nynorsk",
    "adminLog.at": "the same word in nynorsk",
    "adminLog.change": "the same word in nynorsk",
    "adminLog.before": "the same word in nynorsk",
    "adminLog.after": "the same word in nynorsk",
    "adminLog.fields.email": "the same word in nynorsk",
    "adminLog.fields.roles": "the same word in nynorsk",
    "adminLog.fields.active": "the same word in nynorsk",
    "adminLog.fields.retentionYears": "the same word in nynorsk",
    "adminLog.fields.body": "the same word in nynorsk",
    "adminLog.values.yes": "the same word in nynorsk",
    "adminLog.values.no": "the same word in nynorsk",
    "adminLog.values.empty": "the same word in nynorsk",
    "adminLog.values.none": "the same word in nynorsk",
    "adminLog.values.standardText": "the same word in nynorsk",
    "adminLog.templateTarget": "placeholders only",
    "adminLog.valueLine": "placeholders only",
    "demoClock.moveHeading": "same words in nynorsk",
    "demoClock.plusOneDay": "same words in nynorsk",
    "demoClock.dateLabel": "same words in nynorsk",
    "demoClock.dateSubmit": "same words in nynorsk",
  },
};

// The records of processing (messages/records): the same words in nynorsk (and "Status", "{system}:" in English).
for (const path of ["records.navLabel", "records.admin.heading", "records.admin.new", "records.admin.newHeading", "records.admin.editHeading", "records.admin.back", "records.admin.columns.name", "records.admin.columns.transfers", "records.admin.columns.status", "records.admin.yes", "records.admin.no", "records.admin.active", "records.admin.edit", "records.admin.addMissing", "records.admin.reactivate", "records.admin.submitCreate", "records.admin.submitUpdate", "records.admin.fieldsets.about", "records.admin.fieldsets.transfers", "records.admin.fields.purposes.label", "records.admin.fields.storagePeriod.label", "records.admin.errors.required", "records.admin.errors.tooLong", "records.tasks.entry", "records.tasks.changeHeading", "records.tasks.changeLabel", "records.tasks.changeSubmit", "records.letter.system", "records.letter.purposes"]) SAME_AS_NB.nn[path] = "the same in nynorsk";
for (const path of ["records.admin.columns.status", "records.letter.system"]) SAME_AS_NB.en[path] = "the same word or only the system name";
for (const path of ["platform.panel.heading", "platform.panel.caseFolder", "platform.panel.manualCurrent", "platform.panel.manualHeading", "platform.panel.manualChange", "platform.panel.manualLabel", "platform.panel.manualSubmit", "platform.panel.retry", "platform.panel.kinds.svarut_letter", "platform.panel.kinds.krr_lookup", "platform.panel.letterKinds.receipt", "platform.panel.letterKinds.response", "platform.panel.letterKinds.message", "platform.panel.status.journaled", "platform.panel.status.delivered", "platform.panel.status.checked", "platform.panel.svarut.delivered_digitally", "platform.panel.languages.nb", "platform.panel.languages.nn", "platform.panel.languages.en", "platform.panel.languages.se", "platform.panel.errors.required", "platform.timeline.archive_journaled", "platform.timeline.archive_journaled_ref", "platform.timeline.krr_checked", "platform.timeline.letter_svarut_sent", "platform.timeline.letter_svarut_status", "platform.timeline.archive_reference_recorded", "platform.dashboard.heading", "platform.dashboard.cases"]) SAME_AS_NB.nn[path] = "the same in nynorsk";
for (const path of ["platform.timeline.letter_svarut_status"]) SAME_AS_NB.en[path] = "the SvarUt status word only";
for (const path of ["adminLog.fields.storagePeriod", "adminLog.fields.transfersOutsideEea", "adminLog.fields.purposes"]) SAME_AS_NB.nn[path] = "the same in nynorsk";
SAME_AS_NB.nn["unanswered.admin.submit"] = "Lagre is the nynorsk verb too";

const flat = Object.fromEntries(
  Object.entries(LOCALES).map(([locale, tree]) => [locale, leaves(tree)]),
) as Record<LocaleId, Map<string, unknown>>;

const nbPaths = [...flat.nb.keys()];

// Element type codes of @formatjs/icu-messageformat-parser (its TYPE enum).
const ARGUMENT = 1, NUMBER = 2, DATE = 3, TIME = 4, SELECT = 5, PLURAL = 6, TAG = 8;

/** Sample values so every message can actually be formatted, chosen by each top-level element's type. */
function sampleValues(ast: ReturnType<IntlMessageFormat["getAst"]>, values: Record<string, unknown> = {}): Parameters<IntlMessageFormat["format"]>[0] {
  for (const el of ast) {
    // Arguments inside plural/select branches need values too (the branch "other" is formatted).
    if ("options" in el) for (const option of Object.values(el.options as Record<string, { value: typeof ast }>)) sampleValues(option.value, values);
    if ("children" in el && Array.isArray(el.children)) sampleValues(el.children as typeof ast, values);
    if (!("value" in el) || typeof el.value !== "string") continue;
    if (el.type === NUMBER || el.type === PLURAL) values[el.value] = 2;
    else if (el.type === DATE || el.type === TIME) values[el.value] = new Date(0);
    else if (el.type === TAG) values[el.value] = (chunks: unknown) => chunks;
    else if (el.type === ARGUMENT || el.type === SELECT) values[el.value] ??= "x";
  }
  return values as Parameters<IntlMessageFormat["format"]>[0];
}

/** Option keys (=0, one, other, …) of every top-level plural/select, keyed by argument name. */
function selectorOptions(ast: ReturnType<IntlMessageFormat["getAst"]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const el of ast) {
    if ("options" in el && "value" in el && typeof el.value === "string") {
      out[el.value] = Object.keys(el.options as object).sort();
    }
  }
  return out;
}

describe("topLevelArguments", () => {
  it("finds simple and plural arguments at depth 1 only", () => {
    expect(topLevelArguments("Hei {name}, {days, plural, one {# dag {x}} other {# dagar}}")).toEqual(
      new Set(["name", "days"]),
    );
    expect(topLevelArguments("No arguments here")).toEqual(new Set());
    expect(topLevelArguments("Quoted '{literal}' and it''s {real}")).toEqual(new Set(["real"]));
  });
});

describe("message catalogues", () => {
  it.each(TRANSLATIONS)("%s has exactly the same leaf key paths as nb", (locale) => {
    expect([...flat[locale].keys()].sort()).toEqual([...nbPaths].sort());
  });

  it.each(Object.keys(LOCALES) as LocaleId[])("every leaf in %s is a non-empty string", (locale) => {
    for (const [path, value] of flat[locale]) {
      expect(typeof value, `${locale}:${path}`).toBe("string");
      expect((value as string).trim(), `${locale}:${path}`).not.toBe("");
    }
  });

  it.each(TRANSLATIONS)("%s uses the same top-level ICU arguments as nb in every message", (locale) => {
    for (const path of nbPaths) {
      const source = flat.nb.get(path);
      const target = flat[locale].get(path);
      if (typeof source !== "string" || typeof target !== "string") continue; // reported by other tests
      expect(topLevelArguments(target), `${locale}:${path}`).toEqual(topLevelArguments(source));
    }
  });

  it.each(TRANSLATIONS)("%s has no untranslated copies of nb text outside the allowlist", (locale) => {
    const allowed = SAME_AS_NB[locale];
    for (const path of Object.keys(allowed)) {
      expect(flat.nb.has(path), `allowlisted key ${locale}:${path} does not exist in nb`).toBe(true);
    }
    const copies = nbPaths.filter((path) => !(path in allowed) && flat[locale].get(path) === flat.nb.get(path));
    expect(copies, `${locale} leaves identical to nb`).toEqual([]);
  });

  it.each(Object.keys(LOCALES) as LocaleId[])("every message in %s parses and formats with intl-messageformat", (locale) => {
    for (const [path, value] of flat[locale]) {
      if (typeof value !== "string") continue;
      let format: IntlMessageFormat | undefined;
      expect(() => {
        format = new IntlMessageFormat(value, locale);
      }, `${locale}:${path}`).not.toThrow();
      const ast = format!.getAst();
      expect(() => format!.format(sampleValues(ast)), `${locale}:${path}`).not.toThrow();
    }
  });

  it.each(TRANSLATIONS)("%s keeps the plural/select branches of nb", (locale) => {
    for (const path of nbPaths) {
      const source = flat.nb.get(path);
      const target = flat[locale].get(path);
      if (typeof source !== "string" || typeof target !== "string") continue;
      const sourceOptions = selectorOptions(new IntlMessageFormat(source, "nb").getAst());
      const targetOptions = selectorOptions(new IntlMessageFormat(target, locale).getAst());
      expect(targetOptions, `${locale}:${path}`).toEqual(sourceOptions);
    }
  });
});

// Issue 9: one word per outcome and per language, for staff and citizens alike, on every screen and
// in the letters; the citizen's "waiting for your reply" never reaches staff.
describe("one term per outcome", () => {
  const pick = (tree: Tree, path: string) => leaves(tree).get(path);
  const capitalised = (s: unknown) => (typeof s === "string" ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  const OUTCOME_STATUS = { granted: "completed", partially_granted: "partially_completed", refused: "refused" } as const;

  it.each(Object.keys(LOCALES) as LocaleId[])("%s: decision form, letter page, letter text, staff and citizen statuses agree", (locale) => {
    const m = LOCALES[locale] as Tree;
    for (const [outcome, status] of Object.entries(OUTCOME_STATUS)) {
      const term = pick(m, `caseWork.decide.outcomes.${outcome}`);
      expect(pick(m, `letters.page.outcome.${outcome}`), `${locale} letters.page.outcome.${outcome}`).toBe(term);
      expect(capitalised(pick(m, `letters.template.outcome.${outcome}`)), `${locale} letters.template.outcome.${outcome}`).toBe(term);
      expect(pick(m, `staffCaseStatus.${status}`), `${locale} staffCaseStatus.${status}`).toBe(term);
      expect(pick(m, `caseStatus.${status}`), `${locale} caseStatus.${status}`).toBe(term);
    }
  });

  it.each(Object.keys(LOCALES) as LocaleId[])("%s: staff statuses equal the citizen's, except waiting (which names the requester)", (locale) => {
    const m = LOCALES[locale] as Tree;
    const staff = m.staffCaseStatus as Record<string, string>;
    const citizen = m.caseStatus as Record<string, string>;
    expect(Object.keys(staff).sort()).toEqual(Object.keys(citizen).sort());
    for (const status of Object.keys(citizen)) {
      if (status === "awaiting_requester") {
        expect(staff[status]).not.toBe(citizen[status]);
        expect(staff[status]).not.toMatch(/\b(deg|you|your)\b/i);
      } else {
        expect(staff[status], `${locale} staffCaseStatus.${status}`).toBe(citizen[status]);
      }
    }
    // The dashboard's status words are the staff words.
    for (const [status, label] of Object.entries((m.dashboard as Tree).status as Record<string, string>)) {
      expect(label, `${locale} dashboard.status.${status}`).toBe(staff[status]);
    }
  });
});
