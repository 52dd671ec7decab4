import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createArchiveCore } from "@/lib/archive/archive-core";
import { buildCaseFolderWithIncoming, buildCloseCase, buildOutgoingLetter, buildSignOff, FIKS_ARKIV, type ArchiveMessageBase } from "@/lib/archive/arkivmelding";
import { parseErrorReply, parseOpprettKvittering } from "@/lib/archive/receipts";
import { validateFiksArkivXml } from "@/lib/archive/validate";

const YEAR = 2031;
const base: ArchiveMessageBase = {
  system: "Personvernportalen",
  organisation: { orgNumber: "921234567", name: "Eksempel kommune" },
  caseKey: "case-1",
  createdBy: "Personvernportalen",
};
const pdf = new TextEncoder().encode("%PDF-1.7 request");
const answerPdf = new TextEncoder().encode("%PDF-1.7 answer");
const person = { name: "Kari Nordmann", nationalId: "01017012345" };

function request(caseKey = "case-1", journalKey = `${caseKey}:request`, bytes = pdf) {
  return buildCaseFolderWithIncoming({
    ...base,
    caseKey,
    caseTitle: "Innsynsbegjæring fra Kari Nordmann",
    publicCaseTitle: "Innsynsbegjæring etter personvernforordningen art. 15",
    receivedAt: new Date("2031-02-03T10:00:00Z"),
    journalKey,
    requester: person,
    document: { fileName: "request.pdf", title: "Begjæring", mimeType: "application/pdf", sha256: createHash("sha256").update(bytes).digest("hex") },
  });
}

function answer(caseFolder: { systemId?: string; caseYear?: number; caseSequence?: number } = {}, journalKey = "case-1:answer", caseKey = "case-1") {
  return buildOutgoingLetter({
    ...base,
    caseKey,
    caseFolder,
    journalKey,
    title: "Svar til Kari Nordmann",
    publicTitle: "Svar på innsynsbegjæring",
    sentAt: new Date("2031-02-20T10:00:00Z"),
    recipient: person,
    document: { fileName: "answer.pdf", title: "Svar", mimeType: "application/pdf" },
    answersJournalKey: "case-1:request",
  });
}

const files = (name: string, bytes: Uint8Array) => new Map([[name, bytes]]);

async function kvitteringOf(replies: { messageType: string; xml: string | null }[]) {
  expect(replies.map((r) => r.messageType)).toEqual([FIKS_ARKIV.opprettMottatt, FIKS_ARKIV.opprettKvittering]);
  expect(replies[0]!.xml).toBeNull();
  const xml = replies[1]!.xml!;
  // The stand-in's own receipts must pass the same XSD the portal's receipts would.
  expect(await validateFiksArkivXml(FIKS_ARKIV.opprettKvittering, xml)).toEqual({ valid: true });
  return parseOpprettKvittering(xml);
}

function errorOf(replies: { messageType: string; xml: string | null }[], messageType: string) {
  const last = replies.at(-1)!;
  expect(last.messageType).toBe(messageType);
  return parseErrorReply(last.xml!);
}

