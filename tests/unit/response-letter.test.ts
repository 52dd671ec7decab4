// Response letters: every right x outcome x language renders from the templates; every refusal or
// partial grant carries the complaint to Datatilsynet, the court, the citation and the reasons
// (Art. 12(4)); the archive-duty and public-task explanations; Trondheim's complaint path via the
// personvernombud; the municipality's own main paragraphs (bodyOverrides), which replace only that
// paragraph; and the check that refuses an edited text without the mandatory parts.
import { describe, expect, it } from "vitest";
import { municipalityProfile } from "@/lib/config/municipalities";
import { LEGAL_BASES, legalBasesFor, RIGHTS, type Right } from "@/lib/domain/rights";
import { outcomesFor, type RightOutcome } from "@/lib/domain/case-state-machine";
import {
  missingMandatoryParts,
  renderResponseLetterText,
  standardBodyText,
  type LetterDecision,
  type ResponseLetterInput,
} from "@/lib/letters/response-templates";
import { parsePlainLetter } from "@/lib/letters/pdf";
import { messageLetterText } from "@/lib/letters/message-letter";

const LOCALES = ["nb", "nn", "en"] as const;
const COURT = { nb: "domstolene", nn: "domstolane", en: "court" } as const;

function input(over: Partial<ResponseLetterInput> & { decisions: LetterDecision[] }): ResponseLetterInput {
  return {
    locale: "nb",
    municipality: municipalityProfile("bergen"),
    reference: "PV-2026-000042",
    receivedDate: "2026-03-05",
    letterDate: "2026-03-20",
    requesterName: "Åse Ødegård",
    rights: over.decisions.map((d) => d.right),
    delivery: "portal",
    portalLink: "https://personvern.example/my-cases/PV-2026-000042",
    followUpUntil: "2026-05-19",
    ...over,
  };
}

function decision(right: Right, outcome: RightOutcome, basis = legalBasesFor(right)[0]!.id): LetterDecision {
  return outcome === "granted"
    ? { right, outcome, legalBasisIds: [], reasons: "" }
    : { right, outcome, legalBasisIds: [basis], reasons: `Begrunnelse for ${right} ${outcome}.` };
}

