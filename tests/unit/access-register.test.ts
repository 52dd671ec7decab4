// Issue 13 item 5: the access answer's per-system section (GDPR Art. 15(1)(a)-(h), 15(2)) in nb,
// nn and en: every element present, "none" said plainly for transfers and automated decisions,
// the gap shown for a system without an entry, and the send check (registerProblems).
import { describe, expect, it } from "vitest";
import { accessRegisterSection, registerProblems, type RegisterEntryText } from "@/lib/letters/access-register";
import { LOCALES } from "@/i18n/locales";

const plain: RegisterEntryText = {
  name: "Sak- og arkivsystem",
  purposes: "Saksbehandling og arkivering.",
  legalBasis: "GDPR art. 6 nr. 1 bokstav c og e, arkivlova.",
  dataCategories: "Kontaktopplysninger, saksdokumenter.",
  recipients: "Ingen utenfor kommunen.",
  storagePeriod: "Bevares etter arkivregelverket.",
  source: "Fra deg og offentlige registre.",
  transfersOutsideEea: null,
  transferSafeguards: null,
  automatedDecisions: null,
};
const transfers: RegisterEntryText = { ...plain, name: "Skyløsning", transfersOutsideEea: "Brukerdata til USA.", transferSafeguards: "EUs standard personvernbestemmelser.", automatedDecisions: "Automatisk tildeling av plass etter alder." };

const ELEMENTS: Record<string, RegExp[]> = {
  nb: [/bokstav a/, /Rettslig grunnlag/, /bokstav b/, /bokstav c/, /bokstav d/, /bokstav e/, /bokstav f/, /bokstav g/, /bokstav h/, /art\. 15 nr\. 2/],
  nn: [/bokstav a/, /Rettsleg grunnlag/, /bokstav b/, /bokstav c/, /bokstav d/, /bokstav e/, /bokstav f/, /bokstav g/, /bokstav h/, /art\. 15 nr\. 2/],
  en: [/15\(1\)\(a\)/, /Legal basis/, /15\(1\)\(b\)/, /15\(1\)\(c\)/, /15\(1\)\(d\)/, /15\(1\)\(e\)/, /15\(1\)\(f\)/, /15\(1\)\(g\)/, /15\(1\)\(h\)/, /15\(2\)/],
};

describe.each(LOCALES)("access register section (%s)", (locale) => {
  it("has every mandatory element and says plainly there are no transfers or automated decisions", () => {
    const text = accessRegisterSection(locale, [{ system: plain.name, entry: plain }]).join("\n\n");
    for (const re of ELEMENTS[locale]!) expect(text).toMatch(re);
    for (const v of [plain.purposes, plain.legalBasis, plain.dataCategories, plain.recipients, plain.storagePeriod, plain.source]) expect(text).toContain(v);
    expect(text).toMatch(locale === "en" ? /do not transfer/ : /ikke overfører|overfører ikkje|overfører ikke/);
    expect(text).toMatch(locale === "en" ? /make no automated decisions/ : /ingen automatiserte/);
    expect(registerProblems(text, locale, [{ system: plain.name, entry: plain }])).toEqual({ noSystems: false, gaps: [], incomplete: [] });
  });
  it("quotes transfers with their safeguards and the automated decisions", () => {
    const text = accessRegisterSection(locale, [{ system: transfers.name, entry: transfers }]).join("\n\n");
    for (const v of [transfers.transfersOutsideEea!, transfers.transferSafeguards!, transfers.automatedDecisions!]) expect(text).toContain(v);
    for (const re of ELEMENTS[locale]!) expect(text).toMatch(re);
  });
  it("shows the gap of a system without an entry, and of no system at all; the check refuses both", () => {
    const gap = accessRegisterSection(locale, [{ system: "Fagsystem X", entry: null }]).join("\n\n");
    expect(gap).toMatch(/MANGLER|MANGLAR|MISSING/);
    expect(gap).toContain("Fagsystem X");
    expect(registerProblems(gap, locale, [{ system: "Fagsystem X", entry: null }]).gaps).toEqual(["Fagsystem X"]);
    const none = accessRegisterSection(locale, []).join("\n\n");
    expect(registerProblems(none, locale, []).noSystems).toBe(true);
  });
  it("refuses a text whose register lines were edited away", () => {
    const text = accessRegisterSection(locale, [{ system: transfers.name, entry: transfers }]).join("\n\n").replace(transfers.transferSafeguards!, "");
    expect(registerProblems(text, locale, [{ system: transfers.name, entry: transfers }]).incomplete).toEqual([transfers.name]);
  });
});
