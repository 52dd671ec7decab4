import { describe, expect, it } from "vitest";
import {
  buildCaseFolderWithIncoming,
  buildCloseCase,
  buildOutgoingLetter,
  buildSignOff,
  FIKS_ARKIV,
  xsDate,
  type ArchiveMessageBase,
} from "@/lib/archive/arkivmelding";
import { buildErrorReply, buildOpprettKvittering, parseErrorReply, parseOpprettKvittering } from "@/lib/archive/receipts";
import { validateFiksArkivXml } from "@/lib/archive/validate";
import { childNamed, childrenNamed, childText, parseXml, pathText, xsiType, type XmlElement } from "@/lib/archive/xml";
import { NS } from "@/lib/archive/protocol";

const base: ArchiveMessageBase = {
  system: "Personvernportalen",
  organisation: { orgNumber: "921234567", name: "Eksempel kommune" },
  caseKey: "case-7f3c",
  createdBy: "Personvernportalen",
};
const document = { fileName: "begjaering.pdf", title: "Begjæring om innsyn", mimeType: "application/pdf" as const };
const requester = {
  name: "Kari Nordmann",
  nationalId: "01017012345",
  postAddress: { lines: ["Storgata 1", "Leilighet H0201"], postalCode: "0150", city: "Oslo" },
  email: "kari@example.no",
};

function incoming(overrides: Partial<Parameters<typeof buildCaseFolderWithIncoming>[0]> = {}) {
  return buildCaseFolderWithIncoming({
    ...base,
    caseTitle: "Innsynsbegjæring fra Kari Nordmann",
    publicCaseTitle: "Innsynsbegjæring etter personvernforordningen art. 15",
    classification: { system: "K-kode", value: "070" },
    unitName: "Personvernombudet",
    receivedAt: new Date("2026-03-02T08:15:00Z"),
    journalKey: "case-7f3c:request",
    requester,
    document,
    documentTitle: "Begjæring om innsyn",
    dueDate: new Date("2026-04-02T08:15:00Z"),
    ...overrides,
  });
}

function outgoing(overrides: Partial<Parameters<typeof buildOutgoingLetter>[0]> = {}) {
  return buildOutgoingLetter({
    ...base,
    caseFolder: { systemId: "3f0e4c7a-5b8d-4a41-9a51-2f1d6f6b9c10", caseYear: 2026, caseSequence: 12 },
    journalKey: "case-7f3c:answer",
    title: "Svar på innsynsbegjæring til Kari Nordmann",
    publicTitle: "Svar på innsynsbegjæring",
    sentAt: new Date("2026-03-20T10:00:00Z"),
    recipient: requester,
    document: { ...document, fileName: "svar.pdf", title: "Svar" },
    answersJournalKey: "case-7f3c:request",
    ...overrides,
  });
}

function journalposts(xml: string): XmlElement[] {
  return childrenNamed(parseXml(xml), "registrering");
}

