// The legal review of the response letters (issue 13, items 6 and 7), per right, outcome and
// language: Art. 19 (the recipients were told only when the case's notice tasks are done; "you can
// ask who they are"), the Art. 11(2) invitation, the full conditions of 17(3)(b) and (d), the
// personopplysningsloven § 16 texts, and the enkeltvedtak's appeal information (forvaltningsloven
// § 27) next to the Art. 12(4) complaint information on every refusal and partial grant.
import { describe, expect, it } from "vitest";
import { municipalityProfile } from "@/lib/config/municipalities";
import { outcomesFor, type RightOutcome } from "@/lib/domain/case-state-machine";
import { recipientNoticesOf, type RecipientNotices } from "@/lib/domain/letters";
import { legalBasesFor, RIGHTS, type LegalBasisId, type Right } from "@/lib/domain/rights";
import { missingMandatoryParts, renderResponseLetterText, type LetterDecision, type ResponseLetterInput } from "@/lib/letters/response-templates";

const LOCALES = ["nb", "nn", "en"] as const;
type L = (typeof LOCALES)[number];

function input(locale: L, decisions: LetterDecision[], over: Partial<ResponseLetterInput> = {}): ResponseLetterInput {
  return {
    locale,
    municipality: municipalityProfile("bergen"),
    reference: "PV-2026-000042",
    receivedDate: "2026-03-05",
    letterDate: "2026-03-20",
    requesterName: "Åse Ødegård",
    rights: decisions.map((d) => d.right),
    decisions,
    delivery: "portal",
    portalLink: "https://personvern.example/my-cases/PV-2026-000042",
    followUpUntil: "2026-05-19",
    ...over,
  };
}

function decision(right: Right, outcome: RightOutcome, basis: LegalBasisId = legalBasesFor(right)[0]!.id): LetterDecision {
  return outcome === "granted" || outcome === "no_data"
    ? { right, outcome, legalBasisIds: [], reasons: "" }
    : { right, outcome, legalBasisIds: [basis], reasons: `Grunnen for ${right} ${outcome}.` };
}

const ART19_RIGHTS = ["rectification", "erasure", "restriction"] as const;
const WHAT: Record<L, Record<(typeof ART19_RIGHTS)[number], string>> = {
  nb: { rectification: "rettingen", erasure: "slettingen", restriction: "begrensningen" },
  nn: { rectification: "rettinga", erasure: "slettinga", restriction: "avgrensinga" },
  en: { rectification: "correction", erasure: "erasure", restriction: "restriction" },
};
const TOLD: Record<L, (what: string) => string> = {
  nb: (w) => `Vi har gitt beskjed om ${w} til dem vi har delt opplysningene med (GDPR art. 19).`,
  nn: (w) => `Vi har gitt beskjed om ${w} til dei vi har delt opplysningane med (GDPR art. 19).`,
  en: (w) => `We have informed everyone we shared the data with about the ${w} (GDPR Art. 19).`,
};
const WILL_TELL: Record<L, (what: string) => string> = {
  nb: (w) => `Vi gir beskjed om ${w} til dem vi har delt opplysningene med (GDPR art. 19).`,
  nn: (w) => `Vi gir beskjed om ${w} til dei vi har delt opplysningane med (GDPR art. 19).`,
  en: (w) => `We will inform everyone we shared the data with about the ${w} (GDPR Art. 19).`,
};
const ASK: Record<L, string> = {
  nb: "Du kan be oss om å få vite hvem vi har delt opplysningene med.",
  nn: "Du kan be oss om å få vite kven vi har delt opplysningane med.",
  en: "You can ask us who we shared the data with.",
};
const NONE: Record<L, string> = {
  nb: "Vi har ikke delt disse opplysningene med andre, så det var ingen mottakere å gi beskjed til (GDPR art. 19).",
  nn: "Vi har ikkje delt desse opplysningane med andre, så det var ingen mottakarar å gi beskjed til (GDPR art. 19).",
  en: "We have not shared this data with anyone else, so there was nobody to inform (GDPR Art. 19).",
};
/** Any wording that says someone was already told (the old body texts said it unconditionally). */
const ANY_CLAIM: Record<L, RegExp> = { nb: /har (også )?gitt beskjed/, nn: /har (også )?gitt beskjed/, en: /have (also )?(told|informed) (those|everyone)/ };

