// Issue 13, item 11: one term per concept in bokmål, nynorsk and English (docs/terminology.md).
// Every messages/**/<locale>.json is read from disk (not only the areas the app merges today), plus
// the user-visible texts that live outside the catalogues (the WCAG criterion names of the
// accessibility statement). A variant the sheet rules out fails here with its file, key and the
// words found, and says which term to use instead.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { WCAG_CRITERIA } from "@/lib/domain/wcag";

type Locale = "nb" | "nn" | "en";
const LOCALES: readonly Locale[] = ["nb", "nn", "en"];
const ROOT = path.resolve(import.meta.dirname, "../../messages");

/** One text a reader can see: where it comes from ("identity/nn.json", "lib/domain/wcag.ts"), its key, its words. */
type Text = { locale: Locale; source: string; key: string; text: string };

function catalogueFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return catalogueFiles(full);
    return /^(nb|nn|en)\.json$/.test(entry.name) ? [full] : [];
  });
}

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  return [];
}

function allTexts(): Text[] {
  const fromCatalogues = catalogueFiles().flatMap((file) => {
    const locale = path.basename(file, ".json") as Locale;
    const source = path.relative(ROOT, file);
    return leaves(JSON.parse(readFileSync(file, "utf8"))).map(([key, text]) => ({ locale, source, key, text }));
  });
  const fromWcag = WCAG_CRITERIA.flatMap((criterion) =>
    LOCALES.map((locale) => ({ locale, source: "lib/domain/wcag.ts", key: `${criterion.id}.name`, text: criterion.name[locale] })),
  );
  return [...fromCatalogues, ...fromWcag];
}

// Word boundaries that know æ, ø, å and ò (JavaScript's \b only knows ASCII letters).
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
/** A whole-word pattern; `flags` adds "i" where case does not matter. */
const words = (source: string, flags = "i") => new RegExp(`${B}(?:${source})${E}`, `u${flags}`);

/** Common verbs whose nynorsk a-infinitive (sende → "senda") must not follow a modal verb. */
const A_INFINITIVES = [
  "senda", "retta", "stadfesta", "logga", "visa", "skriva", "prøva", "lesa", "lagra", "sjekka", "fylla", "opna",
  "bruka", "sletta", "lasta", "henta", "endra", "kontrollera", "registrera", "avslutta", "kontakta", "melda",
  "venta", "arbeida", "tildela", "svara", "vera", "gjera", "koma", "seia", "leggja", "liggja", "søkja", "følgja",
  "ringja", "trekkja", "fortelja", "velja", "setja", "spørja", "tenkja", "merkja", "forlengja", "byggja", "finna",
  "gjeva", "hjelpa", "halda", "ta vara",
];
const MODAL = "må|kan|skal|vil|bør|kunne|skulle|ville|måtte";
const SUBJECT = "du|vi|eg|de|dei|han|ho|det|me|nokon|ein|innbyggjaren|kommunen";
const ADVERB = "ikkje|berre|også|framleis|alltid|likevel|gjerne|heller|no|sjølv";

type Rule = { id: string; locales: readonly Locale[]; pattern: RegExp; use: string };