describe("builders produce XSD-valid Fiks Arkiv V1 payloads", () => {
  it("saksmappe + incoming journalpost (arkivmelding.opprett)", async () => {
    expect(await validateFiksArkivXml(FIKS_ARKIV.opprett, incoming())).toEqual({ valid: true });
  });

  it("the minimum input (no classification, unit, address, due date) is valid too", async () => {
    const xml = incoming({ classification: undefined, unitName: undefined, dueDate: undefined, requester: { name: "Kari Nordmann" } });
    expect(await validateFiksArkivXml(FIKS_ARKIV.opprett, xml)).toEqual({ valid: true });
  });

  it("outgoing letter into an existing saksmappe (arkivmelding.opprett)", async () => {
    expect(await validateFiksArkivXml(FIKS_ARKIV.opprett, outgoing())).toEqual({ valid: true });
    const onlyKey = outgoing({ caseFolder: {}, answersJournalKey: undefined });
    expect(await validateFiksArkivXml(FIKS_ARKIV.opprett, onlyKey)).toEqual({ valid: true });
  });

  it("closing the case (arkivmelding.oppdater)", async () => {
    const close = buildCloseCase({ ...base, caseFolder: { systemId: "3f0e4c7a-5b8d-4a41-9a51-2f1d6f6b9c10" }, closedAt: new Date("2026-03-21T09:00:00Z") });
    expect(close.messageType).toBe(FIKS_ARKIV.oppdater);
    expect(await validateFiksArkivXml(close.messageType, close.xml)).toEqual({ valid: true });
  });

  it("sign-off of the incoming entry (avskrivning.opprett)", async () => {
    const signOff = buildSignOff({
      system: base.system,
      createdBy: base.createdBy,
      incomingJournalKey: "case-7f3c:request",
      answeredByJournalKey: "case-7f3c:answer",
      signedOffAt: new Date("2026-03-20T10:00:00Z"),
    });
    expect(signOff.messageType).toBe(FIKS_ARKIV.avskrivningOpprett);
    expect(await validateFiksArkivXml(signOff.messageType, signOff.xml)).toEqual({ valid: true });
  });
});