describe("Art. 19: telling the recipients", () => {
  const states: [string, RecipientNotices | undefined][] = [
    ["done", { state: "done" }],
    ["pending", { state: "pending", open: 1 }],
    ["none", { state: "none" }],
    ["not given", undefined],
    ["no recipients recorded", { state: "no_recipients" }],
  ];
  for (const locale of LOCALES) {
    for (const right of ART19_RIGHTS) {
      for (const outcome of ["granted", "partially_granted"] as const) {
        for (const [name, notices] of states) {
          it(`${locale} / ${right} / ${outcome} / notices ${name}`, () => {
            const text = renderResponseLetterText(input(locale, [decision(right, outcome, right === "erasure" ? "gdpr-17-3-b" : undefined)], { recipientNotices: notices }));
            const what = WHAT[locale][right];
            if (name === "no recipients recorded") {
              expect(text).toContain(NONE[locale]);
              expect(text).not.toContain(ASK[locale]);
              expect(text).not.toMatch(ANY_CLAIM[locale]);
              expect(text).not.toContain(WILL_TELL[locale](what));
              return;
            }
            expect(text).not.toContain(NONE[locale]);
            expect(text).toContain(ASK[locale]);
            if (name === "done") {
              expect(text).toContain(TOLD[locale](what));
              expect(text).not.toContain(WILL_TELL[locale](what));
            } else {
              expect(text).not.toMatch(ANY_CLAIM[locale]);
              if (name === "pending") expect(text).toContain(WILL_TELL[locale](what));
              else expect(text).not.toContain(WILL_TELL[locale](what));
            }
          });
        }
      }
      it(`${locale} / ${right} / refused: nothing about recipients (nothing was changed)`, () => {
        const text = renderResponseLetterText(input(locale, [decision(right, "refused")], { recipientNotices: { state: "done" } }));
        expect(text).not.toContain(ASK[locale]);
        expect(text).not.toMatch(ANY_CLAIM[locale]);
        expect(text).not.toMatch(/art\. 19\)|Art\. 19\)/);
      });
    }
    it(`${locale}: access, objection and portability never mention Art. 19 recipients`, () => {
      for (const right of ["access", "objection", "portability"] as const) {
        const text = renderResponseLetterText(input(locale, [decision(right, "granted")], { recipientNotices: { state: "done" } }));
        expect(text).not.toContain(ASK[locale]);
        expect(text).not.toMatch(/art\. 19|Art\. 19/);
      }
    });
  }

  it("one sentence per right in a letter on several rights", () => {
    const ds = [decision("rectification", "granted"), decision("restriction", "granted")];
    const text = renderResponseLetterText(input("nb", ds, { recipientNotices: { state: "done" } }));
    expect(text).toContain(TOLD.nb("rettingen"));
    expect(text).toContain(TOLD.nb("begrensningen"));
    expect(text.split(ASK.nb).length - 1).toBe(2);
  });

  it("recipientNoticesOf: done only when there are notice tasks and all are done", () => {
    const done = new Date("2026-03-10T10:00:00Z");
    expect(recipientNoticesOf([])).toEqual({ state: "none" });
    expect(recipientNoticesOf([{ kind: "correct", doneAt: done }])).toEqual({ state: "none" });
    expect(recipientNoticesOf([{ kind: "notify_recipient", doneAt: done }, { kind: "correct", doneAt: null }])).toEqual({ state: "done" });
    expect(recipientNoticesOf([{ kind: "notify_recipient", doneAt: done }, { kind: "notify_recipient", doneAt: null }])).toEqual({ state: "pending", open: 1 });
    // "No recipients" recorded: only while there is no notice task (a task means there is one).
    expect(recipientNoticesOf([{ kind: "correct", doneAt: null }], true)).toEqual({ state: "no_recipients" });
    expect(recipientNoticesOf([{ kind: "notify_recipient", doneAt: null }], true)).toEqual({ state: "pending", open: 1 });
    expect(recipientNoticesOf([{ kind: "notify_recipient", doneAt: done }], true)).toEqual({ state: "done" });
  });

  it("an edited letter may not claim the recipients were told while the notices are not done", () => {
    for (const locale of LOCALES) {
      const ds = [decision("rectification", "granted")];
      const claiming = renderResponseLetterText(input(locale, ds, { recipientNotices: { state: "done" } }));
      expect(missingMandatoryParts(claiming, { locale, decisions: ds, recipientNotices: { state: "done" } }).missing).toEqual([]);
      expect(missingMandatoryParts(claiming, { locale, decisions: ds, recipientNotices: { state: "pending", open: 2 } }).missing).toEqual(["art19_claim"]);
      expect(missingMandatoryParts(claiming.replace(/ /g, "\n"), { locale, decisions: ds }).missing).toEqual(["art19_claim"]);
      expect(missingMandatoryParts(claiming, { locale, decisions: ds, recipientNotices: { state: "no_recipients" } }).missing).toEqual(["art19_claim"]);
      const honest = renderResponseLetterText(input(locale, ds, { recipientNotices: { state: "pending", open: 2 } }));
      expect(missingMandatoryParts(honest, { locale, decisions: ds, recipientNotices: { state: "pending", open: 2 } }).missing).toEqual([]);
    }
    // Alongside a refusal, the claim is reported with the other parts.
    const ds = [decision("erasure", "granted"), decision("access", "refused", "popplyl-16-d")];
    const text = renderResponseLetterText(input("nb", ds, { recipientNotices: { state: "done" } }));
    expect(missingMandatoryParts(text, { locale: "nb", decisions: ds, recipientNotices: { state: "none" } }).missing).toEqual(["art19_claim"]);
  });
});