/** The variants docs/terminology.md rules out, per language, and what to write instead. */
const RULES: readonly Rule[] = [
  // Nynorsk: e-infinitive.
  { id: "nn-a-infinitive-after-å", locales: ["nn"], pattern: new RegExp(`${B}å\\s+(\\p{L}{3,}a)${E}`, "u"), use: "e-infinitive (å sende, å rette, å stadfeste)" },
  {
    id: "nn-a-infinitive-after-modal",
    locales: ["nn"],
    pattern: new RegExp(`${B}(?:${MODAL})\\s+(?:(?:${SUBJECT})\\s+)?(?:(?:${ADVERB})\\s+)*(?:${A_INFINITIVES.join("|")})${E}`, "iu"),
    use: "e-infinitive (må du rette, kan vise, kan prøve)",
  },
  // The citizen's case page.
  { id: "nn-sakene-mine", locales: ["nn"], pattern: words("sakene mine"), use: "«Mine saker», the page name in all three languages' menus, letters and receipts" },
  // Signing in and out.
  { id: "logg-på", locales: ["nb", "nn"], pattern: words("logg(?:e|a|er|ar)?\\s+(?:på|av)"), use: "logg inn / logg ut" },
  { id: "en-log-in", locales: ["en"], pattern: words("log(?:s|ging)?[ -]?(?:in|on|out)|logged (?:on|out)|logged in(?! the)|login"), use: "sign in / sign out / sign-in (“logged in the case” means recorded and is fine)" },
  { id: "gjennom-id-porten", locales: ["nb", "nn"], pattern: words("gjennom ID-porten"), use: "med ID-porten" },
  { id: "logg-inn-med-bankid", locales: ["nb", "nn"], pattern: words("logg(?:e|a|er|ar|et)?\\s+inn\\s+med\\s+BankID(?!,? (?:MinID|Buypass))"), use: "logg inn med ID-porten (MinID, BankID, Buypass eller Commfides)" },
  { id: "en-sign-in-with-bankid", locales: ["en"], pattern: words("sign(?:ed|ing|s)?\\s+in\\s+with\\s+BankID(?!,? (?:MinID|Buypass))"), use: "sign in with ID-porten (MinID, BankID, Buypass or Commfides)" },
  { id: "only-bankid-as-example", locales: ["nb", "nn", "en"], pattern: /\((?:for eksempel|til dømes|for example) BankID\)/u, use: "name every e-ID of the level: (BankID, Buypass eller Commfides)" },
  // Case processing: behandling in both Norwegian languages.
  { id: "nn-handsaming", locales: ["nn"], pattern: /handsam/iu, use: "behandling, behandle, behandlar, saksbehandlar" },
  // The request and the case number.
  { id: "henvendelse", locales: ["nb", "nn"], pattern: /henvend/iu, use: "forespørsel (nb) / førespurnad (nn)" },
  { id: "vår-referanse", locales: ["nb", "nn"], pattern: words("vår referanse|referansen vår|saksreferanse|nummer på sak(?:a|en)"), use: "saksnummer" },
  { id: "en-case-reference", locales: ["en"], pattern: words("(?:case|our) references?"), use: "case number" },
  { id: "en-reference-label", locales: ["en"], pattern: /^Reference$/u, use: "Case number" },
  // Outcomes.
  { id: "not-granted", locales: ["nb", "nn"], pattern: words("ikke innvilget|ikkje innvilga"), use: "avslått" },
  { id: "en-rejected", locales: ["en"], pattern: words("rejected|declined"), use: "refused" },
  // Words with one nynorsk form in this portal.
  { id: "nn-trygg-melding", locales: ["nn"], pattern: words("trygg(?:e)? melding(?:a|ar)?"), use: "sikker melding" },
  { id: "nn-attende", locales: ["nn"], pattern: words("attende"), use: "tilbake" },
  { id: "nn-fyrst", locales: ["nn"], pattern: words("fyrst(?:e)?"), use: "først / første" },
  { id: "nn-òg", locales: ["nn"], pattern: words("òg", ""), use: "også" },
  { id: "nn-føremål", locales: ["nn"], pattern: /føremål/iu, use: "formål" },
  { id: "nn-bruker-as-noun", locales: ["nn"], pattern: words("(?:ein|kvar|ny|nye|aktiv|same|annan) bruker|bruker(?:en|e|ne|konto|kontoen|namn|meny)"), use: "brukar (the noun); bruker is the verb" },
  { id: "nn-brukar-as-verb", locales: ["nn"], pattern: words("(?:vi|du|eg|dei|de|han|ho|som|kommunen|portalen) brukar"), use: "bruker (the verb: bruke, bruker, brukte); brukar is the noun" },
  { id: "nn-komme", locales: ["nn"], pattern: words("komme|kommer"), use: "kome / kjem" },
  { id: "nn-svarer", locales: ["nn"], pattern: words("svarer"), use: "svarar (svare is an a-verb: svarar, svara)" },
  { id: "nn-vert", locales: ["nn"], pattern: words("vert"), use: "blir" },
  { id: "nn-gje", locales: ["nn"], pattern: words("gje"), use: "gi" },
  { id: "nn-klagen", locales: ["nn"], pattern: words("klagen"), use: "klaga (ei klage)" },
  { id: "nn-ho-as-object", locales: ["nn"], pattern: new RegExp(`${B}(?:til|med|frå|lese|les|bruker|ser|opne|sjå|skrive|skriv) ho${E}(?!\\s+(?:vart|er|blir|kjem|har|var|ikkje|gjeld|kan|skal|må))`, "iu"), use: "henne (object); a masculine noun (ID-en, PDF-en, teksten) is han" },
  { id: "nn-oversyn", locales: ["nn"], pattern: words("oversyn"), use: "oversikt" },
  // Status, retention, closed cases.
  { id: "status-word", locales: ["nn"], pattern: words("stode|tilstand"), use: "status" },
  { id: "en-state-label", locales: ["en"], pattern: /^State$/u, use: "Status" },
  { id: "lagringstid", locales: ["nb", "nn"], pattern: /lagringstid/iu, use: "oppbevaringstid" },
  { id: "sperret-for-sletting", locales: ["nb", "nn"], pattern: words("sperr(?:et|a) for sletting"), use: "holdt tilbake fra sletting / halden tilbake frå sletting" },
  { id: "lukkede-saker", locales: ["nb", "nn"], pattern: words("lukked?e saker|lukka saker"), use: "avsluttede saker / avslutta saker" },
  // English written as English.
  { id: "en-national-id-number", locales: ["en"], pattern: words("national ID numbers?"), use: "national identity number" },
  { id: "en-privacy-portal", locales: ["en"], pattern: /(?<![\p{L}])privacy portal/u, use: "the Privacy Portal (the service's name)" },
  { id: "en-below-you-can-see", locales: ["en"], pattern: words("below you can see"), use: "We explain below …" },
  { id: "en-told-those", locales: ["en"], pattern: words("told those"), use: "informed everyone we shared the data with" },
  { id: "en-you-get-a", locales: ["en"], pattern: words("you get (?:a|the|some) (?:copy|data)"), use: "You will receive …" },
  { id: "en-sentence-then", locales: ["en"], pattern: /(?:^|[.?!]\s+)Then\s/u, use: "If so, … / This lets us … (not a translated «Da …»)" },
  { id: "en-authority-order", locales: ["en"], pattern: /Norwegian Data Protection Authority \(Datatilsynet\)/u, use: "Datatilsynet (the Norwegian Data Protection Authority)" },
];