describe("message content", () => {
  it("screens every journalpost per offl. § 13: skjerming, screened party, public title", () => {
    for (const xml of [incoming(), outgoing()]) {
      const posts = journalposts(xml);
      expect(posts).toHaveLength(1);
      for (const jp of posts) {
        expect(xsiType(jp)).toEqual({ ns: NS.opprett, local: "journalpost" });
        expect(pathText(jp, ["skjerming", "tilgangsrestriksjon", "kode"])).toBe("13");
        expect(pathText(jp, ["skjerming", "skjermingshjemmel"])).toBe("Offl. § 13 jf. fvl. § 13");
        const parts = childrenNamed(jp, "korrespondansepart");
        expect(parts).toHaveLength(1);
        expect(childText(parts[0], "erSkjermet")).toBe("true");
        expect(childText(parts[0], "erPersonnavn")).toBe("true");
        // The name of the data subject stays in the screened title, never in the public one.
        expect(childText(jp, "tittel")).toContain("Kari Nordmann");
        expect(childText(jp, "offentligTittel")).not.toContain("Kari");
        const doc = childNamed(jp, "dokumentbeskrivelse");
        expect(pathText(doc, ["skjerming", "tilgangsrestriksjon", "kode"])).toBe("13");
      }
    }
    const mappe = childNamed(parseXml(incoming()), "mappe")!;
    expect(pathText(mappe, ["skjerming", "tilgangsrestriksjon", "kode"])).toBe("13");
    expect(childText(mappe, "offentligTittel")).not.toContain("Kari");
  });

  it("incoming: type I, journalført, avsender, mottattDato, keys and the attachment's file name", () => {
    const root = parseXml(incoming());
    expect(childText(root, "system")).toBe("Personvernportalen");
    expect(childText(root, "antallFiler")).toBe("1");
    const mappe = childNamed(root, "mappe")!;
    expect(xsiType(mappe)?.local).toBe("saksmappe");
    expect(pathText(mappe, ["referanseEksternNoekkel", "fagsystem"])).toBe("Personvernportalen");
    expect(pathText(mappe, ["referanseEksternNoekkel", "noekkel"])).toBe("case-7f3c");
    expect(pathText(mappe, ["saksstatus", "kode"])).toBe("B");
    const [jp] = journalposts(incoming());
    expect(pathText(jp, ["referanseForelderMappe", "referanseEksternNoekkel", "noekkel"])).toBe("case-7f3c");
    expect(pathText(jp, ["journalposttype", "kode"])).toBe("I");
    expect(pathText(jp, ["journalstatus", "kode"])).toBe("J");
    expect(childText(jp, "mottattDato")).toBe("2026-03-02T08:15:00.000Z");
    expect(childText(jp, "journaldato")).toBe("2026-03-02");
    expect(childText(jp, "forfallsdato")).toBe("2026-04-02");
    expect(pathText(jp, ["korrespondansepart", "korrespondanseparttype", "kode"])).toBe("EA");
    expect(pathText(jp, ["korrespondansepart", "personid"])).toBe("01017012345");
    expect(childrenNamed(childNamed(jp, "korrespondansepart"), "postadresse").map((e) => e.text)).toEqual(["Storgata 1", "Leilighet H0201"]);
    expect(pathText(jp, ["referanseEksternNoekkel", "fagsystem"])).toBe("Personvernportalen");
    expect(pathText(jp, ["referanseEksternNoekkel", "noekkel"])).toBe("case-7f3c:request");
    const obj = childNamed(childNamed(jp, "dokumentbeskrivelse"), "dokumentobjekt");
    expect(pathText(obj, ["format", "kode"])).toBe("PDF");
    expect(childText(obj, "referanseDokumentfil")).toBe("begjaering.pdf");
    expect(pathText(jp, ["dokumentbeskrivelse", "tilknyttetRegistreringSom", "kode"])).toBe("H");
  });

  it("outgoing: type U, ekspedert, mottaker, sendtDato, folder reference and the avskrivning of the request", () => {
    const [jp] = journalposts(outgoing());
    expect(pathText(jp, ["journalposttype", "kode"])).toBe("U");
    expect(pathText(jp, ["journalstatus", "kode"])).toBe("E");
    expect(childText(jp, "sendtDato")).toBe("2026-03-20T10:00:00.000Z");
    expect(childNamed(jp, "mottattDato")).toBeUndefined();
    const parent = childNamed(jp, "referanseForelderMappe");
    expect(childText(parent, "systemID")).toBe("3f0e4c7a-5b8d-4a41-9a51-2f1d6f6b9c10");
    expect(pathText(parent, ["saksnummer", "saksaar"])).toBe("2026");
    expect(pathText(parent, ["saksnummer", "sakssekvensnummer"])).toBe("12");
    expect(pathText(parent, ["referanseEksternNoekkel", "noekkel"])).toBe("case-7f3c");
    const part = childNamed(jp, "korrespondansepart");
    expect(pathText(part, ["korrespondanseparttype", "kode"])).toBe("EM");
    const avskrivning = childNamed(part, "avskrivning");
    expect(pathText(avskrivning, ["avskrivningsmaate", "kode"])).toBe("BU");
    expect(pathText(avskrivning, ["referanseAvskriverJournalpost", "referanseEksternNoekkel", "noekkel"])).toBe("case-7f3c:request");
    expect(childNamed(childNamed(journalposts(outgoing({ answersJournalKey: undefined }))[0], "korrespondansepart"), "avskrivning")).toBeUndefined();
  });

  it("closing sets saksstatus A with avsluttetDato", () => {
    const { xml } = buildCloseCase({ ...base, caseFolder: { caseYear: 2026, caseSequence: 12 }, closedAt: new Date("2026-03-21T09:00:00Z") });
    const update = childNamed(parseXml(xml), "mappeOppdateringer")!;
    expect(xsiType(update)).toEqual({ ns: NS.oppdater, local: "saksmappeOppdatering" });
    expect(pathText(update, ["saksstatus", "kode"])).toBe("A");
    expect(childText(update, "avsluttetDato")).toBe("2026-03-21T09:00:00.000Z");
    expect(pathText(update, ["referanseTilMappe", "saksnummer", "sakssekvensnummer"])).toBe("12");
  });

  it("escapes & < > \" ' in every text and stays valid", async () => {
    const nasty = `Kari "K" <script>&amp; O'Brien >`;
    const xml = incoming({ caseTitle: nasty, requester: { ...requester, name: nasty }, caseKey: "a&b<c>" });
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;&amp;amp; O&apos;Brien &gt;");
    expect(xml).toContain("Kari &quot;K&quot;");
    expect(await validateFiksArkivXml(FIKS_ARKIV.opprett, xml)).toEqual({ valid: true });
    const [jp] = journalposts(xml);
    expect(childText(jp, "tittel")).toBe(nasty);
    expect(pathText(jp, ["korrespondansepart", "korrespondansepartNavn"])).toBe(nasty);
    expect(pathText(jp, ["referanseForelderMappe", "referanseEksternNoekkel", "noekkel"])).toBe("a&b<c>");
  });

  it("drops characters XML 1.0 cannot carry instead of producing a broken document", async () => {
    const xml = incoming({ caseTitle: "Tittel\u0000med\u0007kontroll\uFFFF" });
    expect(childText(journalposts(xml)[0], "tittel")).toBe("Tittelmedkontroll");
    expect(await validateFiksArkivXml(FIKS_ARKIV.opprett, xml)).toEqual({ valid: true });
  });

  it("journal dates are Norwegian calendar dates", () => {
    expect(xsDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(xsDate(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
    expect(xsDate(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
  });

  it("refuses empty required fields and invalid dates at build time", () => {
    expect(() => incoming({ caseTitle: " " })).toThrow(/caseTitle/);
    expect(() => incoming({ receivedAt: new Date("nope") })).toThrow(/receivedAt/);
    expect(() => outgoing({ journalKey: "" })).toThrow(/journalKey/);
  });
});

describe("validateFiksArkivXml refuses broken messages", () => {
  it("a journalpost without tittel fails with the XSD's error", async () => {
    const broken = incoming().replace(/<tittel>Innsynsbegjæring fra Kari Nordmann<\/tittel><offentligTittel>Innsynsbegjæring etter personvernforordningen art. 15<\/offentligTittel><korr/, "<korr");
    expect(broken).not.toBe(incoming());
    const result = await validateFiksArkivXml(FIKS_ARKIV.opprett, broken);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors.join("\n")).toMatch(/korrespondansepart.*not expected|tittel/);
  });

  it("elements in the wrong order or with a wrong type fail", async () => {
    const swapped = incoming().replace("<antallFiler>1</antallFiler>", "<antallFiler>en</antallFiler>");
    const result = await validateFiksArkivXml(FIKS_ARKIV.opprett, swapped);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors.join("\n")).toContain("antallFiler");
  });

  it("not well-formed XML fails", async () => {
    const result = await validateFiksArkivXml(FIKS_ARKIV.opprett, incoming().replace("</arkivmelding>", ""));
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0]).toMatch(/well-formed/);
  });

  it("a payload of another message type fails, even though its XSD is imported", async () => {
    const result = await validateFiksArkivXml(FIKS_ARKIV.oppdater, incoming());
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.errors[0]).toMatch(/does not belong/);
  });

  it("a message type without an XSD fails", async () => {
    const result = await validateFiksArkivXml(FIKS_ARKIV.opprettMottatt, incoming());
    expect(result).toEqual({ valid: false, errors: [expect.stringMatching(/No XSD/)] });
  });

  it("DOCTYPE is refused", async () => {
    const xml = incoming().replace("<arkivmelding ", '<!DOCTYPE x [<!ENTITY e "x">]><arkivmelding ');
    const result = await validateFiksArkivXml(FIKS_ARKIV.opprett, xml);
    expect(result.valid).toBe(false);
  });
});