describe("Art. 11(2): the requester could not be identified", () => {
  const INVITE: Record<L, RegExp> = {
    nb: /Hvis du gir oss flere opplysninger som gjør at vi kan identifisere deg.*behandler vi forespørselen din \(GDPR art\. 11 nr\. 2\)\./,
    nn: /Dersom du gir oss fleire opplysningar som gjer at vi kan identifisere deg.*behandlar vi førespurnaden din \(GDPR art\. 11 nr\. 2\)\./,
    en: /If you give us more information that lets us identify you.*we will handle your request \(GDPR Art\. 11\(2\)\)\./,
  };
  for (const locale of LOCALES) {
    it(`${locale}: every right refused or partly granted under 11(2) invites more information; other grounds do not`, () => {
      for (const right of RIGHTS) {
        for (const outcome of ["refused", "partially_granted"] as const) {
          const text = renderResponseLetterText(input(locale, [decision(right, outcome, "gdpr-11-2")]));
          expect(text, `${right} ${outcome}`).toMatch(INVITE[locale]);
          expect(text).toContain("GDPR art. 11(2)");
          const other = renderResponseLetterText(input(locale, [decision(right, outcome, "gdpr-12-5")]));
          expect(other).not.toMatch(INVITE[locale]);
        }
      }
    });
  }
});

describe("legal basis texts carry their conditions", () => {
  const line = (locale: L, right: Right, basis: LegalBasisId) => {
    const text = renderResponseLetterText(input(locale, [decision(right, "refused", basis)]));
    return text.split("\n").find((l) => l.startsWith("- ") && l.includes(": "))!;
  };
  const CONDITIONS: Record<L, Partial<Record<LegalBasisId, string[]>>> = {
    nb: {
      "gdpr-17-3-b": ["rettslig plikt", "EU/EØS-retten eller norsk rett", "oppgave i allmennhetens interesse", "utøve offentlig myndighet"],
      "gdpr-17-3-d": ["arkivformål i allmennhetens interesse", "vitenskapelig eller historisk forskning", "statistikk", "artikkel 89 nr. 1", "umulig eller i alvorlig grad hindre"],
      "popplyl-16-d": ["taushetsplikt i lov eller i medhold av lov"],
      "popplyl-16-e": ["intern", "ikke er utlevert til andre", "nødvendig", "forsvarlige interne avgjørelsesprosesser"],
      "gdpr-11-2": ["påvise", "identifisere"],
      "gdpr-21-1-compelling": ["påvise", "tvingende berettigede grunner", "går foran"],
    },
    nn: {
      "gdpr-17-3-b": ["rettsleg plikt", "EU/EØS-retten eller norsk rett", "oppgåve i ålmenta si interesse", "utøve offentleg myndigheit"],
      "gdpr-17-3-d": ["arkivformål i ålmenta si interesse", "vitskapleg eller historisk forsking", "statistikk", "artikkel 89 nr. 1", "umogleg eller i alvorleg grad hindre"],
      "popplyl-16-d": ["teieplikt i lov eller i medhald av lov"],
      "popplyl-16-e": ["intern", "ikkje er gitt ut til andre", "naudsynt", "forsvarlege interne avgjerdsprosessar"],
      "gdpr-11-2": ["påvise", "identifisere"],
      "gdpr-21-1-compelling": ["påvise", "tvingande rettkomne grunnar", "går føre"],
    },
    en: {
      "gdpr-17-3-b": ["legal obligation", "EU/EEA law or Norwegian law", "task carried out in the public interest", "exercise of official authority"],
      "gdpr-17-3-d": ["archiving purposes in the public interest", "scientific or historical research", "statistics", "Article 89(1)", "impossible or seriously impair"],
      "popplyl-16-d": ["duty of confidentiality laid down by or under a statute"],
      "popplyl-16-e": ["internal case preparation", "not been given to anyone else", "necessary", "internal decision-making"],
      "gdpr-11-2": ["demonstrate", "identify"],
      "gdpr-21-1-compelling": ["demonstrate", "compelling legitimate grounds", "override"],
    },
  };
  for (const locale of LOCALES) {
    it(`${locale}: 17(3)(b), 17(3)(d), § 16 d and e, 11(2) and 21(1) in full`, () => {
      for (const [basis, words] of Object.entries(CONDITIONS[locale]) as [LegalBasisId, string[]][]) {
        const right = legalBasesFor("access").some((b) => b.id === basis) ? "access" : basis.startsWith("gdpr-21") ? "objection" : "erasure";
        const l = line(locale, right, basis);
        for (const w of words) expect(l, `${locale} ${basis}`).toContain(w);
      }
    });
  }
  it("§ 16 is cited with its paragraph and letter", () => {
    expect(line("en", "access", "popplyl-16-d")).toMatch(/^- personopplysningsloven § 16 første ledd bokstav d: /);
  });
});