describe("response letter templates", () => {
  for (const locale of LOCALES) {
    for (const right of RIGHTS) {
      for (const outcome of outcomesFor(right)) {
        it(`${locale} / ${right} / ${outcome} renders every part`, () => {
          const d = decision(right, outcome);
          const text = renderResponseLetterText(input({ locale, decisions: [d] }));
          // No message key leaked as text, no unformatted placeholder.
          expect(text).not.toMatch(/letters\.template|\{[a-zA-Z]+\}/);
          expect(text).toContain("PV-2026-000042");
          expect(text).toContain("Åse Ødegård");
          expect(text).toContain(`GDPR ${locale === "en" ? "Art." : "art."} ${({ access: "15", rectification: "16", erasure: "17", restriction: "18", objection: "21", portability: "20" })[right]}`);
          const blocks = parsePlainLetter(text);
          expect(blocks[0]!.kind).toBe("title");
          expect(blocks.filter((b) => b.kind === "heading").length).toBeGreaterThanOrEqual(2);
          if (outcome === "refused" || outcome === "partially_granted") {
            expect(text).toContain("Datatilsynet");
            expect(text).toContain("Postboks 458 Sentrum, 0105 Oslo");
            expect(text).toContain(COURT[locale]);
            expect(text).toContain(LEGAL_BASES[d.legalBasisIds[0] as keyof typeof LEGAL_BASES].citation);
            expect(text).toContain(d.reasons);
            expect(missingMandatoryParts(text, { locale, decisions: [d] }).missing).toEqual([]);
          }
        });
      }
    }
  }

  it("\"no data held\" says exactly that: no copy is promised, nothing to download", () => {
    const granted = renderResponseLetterText(input({ locale: "nb", decisions: [decision("access", "granted")] }));
    const none = renderResponseLetterText(input({ locale: "nb", decisions: [{ right: "access", outcome: "no_data", legalBasisIds: [], reasons: "" }] }));
    expect(granted).toContain("Du får en kopi av alt vi fant");
    expect(none).toContain("Innsyn i opplysningene dine (GDPR art. 15) – ingen opplysninger funnet");
    expect(none).toContain("ingen opplysninger funnet");
    expect(none).toContain("vi har ikke funnet noen");
    expect(none).not.toContain("Du får en kopi");
    expect(none).not.toMatch(/last ned|laste ned|ligger ved/i);
    const portability = renderResponseLetterText(input({ locale: "en", decisions: [{ right: "portability", outcome: "no_data", legalBasisIds: [], reasons: "" }] }));
    expect(portability).toContain("so there is no data to give you in a machine-readable format.");
  });

  it("a portal letter says how long it can be answered in Mine saker; a paper letter names post and phone, never the portal", () => {
    const d = [decision("erasure", "refused", "gdpr-17-3-b")];
    for (const locale of LOCALES) {
      const portal = renderResponseLetterText(input({ locale, decisions: d, delivery: "portal" }));
      const post = renderResponseLetterText(input({ locale, decisions: d, delivery: "post" }));
      expect(portal).toContain(locale === "en" ? "“My cases” until Tuesday 19 May 2026" : "«Mine saker» til og med tysdag 19. mai 2026".replace("tysdag", locale === "nb" ? "tirsdag" : "tysdag"));
      expect(post).not.toMatch(/Mine saker|My cases|Personvernportalen|portal/i);
      expect(post).toContain("Postboks 7700, 5020 Bergen");
      expect(post).toContain("55 56 55 56");
      expect(post).toContain("PV-2026-000042");
    }
  });

  it("a request on behalf of a child names the child, not only the parent who is greeted", () => {
    const concerns = { onBehalfOf: "child" as const, subjectName: "Nora Ødegård" };
    const nb = renderResponseLetterText(input({ locale: "nb", decisions: [decision("access", "granted")], concerns }));
    expect(nb).toContain("Hei, Åse Ødegård.");
    expect(nb).toContain("Forespørselen gjelder opplysninger om barnet ditt, Nora Ødegård.");
    const en = renderResponseLetterText(input({ locale: "en", decisions: [decision("access", "granted")], concerns: { onBehalfOf: "power_of_attorney", subjectName: "Ola Hansen" } }));
    expect(en).toContain("Your request concerns data about Ola Hansen, who has given you power of attorney.");
    const self = renderResponseLetterText(input({ locale: "nb", decisions: [decision("access", "granted")], concerns: { onBehalfOf: "self", subjectName: null } }));
    expect(self).not.toContain("Forespørselen gjelder opplysninger om");
    const paper = messageLetterText({ locale: "nn", reference: "PV-2026-000042", municipalityId: "bergen", body: "Vi treng eit svar.", concerns });
    expect(paper).toContain("Førespurnaden gjeld opplysningar om barnet ditt, Nora Ødegård.");
    expect(paper).not.toMatch(/Mine saker|portal/i);
  });

  it("texts differ per language (nn is not bokmål, en is English)", () => {
    const ds = [decision("erasure", "refused", "gdpr-17-3-b")];
    const [nb, nn, en] = LOCALES.map((locale) => renderResponseLetterText(input({ locale, decisions: ds })));
    expect(nb).toContain("Vi har vurdert forespørselen din om sletting");
    expect(nn).toContain("Vi har vurdert førespurnaden din om sletting");
    expect(en).toContain("We have considered your request to erase your data");
    expect(new Set([nb, nn, en]).size).toBe(3);
  });

  it("every legal basis of every right renders a citation and an explanation in every language", () => {
    for (const locale of LOCALES) {
      for (const right of RIGHTS) {
        for (const basis of legalBasesFor(right)) {
          const text = renderResponseLetterText(input({ locale, decisions: [decision(right, "refused", basis.id)] }));
          const line = text.split("\n").find((l) => l.startsWith(`- ${basis.citation}: `));
          expect(line, `${locale} ${basis.id}`).toBeDefined();
          expect(line!.length).toBeGreaterThan(basis.citation.length + 20);
        }
      }
    }
  });

  it.each(LOCALES)("access granted (%s) lists what Art. 15 gives, the free first copy and where to download", (locale) => {
    const portal = renderResponseLetterText(input({ locale, decisions: [decision("access", "granted")] }));
    const words = {
      nb: ["formålene", "kategoriene", "mottakerne", "hvor lenge", "hvor vi har fått", "gratis", "Mine saker"],
      nn: ["formåla", "kategoriane", "mottakarane", "kor lenge", "kvar vi har fått", "gratis", "Mine saker"],
      en: ["purposes", "categories", "recipients", "how long", "where we got", "free of charge", "My cases"],
    }[locale];
    for (const w of words) expect(portal).toContain(w);
    expect(portal).toContain("https://personvern.example/my-cases/PV-2026-000042");
    expect(portal).toContain("15(3)".replace("15(3)", locale === "en" ? "15(3)" : "15 nr. 3"));
    const post = renderResponseLetterText(input({ locale, delivery: "post", decisions: [decision("access", "granted")] }));
    expect(post).not.toContain("https://personvern.example");
    expect(post).toContain({ nb: "ligger ved dette brevet", nn: "ligg ved dette brevet", en: "enclosed with this letter" }[locale]);
  });

  it.each(LOCALES)("erasure refused under 17(3)(b) or (d) (%s) explains the archive duty and offers restriction", (locale) => {
    for (const basis of ["gdpr-17-3-b", "gdpr-17-3-d"] as const) {
      const text = renderResponseLetterText(input({ locale, decisions: [decision("erasure", "refused", basis)] }));
      expect(text).toContain(LEGAL_BASES[basis].citation);
      expect(text).toContain("lov om dokumentasjon og arkiv");
      expect(text).toContain("GDPR art. 18".replace("art.", locale === "en" ? "Art." : "art."));
      expect(text).toMatch({ nb: /begrenser bruken/, nn: /avgrensar bruken/, en: /restrict the use/ }[locale]);
    }
    // Another exemption: no archive paragraph.
    const other = renderResponseLetterText(input({ locale, decisions: [decision("erasure", "refused", "gdpr-17-3-e")] }));
    expect(other).not.toContain("lov om dokumentasjon og arkiv");
  });

  it.each(LOCALES)("portability refused under 20(3) (%s) explains the public task and offers an access answer", (locale) => {
    const text = renderResponseLetterText(input({ locale, decisions: [decision("portability", "refused", "gdpr-20-3")] }));
    expect(text).toContain("GDPR art. 20(3)");
    expect(text).toMatch({ nb: /oppgaver som loven gir oss/, nn: /oppgåver som lova gir oss/, en: /tasks given to it by law/ }[locale]);
    expect(text).toMatch({ nb: /forespørsel om innsyn \(GDPR art\. 15\)/, nn: /førespurnad om innsyn \(GDPR art\. 15\)/, en: /request for access \(GDPR Art\. 15\)/ }[locale]);
  });

  it.each(LOCALES)("Trondheim (%s): contact the unit and the personvernombud before Datatilsynet", (locale) => {
    const trondheim = municipalityProfile("trondheim");
    const text = renderResponseLetterText(input({ locale, municipality: trondheim, decisions: [decision("access", "refused", "popplyl-16-d")] }));
    expect(text).toMatch({ nb: /først kontakt med oss.*personvernombudet i Trondheim kommune/s, nn: /først kontakt med oss.*personvernombodet i Trondheim kommune/s, en: /contact us first.*data protection officer of Trondheim kommune/s }[locale]);
    expect(text).toContain("Mona Trøen");
    expect(text).toContain("Personvernombudet, Postboks 2300 Torgarden, 7004 Trondheim");
    expect(text.indexOf("Mona Trøen")).toBeLessThan(text.indexOf("Datatilsynet, Postboks 458") > -1 ? text.indexOf("Datatilsynet, Postboks 458") : text.indexOf("Postboks 458"));
    const bergen = renderResponseLetterText(input({ locale, decisions: [decision("access", "refused", "popplyl-16-d")] }));
    expect(bergen).not.toMatch(/først kontakt med oss|contact us first/);
    expect(bergen).toContain("personvernombud@bergen.kommune.no");
  });

  it("a partial grant of several rights has one section per right, in catalogue order", () => {
    const ds = [decision("erasure", "refused", "gdpr-17-3-b"), decision("access", "granted")];
    const text = renderResponseLetterText(input({ decisions: ds }));
    expect(text.indexOf("Innsyn i opplysningene dine")).toBeGreaterThan(-1);
    expect(text.indexOf("Innsyn i opplysningene dine")).toBeLessThan(text.indexOf("Sletting av opplysninger"));
  });
});