describe("receipts and error replies", () => {
  const folderId = "0b0e8a52-8c3a-4a6e-9d7e-0b0a3c1f0001";
  const entryId = "0b0e8a52-8c3a-4a6e-9d7e-0b0a3c1f0002";

  it("a built kvittering is XSD-valid and parses to case number and entry reference", async () => {
    const xml = buildOpprettKvittering({
      caseFolder: { systemId: folderId, caseYear: 2026, caseSequence: 1234, caseDate: new Date("2026-03-02T08:15:00Z"), created: true, externalKey: { system: "P", key: "k" } },
      journalEntry: {
        systemId: entryId,
        journalYear: 2026,
        journalSequence: 5678,
        entryNumber: 1,
        type: "I",
        journalDate: new Date("2026-03-02T08:15:00Z"),
        createdAt: new Date("2026-03-02T08:15:00Z"),
        created: true,
        documents: [{ systemId: "0b0e8a52-8c3a-4a6e-9d7e-0b0a3c1f0003", documentNumber: 1, objectSystemIds: ["0b0e8a52-8c3a-4a6e-9d7e-0b0a3c1f0004"] }],
      },
    });
    expect(await validateFiksArkivXml(FIKS_ARKIV.opprettKvittering, xml)).toEqual({ valid: true });
    expect(parseOpprettKvittering(xml)).toEqual({
      caseFolder: { systemId: folderId, caseYear: 2026, caseSequence: 1234, caseNumber: "2026/1234", created: true },
      journalEntry: { systemId: entryId, journalYear: 2026, journalSequence: 5678, entryNumber: 1, entryReference: "2026/1234-1", created: true },
    });
  });

  it("reads a kvittering written with other prefixes, and reports failed parts", async () => {
    const xml = `<?xml version="1.0"?>
<k:arkivmeldingKvittering xmlns:k="${NS.kvittering}" xmlns:f="${NS.feilmelding}" xmlns:x="http://www.w3.org/2001/XMLSchema-instance">
  <k:mappeKvittering x:type="k:saksmappeKvittering">
    <k:systemID>${folderId}</k:systemID><k:opprettetEllerEksisterende>Eksisterende</k:opprettetEllerEksisterende>
    <k:saksaar>2026</k:saksaar><k:sakssekvensnummer>7</k:sakssekvensnummer>
  </k:mappeKvittering>
  <k:registreringFeilet><f:feilId>e-1</f:feilId><f:feilmelding>Låst</f:feilmelding></k:registreringFeilet>
</k:arkivmeldingKvittering>`;
    expect(await validateFiksArkivXml(FIKS_ARKIV.opprettKvittering, xml)).toEqual({ valid: true });
    expect(parseOpprettKvittering(xml)).toEqual({
      caseFolder: { systemId: folderId, caseYear: 2026, caseSequence: 7, caseNumber: "2026/7", created: false },
      failures: [{ part: "registrering", errorId: "e-1", message: "Låst" }],
    });
  });

  it("a journalpost-only kvittering needs the known folder numbers for the entry reference", () => {
    const xml = buildOpprettKvittering({
      journalEntry: { systemId: entryId, journalYear: 2026, journalSequence: 9, entryNumber: 2, type: "U", journalDate: new Date(), createdAt: new Date(), created: true },
    });
    expect(() => parseOpprettKvittering(xml)).toThrow(/knownCaseFolder/);
    expect(parseOpprettKvittering(xml, { knownCaseFolder: { caseYear: 2026, caseSequence: 7 } }).journalEntry?.entryReference).toBe("2026/7-2");
  });

  it("refuses something that is not a kvittering", () => {
    expect(() => parseOpprettKvittering(buildErrorReply("serverfeil", "x"))).toThrow(/Not an arkivmelding kvittering/);
  });

  it.each(["ugyldigforespoersel", "serverfeil", "ikkefunnet"] as const)("%s: valid against its XSD and read back", async (kind) => {
    const xml = buildErrorReply(kind, `Feil i <tittel> & "noe"`, "corr-42");
    expect(await validateFiksArkivXml(FIKS_ARKIV[kind], xml)).toEqual({ valid: true });
    expect(parseErrorReply(xml)).toEqual({ code: kind, message: `Feil i <tittel> & "noe"`, correlationId: "corr-42" });
  });

  it("an error reply without correlation id gets a fresh feilId (the XSD requires one)", async () => {
    const xml = buildErrorReply("ikkefunnet", "Fant ikke saksmappen");
    expect(await validateFiksArkivXml(FIKS_ARKIV.ikkefunnet, xml)).toEqual({ valid: true });
    expect(parseErrorReply(xml).correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