describe("enkeltvedtak: the appeal information of a refusal (forvaltningsloven § 27)", () => {
  const APPEAL: Record<L, string[]> = {
    nb: ["enkeltvedtak etter forvaltningsloven", "klage på vedtaket innen tre uker", "forvaltningsloven §§ 28 og 29", "Send klagen til Bergen kommune.", "kommunens klagenemnd", "se dokumentene i saken (forvaltningsloven §§ 18 og 19)"],
    nn: ["enkeltvedtak etter forvaltningslova", "klage på vedtaket innan tre veker", "forvaltningslova §§ 28 og 29", "Send klaga til Bergen kommune.", "klagenemnda i kommunen", "sjå dokumenta i saka (forvaltningslova §§ 18 og 19)"],
    en: ["individual decision (enkeltvedtak) under the Public Administration Act", "appeal against the decision within three weeks", "sections 28 and 29", "Send your appeal to Bergen kommune.", "appeals board", "see the documents in your case (sections 18 and 19"],
  };
  const COMPLAINT: Record<L, string[]> = {
    nb: ["klage til Datatilsynet, Postboks 458 Sentrum, 0105 Oslo", "domstolene (GDPR art. 12 nr. 4"],
    nn: ["klage til Datatilsynet, Postboks 458 Sentrum, 0105 Oslo", "domstolane (GDPR art. 12 nr. 4"],
    en: ["complain to Datatilsynet", "Postboks 458 Sentrum, 0105 Oslo", "court (GDPR Art. 12(4)"],
  };
  for (const locale of LOCALES) {
    for (const right of RIGHTS) {
      for (const outcome of outcomesFor(right)) {
        it(`${locale} / ${right} / ${outcome}`, () => {
          const d = decision(right, outcome);
          const text = renderResponseLetterText(input(locale, [d]));
          const refusal = outcome === "refused" || outcome === "partially_granted";
          for (const w of APPEAL[locale]) {
            if (refusal) expect(text).toContain(w);
            else expect(text).not.toContain(w);
          }
          if (refusal) {
            for (const w of COMPLAINT[locale]) expect(text).toContain(w);
            expect(text).toContain(d.reasons);
            expect(missingMandatoryParts(text, { locale, decisions: [d] }).missing).toEqual([]);
          }
        });
      }
    }
    it(`${locale}: removing the appeal paragraphs is refused; in Trondheim they follow "contact us first"`, () => {
      const d = [decision("access", "refused", "popplyl-16-d")];
      const text = renderResponseLetterText(input(locale, d));
      const marker = { nb: "enkeltvedtak", nn: "enkeltvedtak", en: "enkeltvedtak" }[locale];
      const docs = { nb: "§§ 18 og 19", nn: "§§ 18 og 19", en: "sections 18 and 19" }[locale];
      const noAppeal = text.split("\n").filter((l) => !l.includes(marker)).join("\n");
      expect(missingMandatoryParts(noAppeal, { locale, decisions: d }).missing).toEqual(["appeal"]);
      const noDocuments = text.split("\n").filter((l) => !l.includes(docs)).join("\n");
      expect(missingMandatoryParts(noDocuments, { locale, decisions: d }).missing).toEqual(["appeal"]);
      const trondheim = renderResponseLetterText(input(locale, d, { municipality: municipalityProfile("trondheim") }));
      const first = { nb: "først kontakt med oss", nn: "først kontakt med oss", en: "contact us first" }[locale];
      expect(trondheim.indexOf(first)).toBeGreaterThan(-1);
      expect(trondheim.indexOf(first)).toBeLessThan(trondheim.indexOf(marker));
      expect(trondheim.indexOf(marker)).toBeLessThan(trondheim.indexOf("Postboks 458"));
      expect(trondheim).toContain(APPEAL[locale][3]!.replace("Bergen kommune", "Trondheim kommune"));
    });
  }
});