describe("mandatory parts of an edited refusal", () => {
  const d = [decision("erasure", "refused", "gdpr-17-3-b")];
  const full = renderResponseLetterText(input({ decisions: d }));

  it("accepts the template, with any line breaks", () => {
    expect(missingMandatoryParts(full.replace(/ /g, "\n"), { locale: "nb", decisions: d })).toEqual({ missing: [], citations: [], reasons: [] });
  });

  it("finds a removed complaint paragraph, court paragraph and citation", () => {
    const noComplaint = full.split("\n").filter((l) => !l.includes("Datatilsynet")).join("\n");
    expect(missingMandatoryParts(noComplaint, { locale: "nb", decisions: d }).missing).toEqual(["complaint"]);
    const noCourt = full.split("\n").filter((l) => !l.includes("domstolene")).join("\n");
    expect(missingMandatoryParts(noCourt, { locale: "nb", decisions: d }).missing).toEqual(["court"]);
    const noCitation = full.replaceAll("GDPR art. 17(3)(b)", "arkivlova");
    expect(missingMandatoryParts(noCitation, { locale: "nb", decisions: d })).toEqual({ missing: ["legal_basis"], citations: ["GDPR art. 17(3)(b)"], reasons: [] });
    expect(missingMandatoryParts("Nei.", { locale: "nb", decisions: d })).toEqual({
      missing: ["complaint", "court", "legal_basis", "reasons", "appeal"],
      citations: ["GDPR art. 17(3)(b)"],
      reasons: ["erasure"],
    });
  });

  it("asks nothing of a letter that only grants", () => {
    expect(missingMandatoryParts("Ja.", { locale: "en", decisions: [decision("access", "granted")] }).missing).toEqual([]);
  });

  it("finds removed reasons, and accepts them with other line breaks, spacing or case", () => {
    const reasons = "Begrunnelse for erasure refused.";
    expect(full).toContain(reasons);
    expect(missingMandatoryParts(full.replace(reasons, ""), { locale: "nb", decisions: d })).toEqual({ missing: ["reasons"], citations: [], reasons: ["erasure"] });
    // Only half of the reasons is not enough.
    expect(missingMandatoryParts(full.replace(reasons, "Begrunnelse for erasure"), { locale: "nb", decisions: d }).missing).toEqual(["reasons"]);
    const reflowed = full.replace(reasons, "  BEGRUNNELSE for\n  erasure\t\tREFUSED. ");
    expect(missingMandatoryParts(reflowed, { locale: "nb", decisions: d }).missing).toEqual([]);
  });

  it("requires the reasons of every refused or partly granted right, not of a granted one", () => {
    const multi: LetterDecision[] = [
      { right: "access", outcome: "partially_granted", legalBasisIds: ["gdpr-15-4"], reasons: "Opplysninger om  andre barn\ner tatt ut." },
      { right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"], reasons: "Bildene er journalført." },
      { right: "rectification", outcome: "granted", legalBasisIds: [], reasons: "Rettet i fagsystemet." },
    ];
    const text = renderResponseLetterText(input({ decisions: multi }));
    expect(missingMandatoryParts(text, { locale: "nb", decisions: multi }).missing).toEqual([]);
    const without = text.replace("Opplysninger om  andre barn\ner tatt ut.", "").replace("Bildene er journalført.", "").replace("Rettet i fagsystemet.", "");
    expect(missingMandatoryParts(without, { locale: "nb", decisions: multi })).toEqual({ missing: ["reasons"], citations: [], reasons: ["access", "erasure"] });
    // A granted right's reasons may be edited away.
    expect(missingMandatoryParts(text.replace("Rettet i fagsystemet.", ""), { locale: "nb", decisions: multi }).missing).toEqual([]);
    // A decision stored without reasons (older data) asks for none.
    const noReasons: LetterDecision[] = [{ right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"], reasons: "  " }];
    expect(missingMandatoryParts(renderResponseLetterText(input({ decisions: noReasons })), { locale: "nb", decisions: noReasons }).missing).toEqual([]);
  });

  it("checks the court in the letter's language", () => {
    const en = renderResponseLetterText(input({ locale: "en", decisions: d }));
    expect(missingMandatoryParts(en, { locale: "en", decisions: d }).missing).toEqual([]);
    expect(missingMandatoryParts(en.replace(/court/g, "tribunal"), { locale: "en", decisions: d }).missing).toEqual(["court"]);
  });
});

describe("the municipality's own main paragraphs (bodyOverrides)", () => {
  const own = "Takk for at du spurte. Her er alt vi har om deg i Bergen kommune.";

  it("replaces only the main paragraph of that right and outcome, in the letter's language", () => {
    for (const locale of LOCALES) {
      const standard = standardBodyText(locale, "access", "granted");
      const plain = renderResponseLetterText(input({ locale, decisions: [decision("access", "granted")] }));
      expect(plain).toContain(standard);
      const text = renderResponseLetterText(input({ locale, decisions: [decision("access", "granted")], bodyOverrides: { "access.granted": `  ${own}\n` } }));
      expect(text).toContain(own);
      expect(text).not.toContain(standard);
      // Everything around the paragraph stays: title, heading, the Art. 15 list, free copy, download link.
      expect(text.replace(own, standard)).toBe(plain);
    }
  });

  it("leaves other rights and outcomes alone, and a blank text falls back to the standard text", () => {
    const ds = [decision("access", "granted"), decision("erasure", "refused", "gdpr-17-3-b")];
    const text = renderResponseLetterText(input({ decisions: ds, bodyOverrides: { "access.refused": own, "erasure.granted": own } }));
    expect(text).not.toContain(own);
    expect(text).toContain(standardBodyText("nb", "access", "granted"));
    expect(text).toContain(standardBodyText("nb", "erasure", "refused"));
    const blank = renderResponseLetterText(input({ decisions: ds, bodyOverrides: { "access.granted": "  \n " } }));
    expect(blank).toBe(renderResponseLetterText(input({ decisions: ds })));
  });

  it("cannot remove the mandatory parts of a refusal: reasons, legal basis, Datatilsynet and court are still added", () => {
    for (const locale of LOCALES) {
      for (const right of RIGHTS) {
        const d = decision(right, "refused");
        const text = renderResponseLetterText(input({ locale, decisions: [d], bodyOverrides: { [`${right}.refused`]: "Nei." } }));
        expect(text).toContain("\n\nNei.\n\n");
        expect(text).toContain(d.reasons);
        expect(text).toContain("Datatilsynet");
        expect(text).toContain(COURT[locale]);
        expect(missingMandatoryParts(text, { locale, decisions: [d] })).toEqual({ missing: [], citations: [], reasons: [] });
      }
    }
  });

  it("is inserted as written: no message formatting of braces or apostrophes", () => {
    const raw = "Vi har {name} og 'sitater' med.";
    expect(renderResponseLetterText(input({ decisions: [decision("access", "granted")], bodyOverrides: { "access.granted": raw } }))).toContain(raw);
  });
});