describe("archive core", () => {
  it("creates saksmappe and incoming entry: YYYY/1 and YYYY/1-1, screened, file stored", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const receipt = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf))).replies);
    expect(receipt.caseFolder).toMatchObject({ caseNumber: `${YEAR}/1`, caseYear: YEAR, caseSequence: 1, created: true });
    expect(receipt.journalEntry).toMatchObject({ entryReference: `${YEAR}/1-1`, entryNumber: 1, journalYear: YEAR, journalSequence: 1, created: true });

    const [folder] = core.folders();
    expect(folder).toMatchObject({ systemId: receipt.caseFolder!.systemId, caseNumber: `${YEAR}/1`, caseKey: "case-1", status: "open", closedAt: null });
    expect(folder!.entries).toHaveLength(1);
    const entry = core.entry(receipt.journalEntry!.systemId)!;
    expect(entry).toMatchObject({ entryReference: `${YEAR}/1-1`, journalKey: "case-1:request", type: "I", screened: true, title: "Innsynsbegjæring fra Kari Nordmann" });
    expect(entry.receivedAt.toISOString()).toBe("2031-02-03T10:00:00.000Z");
    expect(entry.files).toEqual([{ fileName: "request.pdf", bytes: pdf }]);
    expect(entry.xml).toContain("case-1:request");
    expect(core.entry("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("numbers a second case YYYY/2 and the outgoing letter -2; the answer signs off the request", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const first = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf))).replies);
    const second = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request("case-2"), files("request.pdf", pdf))).replies);
    expect(second.caseFolder?.caseNumber).toBe(`${YEAR}/2`);
    expect(second.journalEntry?.entryReference).toBe(`${YEAR}/2-1`);

    const out = await kvitteringOf(
      (await core.handle(FIKS_ARKIV.opprett, answer({ systemId: first.caseFolder!.systemId, caseYear: YEAR, caseSequence: 1 }), files("answer.pdf", answerPdf))).replies,
    );
    // The folder is reported as existing so the sender can form the entry reference.
    expect(out.caseFolder).toMatchObject({ caseNumber: `${YEAR}/1`, created: false });
    expect(out.journalEntry).toMatchObject({ entryReference: `${YEAR}/1-2`, entryNumber: 2, journalSequence: 3, created: true });
    const outEntry = core.entry(out.journalEntry!.systemId)!;
    expect(outEntry).toMatchObject({ type: "U", screened: true, journalKey: "case-1:answer" });
    expect(core.entry(first.journalEntry!.systemId)!.answeredBy).toBe(`${YEAR}/1-2`);
    expect(core.folders().map((f) => f.entries.length)).toEqual([2, 1]);
  });

  it("finds the folder by referanseEksternNoekkel alone", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf));
    const out = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, answer({}), files("answer.pdf", answerPdf))).replies);
    expect(out.journalEntry?.entryReference).toBe(`${YEAR}/1-2`);
  });

  it("a repeated message gets the same numbers and creates nothing twice", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const a = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf))).replies);
    const b = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf))).replies);
    expect(b.caseFolder).toEqual({ ...a.caseFolder, created: false });
    expect(b.journalEntry).toEqual({ ...a.journalEntry, created: false });

    const l1 = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, answer(), files("answer.pdf", answerPdf))).replies);
    const l2 = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, answer(), files("answer.pdf", answerPdf))).replies);
    expect(l2.journalEntry).toEqual({ ...l1.journalEntry, created: false });

    expect(core.folders()).toHaveLength(1);
    expect(core.folders()[0]!.entries.map((e) => e.entryReference)).toEqual([`${YEAR}/1-1`, `${YEAR}/1-2`]);
    // The next new case continues the sequence: no number was used up by the repeats.
    const next = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request("case-2"), files("request.pdf", pdf))).replies);
    expect(next.caseFolder?.caseNumber).toBe(`${YEAR}/2`);
    expect(next.journalEntry?.journalSequence).toBe(3);
  });

  it("close marks the folder closed; a repeat keeps the first closing time; later entries are refused", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const r = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf))).replies);
    const close = buildCloseCase({ ...base, caseFolder: { systemId: r.caseFolder!.systemId }, closedAt: new Date("2031-03-01T12:00:00Z") });
    const { replies } = await core.handle(close.messageType, close.xml, new Map());
    expect(replies).toEqual([
      { messageType: FIKS_ARKIV.oppdaterMottatt, xml: null },
      { messageType: FIKS_ARKIV.oppdaterKvittering, xml: null },
    ]);
    expect(core.folders()[0]).toMatchObject({ status: "closed", closedAt: new Date("2031-03-01T12:00:00Z") });

    const again = buildCloseCase({ ...base, caseFolder: {}, closedAt: new Date("2031-03-05T12:00:00Z") });
    await core.handle(again.messageType, again.xml, new Map());
    expect(core.folders()[0]!.closedAt).toEqual(new Date("2031-03-01T12:00:00Z"));

    const late = await core.handle(FIKS_ARKIV.opprett, answer(), files("answer.pdf", answerPdf));
    expect(errorOf(late.replies, FIKS_ARKIV.ugyldigforespoersel).message).toMatch(/avsluttet/);
    expect(core.folders()[0]!.entries).toHaveLength(1);
  });

  it("invalid XML gets one ugyldigforespoersel whose message is the validator's error", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const broken = request().replace("<antallFiler>1</antallFiler>", "");
    const { replies } = await core.handle(FIKS_ARKIV.opprett, broken, files("request.pdf", pdf));
    expect(replies).toHaveLength(1);
    const error = errorOf(replies, FIKS_ARKIV.ugyldigforespoersel);
    expect(error.code).toBe("ugyldigforespoersel");
    expect(error.message).toMatch(/Schemas validity error.*antallFiler/s);
    expect(core.folders()).toEqual([]);

    const garbage = await core.handle(FIKS_ARKIV.opprett, "<arkivmelding>", new Map());
    expect(errorOf(garbage.replies, FIKS_ARKIV.ugyldigforespoersel).message).toMatch(/well-formed/);
  });

  it("a journalpost for an unknown folder gets mottatt + ikkefunnet and nothing is created", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf));
    const { replies } = await core.handle(FIKS_ARKIV.opprett, answer({}, "case-9:answer", "case-9"), files("answer.pdf", answerPdf));
    expect(replies[0]).toEqual({ messageType: FIKS_ARKIV.opprettMottatt, xml: null });
    const error = errorOf(replies, FIKS_ARKIV.ikkefunnet);
    expect(error).toMatchObject({ code: "ikkefunnet", message: expect.stringMatching(/saksmappen/) });
    expect(core.folders()[0]!.entries).toHaveLength(1);

    // An existing key with a systemID of no folder is also not found: every identifier must match.
    const mixed = await core.handle(FIKS_ARKIV.opprett, answer({ systemId: "00000000-0000-4000-8000-000000000000" }), files("answer.pdf", answerPdf));
    expect(errorOf(mixed.replies, FIKS_ARKIV.ikkefunnet).message).toMatch(/systemID/);

    const close = buildCloseCase({ ...base, caseKey: "case-9", caseFolder: {}, closedAt: new Date() });
    const closeReplies = (await core.handle(close.messageType, close.xml, new Map())).replies;
    expect(closeReplies[0]).toEqual({ messageType: FIKS_ARKIV.oppdaterMottatt, xml: null });
    errorOf(closeReplies, FIKS_ARKIV.ikkefunnet);
  });

  it("an answer naming an unknown incoming entry is not found and creates nothing", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    await core.handle(FIKS_ARKIV.opprett, request("case-1", "other-key"), files("request.pdf", pdf));
    const { replies } = await core.handle(FIKS_ARKIV.opprett, answer(), files("answer.pdf", answerPdf));
    expect(errorOf(replies, FIKS_ARKIV.ikkefunnet).message).toMatch(/journalposten/);
    expect(core.folders()[0]!.entries).toHaveLength(1);
  });

  it("a document named in the XML but missing from the attachments is refused", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const { replies } = await core.handle(FIKS_ARKIV.opprett, request(), files("other.pdf", pdf));
    expect(replies).toHaveLength(1);
    expect(errorOf(replies, FIKS_ARKIV.ugyldigforespoersel).message).toMatch(/request\.pdf.*mangler/);
    const none = await core.handle(FIKS_ARKIV.opprett, request(), new Map());
    errorOf(none.replies, FIKS_ARKIV.ugyldigforespoersel);
    expect(core.folders()).toEqual([]);
  });

  it("a file whose checksum differs from sjekksum, or an extra file, is refused", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const bad = await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", answerPdf));
    expect(errorOf(bad.replies, FIKS_ARKIV.ugyldigforespoersel).message).toMatch(/Sjekksummen/);
    const extra = await core.handle(FIKS_ARKIV.opprett, request(), new Map([["request.pdf", pdf], ["x.pdf", pdf]]));
    expect(errorOf(extra.replies, FIKS_ARKIV.ugyldigforespoersel).message).toMatch(/antallFiler/);
    expect(core.folders()).toEqual([]);
  });

  it("avskrivning.opprett signs off the incoming entry", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const r = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf))).replies);
    const letter = buildOutgoingLetter({
      ...base,
      caseFolder: {},
      journalKey: "case-1:letter",
      title: "Brev til Kari Nordmann",
      publicTitle: "Brev",
      sentAt: new Date(),
      recipient: person,
      document: { fileName: "answer.pdf", title: "Brev", mimeType: "application/pdf" },
    });
    await core.handle(FIKS_ARKIV.opprett, letter, files("answer.pdf", answerPdf));
    expect(core.entry(r.journalEntry!.systemId)!.answeredBy).toBeUndefined();
    const signOff = buildSignOff({ system: base.system, createdBy: base.createdBy, incomingJournalKey: "case-1:request", answeredByJournalKey: "case-1:letter", signedOffAt: new Date() });
    const { replies } = await core.handle(signOff.messageType, signOff.xml, new Map());
    expect(replies).toEqual([
      { messageType: FIKS_ARKIV.avskrivningMottatt, xml: null },
      { messageType: FIKS_ARKIV.avskrivningKvittering, xml: null },
    ]);
    expect(core.entry(r.journalEntry!.systemId)!.answeredBy).toBe(`${YEAR}/1-2`);
  });

  it("an unsupported message type is refused", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    const { replies } = await core.handle("no.ks.fiks.arkiv.v1.innsyn.sok", "<sok/>", new Map());
    expect(errorOf(replies, FIKS_ARKIV.ugyldigforespoersel).message).toMatch(/støttes ikke/);
  });

  it("numbers restart per year", async () => {
    let year = 2031;
    const core = createArchiveCore({ year: () => year });
    await core.handle(FIKS_ARKIV.opprett, request("a"), files("request.pdf", pdf));
    year = 2032;
    const r = await kvitteringOf((await core.handle(FIKS_ARKIV.opprett, request("b"), files("request.pdf", pdf))).replies);
    expect(r.caseFolder?.caseNumber).toBe("2032/1");
    expect(r.journalEntry).toMatchObject({ entryReference: "2032/1-1", journalYear: 2032, journalSequence: 1 });
  });

  it("returned folders and entries are copies: changing them does not change the archive", async () => {
    const core = createArchiveCore({ year: () => YEAR });
    await core.handle(FIKS_ARKIV.opprett, request(), files("request.pdf", pdf));
    const f = core.folders()[0]!;
    f.status = "closed";
    f.entries[0]!.files[0]!.bytes[0] = 0;
    f.entries.pop();
    expect(core.folders()[0]!.status).toBe("open");
    expect(core.folders()[0]!.entries[0]!.files[0]!.bytes).toEqual(pdf);
  });
});