/**
 * Texts that may keep a ruled-out form, keyed "locale source key" with the rule id and why.
 * Keep it short: each entry needs a reason.
 */
const ALLOWED: Record<string, { rule: string; reason: string }> = {};

type Finding = { locale: Locale; source: string; key: string; rule: string; found: string; use: string };

function findings(texts: readonly Text[], rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const t of texts) {
    for (const rule of rules) {
      if (!rule.locales.includes(t.locale)) continue;
      const match = rule.pattern.exec(t.text);
      if (!match) continue;
      const allowed = ALLOWED[`${t.locale} ${t.source} ${t.key}`];
      if (allowed?.rule === rule.id) continue;
      out.push({ locale: t.locale, source: t.source, key: t.key, rule: rule.id, found: match[0], use: rule.use });
    }
  }
  return out;
}

const describeFinding = (f: Finding) => `${f.source} ${f.key}: «${f.found}» (${f.rule}) – write ${f.use}`;

describe("terminology (docs/terminology.md)", () => {
  const texts = allTexts();

  it("reads every catalogue in all three languages, and the WCAG names", () => {
    const sources = new Set(texts.map((t) => t.source));
    for (const file of ["nn.json", "identity/nn.json", "letters/en.json", "myCases/nb.json", "lib/domain/wcag.ts"]) {
      expect([...sources], file).toContain(file);
    }
    for (const locale of LOCALES) expect(texts.filter((t) => t.locale === locale).length, locale).toBeGreaterThan(1000);
  });

  it.each(LOCALES)("%s: no text uses a variant the terminology sheet rules out", (locale) => {
    expect(findings(texts.filter((t) => t.locale === locale)).map(describeFinding)).toEqual([]);
  });

  it("the chosen terms are really in use (so a wholesale switch back would be noticed too)", () => {
    const all = (locale: Locale) => texts.filter((t) => t.locale === locale).map((t) => t.text).join("\n");
    expect(all("nn")).toMatch(/«Mine saker»/u);
    expect(all("nn")).toMatch(words("behandlinga"));
    expect(all("nn")).toMatch(words("saksnummeret"));
    expect(all("nb")).toMatch(words("saksnummeret"));
    expect(all("en")).toMatch(words("case number"));
    expect(all("nb")).toMatch(/MinID, BankID, Buypass eller Commfides/u);
    expect(all("nn")).toMatch(/MinID, BankID, Buypass eller Commfides/u);
    expect(all("en")).toMatch(/MinID, BankID, Buypass or Commfides/u);
  });

  it("every allowlist entry still names a text that needs it", () => {
    const stale = Object.entries(ALLOWED).filter(([where, { rule }]) => {
      const [locale, source, key] = where.split(" ");
      const text = texts.find((t) => t.locale === locale && t.source === source && t.key === key);
      const pattern = RULES.find((r) => r.id === rule)?.pattern;
      return !text || !pattern || !pattern.test(text.text);
    });
    expect(stale.map(([where]) => where)).toEqual([]);
  });

  // The rules themselves: each catches what it is for and leaves the chosen term alone, so the
  // test above can fail. The samples are the variants issue 13 found in the catalogues.
  const SAMPLES: [rule: string, locale: Locale, bad: string, good: string][] = [
    ["nn-a-infinitive-after-å", "nn", "Du loggar inn for å senda ein førespurnad.", "Logg inn for å sende ein førespurnad. Du får svar på kva som skjedde."],
    ["nn-a-infinitive-after-modal", "nn", "Dette må du retta før du går vidare.", "Dette må du rette før du går vidare. Innbyggjaren stadfesta det."],
    ["nn-a-infinitive-after-modal", "nn", "Du kan prøva igjen.", "Du kan prøve igjen. Saka vart retta."],
    ["nn-a-infinitive-after-modal", "nn", "Vi kan ikkje stadfesta at det er deg.", "Vi kunne ikkje stadfeste at det er deg."],
    ["nn-sakene-mine", "nn", "Tilbake til Sakene mine", "Tilbake til Mine saker. Sjå sakene dine."],
    ["logg-på", "nn", "Logg på", "Logg inn"],
    ["logg-på", "nn", "Logg av", "Logg ut"],
    ["logg-på", "nb", "Du må logge på først.", "Du må logge inn først."],
    ["en-log-in", "en", "Log in to see your cases", "Sign in to see your cases. Each showing is logged in the case."],
    ["en-log-in", "en", "You are logged in as Kari.", "You are signed in as Kari."],
    ["gjennom-id-porten", "nn", "Logg inn gjennom ID-porten", "Logg inn med ID-porten"],
    ["logg-inn-med-bankid", "nb", "Logg inn med BankID for å lese", "Logg inn med ID-porten (MinID, BankID, Buypass eller Commfides). Du må logge inn med BankID, Buypass eller Commfides."],
    ["en-sign-in-with-bankid", "en", "Sign in with BankID to read", "Sign in with ID-porten (MinID, BankID, Buypass or Commfides). You need to sign in with BankID, Buypass or Commfides."],
    ["only-bankid-as-example", "nb", "på høyt nivå (for eksempel BankID)", "på høyt sikkerhetsnivå (BankID, Buypass eller Commfides)"],
    ["nn-handsaming", "nn", "Sakshandsamar", "Saksbehandlar"],
    ["nn-handsaming", "nn", "Du starta handsaminga", "Du starta behandlinga"],
    ["henvendelse", "nb", "Registrer henvendelse", "Registrer forespørsel"],
    ["vår-referanse", "nb", "Vår referanse: PV-2026-000001", "Saksnummer: PV-2026-000001"],
    ["vår-referanse", "nn", "Saksreferanse", "Saksnummer"],
    ["en-case-reference", "en", "Our reference: PV-2026-000001", "Case number: PV-2026-000001"],
    ["en-reference-label", "en", "Reference", "Case number"],
    ["not-granted", "nn", "Førespurnaden er ikkje innvilga.", "Avslått"],
    ["en-rejected", "en", "Your request was rejected.", "Refused"],
    ["nn-trygg-melding", "nn", "Svarbrevet er sendt som trygg melding.", "Svarbrevet er sendt som sikker melding."],
    ["nn-attende", "nn", "Attende", "Tilbake"],
    ["nn-fyrst", "nn", "Registrer vedtaket fyrst.", "Registrer vedtaket først."],
    ["nn-òg", "nn", "Sjå òg i søppelposten.", "Sjå også i søppelposten. Og send han."],
    ["nn-føremål", "nn", "kva vi bruker opplysningane til (føremåla)", "kva vi bruker opplysningane til (formåla)"],
    ["nn-bruker-as-noun", "nn", "Det finst allereie ein bruker med denne adressa. Brukeren er aktiv.", "Det finst allereie ein brukar med denne adressa. Vi bruker ho ikkje."],
    ["nn-brukar-as-verb", "nn", "Vi brukar ikkje verktøy for analyse.", "Vi bruker ikkje verktøy for analyse. Ny brukar."],
    ["nn-komme", "nn", "det har komme ei melding", "det har kome ei melding, og svaret kjem"],
    ["nn-svarer", "nn", "Fristen står stille til du svarer.", "Fristen står stille til du svarar."],
    ["nn-vert", "nn", "Ei sak vert tald under kvar rett.", "Ei sak blir talt under kvar rett."],
    ["nn-gje", "nn", "Gje oppgåva til", "Gi oppgåva til"],
    ["nn-klagen", "nn", "Opne klagen:", "Opne klaga:"],
    ["nn-ho-as-object", "nn", "Sperr ID-en hos den som har skrive ho ut.", "Sperr ID-en hos den som har utferda han. Til ho vart avgjord."],
    ["nn-ho-as-object", "nn", "du kan berre lese ho når du har logga inn", "du kan berre lese henne når du har logga inn"],
    ["nn-oversyn", "nn", "Oversyn over personvernsaker", "Oversikt over personvernsaker"],
    ["status-word", "nn", "Stode", "Status"],
    ["en-state-label", "en", "State", "Status"],
    ["lagringstid", "nb", "Lagringstid i år", "Oppbevaringstid i år"],
    ["sperret-for-sletting", "nb", "En sak som er sperret for sletting", "En sak som er holdt tilbake fra sletting"],
    ["lukkede-saker", "nn", "Lukka saker blir anonymiserte.", "Avslutta saker blir anonymiserte."],
    ["en-national-id-number", "en", "Show national ID number", "Show national identity number"],
    ["en-privacy-portal", "en", "in the privacy portal", "in the Privacy Portal"],
    ["en-below-you-can-see", "en", "Below you can see why.", "We explain why below."],
    ["en-told-those", "en", "We have also told those we have shared the data with.", "We have also informed everyone we shared the data with."],
    ["en-you-get-a", "en", "You get a copy of everything we found.", "You will receive a copy of everything we found."],
    ["en-sentence-then", "en", "Did you sign in with a code? Then the case belongs to that sign-in.", "If you signed in with a code, the case belongs to that sign-in. Record it and then come back."],
    ["en-authority-order", "en", "complain to the Norwegian Data Protection Authority (Datatilsynet)", "complain to Datatilsynet (the Norwegian Data Protection Authority)"],
  ];

  it("every rule has a sample", () => {
    expect(RULES.map((r) => r.id).filter((id) => !SAMPLES.some(([rule]) => rule === id))).toEqual([]);
  });

  it.each(SAMPLES)("%s catches the variant in a %s text and leaves the chosen term alone", (id, locale, bad, good) => {
    const rule = RULES.find((r) => r.id === id)!;
    const check = (text: string) => findings([{ locale, source: "sample.json", key: "sample", text }], [rule]).map(describeFinding);
    expect(check(bad)).toHaveLength(1);
    expect(check(bad)[0]).toContain("sample.json sample: «");
    expect(check(good)).toEqual([]);
  });
});
