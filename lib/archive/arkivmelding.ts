// Builders for the Fiks Arkiv V1 payloads the portal sends (pure; they return XML strings).
// The XSDs in lib/archive/schemas/fiks-arkiv-v1 are the final word on names and order; element
// order below follows their xs:sequence exactly. Children of metadatakatalog types (kode,
// eksternNoekkel, referanseTilMappe, identifikatorer ...) are in the metadatakatalog namespace
// because that schema is elementFormDefault="qualified"; hence the n5mdk: prefix.

import { CODES, FIKS_ARKIV, NS, SKJERMING_OFFL_13 } from "@/lib/archive/protocol";
import { documentString, leaf, node, type Fragment } from "@/lib/archive/xml";

export { FIKS_ARKIV, SKJERMING_OFFL_13 } from "@/lib/archive/protocol";

export type ArchiveParty = {
  name: string;
  nationalId?: string | null;
  postAddress?: { lines: string[]; postalCode: string; city: string } | null;
  email?: string | null;
};

export type ArchiveDocument = {
  /** Name of the attachment next to arkivmelding.xml; becomes filnavn and referanseDokumentfil. */
  fileName: string;
  title: string;
  mimeType: "application/pdf";
  /** True when the file is PDF/A: variantformat "A" (Arkivformat), else "P" (Produksjonsformat). */
  pdfA?: boolean;
  /** Hex SHA-256 of the file; lets the archive check the attachment (sjekksum). */
  sha256?: string | null;
  sizeBytes?: number | null;
};

export type ArchiveMessageBase = {
  /** Fagsystem, e.g. "Personvernportalen": arkivmelding.system and every referanseEksternNoekkel.fagsystem. */
  system: string;
  organisation: { orgNumber: string; name: string };
  /** Our case id: the saksmappe's referanseEksternNoekkel.noekkel. */
  caseKey: string;
  createdBy: string;
};

/** How to point at an existing saksmappe; caseKey (referanseEksternNoekkel) is always sent too. */
export type ArchiveCaseFolderRef = {
  systemId?: string | null;
  caseYear?: number | null;
  caseSequence?: number | null;
};

export class ArchiveMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveMessageError";
  }
}

// ------------------------------------------------------------------ small helpers

function required(value: string | null | undefined, field: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new ArchiveMessageError(`${field} is required`);
  return value;
}

function validDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new ArchiveMessageError(`${field} is not a valid date`);
  return value;
}

const osloDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" });

/** xs:date as the calendar date in Norway: journal dates are the municipality's local dates. */
export function xsDate(value: Date): string {
  return osloDate.format(value);
}

/** xs:dateTime, always UTC with Z so no reader has to guess the offset. */
export function xsDateTime(value: Date): string {
  return value.toISOString();
}

function kode(name: string, code: string, description?: string): Fragment {
  return node(name, [leaf("n5mdk:kode", code), description ? leaf("n5mdk:beskrivelse", description) : null]);
}

function eksternNoekkel(name: string, system: string, key: string): Fragment {
  return node(name, [leaf("n5mdk:fagsystem", required(system, "system")), leaf("n5mdk:noekkel", required(key, "key"))]);
}

function skjerming(): Fragment {
  return node("skjerming", [
    kode("tilgangsrestriksjon", SKJERMING_OFFL_13.tilgangsrestriksjon.code, SKJERMING_OFFL_13.tilgangsrestriksjon.description),
    leaf("skjermingshjemmel", SKJERMING_OFFL_13.skjermingshjemmel),
  ]);
}

/** referanseTilMappe content: systemID, saksnummer, referanseEksternNoekkel (that order in the XSD). */
function folderReference(name: string, base: ArchiveMessageBase, ref: ArchiveCaseFolderRef): Fragment {
  const hasNumber = ref.caseYear != null && ref.caseSequence != null;
  return node(name, [
    ref.systemId ? leaf("n5mdk:systemID", ref.systemId) : null,
    hasNumber
      ? node("n5mdk:saksnummer", [leaf("n5mdk:saksaar", ref.caseYear!), leaf("n5mdk:sakssekvensnummer", ref.caseSequence!)])
      : null,
    eksternNoekkel("n5mdk:referanseEksternNoekkel", base.system, base.caseKey),
  ]);
}

/** referanseTilJournalpost by referanseEksternNoekkel (our journalKey). */
function journalReference(name: string, system: string, journalKey: string): Fragment {
  return node(name, [eksternNoekkel("n5mdk:referanseEksternNoekkel", system, journalKey)]);
}

/** The korrespondansepartID we give each party, so an avskrivning.opprett can name it later. */
export function correspondencePartId(journalKey: string, role: "avsender" | "mottaker"): string {
  return `${required(journalKey, "journalKey")}:${role}`;
}

function korrespondansepart(party: ArchiveParty, journalKey: string, role: "avsender" | "mottaker", extra: Fragment[] = []): Fragment {
  const type = role === "avsender" ? "EA" : "EM";
  const address = party.postAddress;
  return node("korrespondansepart", [
    leaf("korrespondansepartID", correspondencePartId(journalKey, role)),
    kode("korrespondanseparttype", type, CODES.korrespondanseparttype[type]),
    leaf("erBehandlingsansvarlig", false),
    leaf("korrespondansepartNavn", required(party.name, "party.name")),
    party.nationalId ? leaf("personid", party.nationalId) : null,
    ...(address ? address.lines.filter((l) => l.trim() !== "").map((l) => leaf("postadresse", l)) : []),
    address?.postalCode ? leaf("postnummer", address.postalCode) : null,
    address?.city ? leaf("poststed", address.city) : null,
    party.email ? leaf("epostadresse", party.email) : null,
    // The data subject's name and identity are screened from the public journal (offl. § 13).
    leaf("erSkjermet", true),
    leaf("erPersonnavn", true),
    ...extra,
  ]);
}

function dokumentbeskrivelse(base: ArchiveMessageBase, document: ArchiveDocument, title: string): Fragment {
  required(document.fileName, "document.fileName");
  const variant = document.pdfA ? "A" : "P";
  return node("dokumentbeskrivelse", [
    kode("dokumentstatus", "F", CODES.dokumentstatus.F),
    leaf("tittel", required(title, "document title")),
    leaf("opprettetAv", required(base.createdBy, "createdBy")),
    kode("tilknyttetRegistreringSom", "H", CODES.tilknyttetRegistreringSom.H),
    leaf("dokumentnummer", 1),
    skjerming(),
    node("dokumentobjekt", [
      leaf("versjonsnummer", 1),
      kode("variantformat", variant, CODES.variantformat[variant]),
      kode("format", "PDF", "PDF"),
      leaf("mimeType", document.mimeType),
      leaf("filnavn", document.fileName),
      leaf("referanseDokumentfil", document.fileName),
      document.sha256 ? leaf("sjekksum", document.sha256.toLowerCase()) : null,
      document.sha256 ? leaf("sjekksumAlgoritme", "SHA256") : null,
      document.sizeBytes != null ? leaf("filstoerrelse", document.sizeBytes) : null,
    ]),
  ]);
}

function rootAttrs(defaultNs: string): Record<string, string> {
  return { xmlns: defaultNs, "xmlns:n5mdk": NS.metadatakatalog, "xmlns:xsi": NS.xsi };
}

type JournalpostInput = {
  base: ArchiveMessageBase;
  parent: Fragment;
  type: "I" | "U";
  journalKey: string;
  title: string;
  publicTitle: string;
  date: Date;
  party: ArchiveParty;
  partyExtra?: Fragment[];
  document: ArchiveDocument;
  documentTitle: string;
  dueDate?: Date | null;
};

function journalpost(input: JournalpostInput): Fragment {
  const { base, type } = input;
  const date = validDate(input.date, type === "I" ? "receivedAt" : "sentAt");
  const status = type === "I" ? "J" : "E";
  return node(
    "registrering",
    [
      leaf("opprettetAv", required(base.createdBy, "createdBy")),
      input.parent,
      skjerming(),
      dokumentbeskrivelse(base, input.document, input.documentTitle),
      // tittel carries the personal data and is screened; offentligTittel is what the public
      // journal shows (the V1 skjerming type has no skjermingMetadata, so this pair is the way).
      leaf("tittel", required(input.title, "title")),
      leaf("offentligTittel", required(input.publicTitle, "publicTitle")),
      korrespondansepart(input.party, input.journalKey, type === "I" ? "avsender" : "mottaker", input.partyExtra),
      eksternNoekkel("referanseEksternNoekkel", base.system, input.journalKey),
      kode("journalposttype", type, CODES.journalposttype[type]),
      kode("journalstatus", status, CODES.journalstatus[status]),
      leaf("journaldato", xsDate(date)),
      leaf("dokumentetsDato", xsDate(date)),
      type === "I" ? leaf("mottattDato", xsDateTime(date)) : null,
      type === "U" ? leaf("sendtDato", xsDateTime(date)) : null,
      input.dueDate ? leaf("forfallsdato", xsDate(validDate(input.dueDate, "dueDate"))) : null,
      leaf("offentlighetsvurdertDato", xsDate(date)),
      leaf("antallVedlegg", 0),
    ],
    { "xsi:type": "journalpost" },
  );
}

// ------------------------------------------------------------------ public builders

export type CaseFolderWithIncomingInput = ArchiveMessageBase & {
  /** Full case title; screened (may name the data subject). */
  caseTitle: string;
  /** Title for the public journal, e.g. "Innsynsbegjæring etter personvernforordningen art. 15". */
  publicCaseTitle: string;
  classification?: { system: string; value: string };
  unitName?: string;
  receivedAt: Date;
  /** referanseEksternNoekkel.noekkel of the incoming journalpost. */
  journalKey: string;
  requester: ArchiveParty;
  document: ArchiveDocument;
  /** dokumentbeskrivelse.tittel; defaults to document.title. */
  documentTitle?: string;
  /** Title of the journalpost; defaults to caseTitle. Screened. */
  entryTitle?: string;
  publicEntryTitle?: string;
  /** forfallsdato of the request (the GDPR answer deadline). */
  dueDate?: Date | null;
};

/**
 * arkivmelding.opprett with a new saksmappe and its incoming journalpost (type I). The two are
 * siblings in the V1 schema; the journalpost points at the new folder with
 * referanseForelderMappe/referanseEksternNoekkel = the folder's key.
 */
export function buildCaseFolderWithIncoming(input: CaseFolderWithIncomingInput): string {
  const receivedAt = validDate(input.receivedAt, "receivedAt");
  const mappe = node(
    "mappe",
    [
      leaf("tittel", required(input.caseTitle, "caseTitle")),
      leaf("offentligTittel", required(input.publicCaseTitle, "publicCaseTitle")),
      leaf("opprettetAv", required(input.createdBy, "createdBy")),
      skjerming(),
      input.classification
        ? node("klassifikasjon", [
            leaf("klassifikasjonssystemID", required(input.classification.system, "classification.system")),
            leaf("klasseID", required(input.classification.value, "classification.value")),
          ])
        : null,
      eksternNoekkel("referanseEksternNoekkel", input.system, input.caseKey),
      leaf("saksdato", xsDate(receivedAt)),
      input.unitName ? node("administrativEnhet", [leaf("n5mdk:navn", input.unitName)]) : null,
      kode("saksstatus", "B", CODES.saksstatus.B),
    ],
    { "xsi:type": "saksmappe" },
  );
  const registrering = journalpost({
    base: input,
    parent: node("referanseForelderMappe", [eksternNoekkel("n5mdk:referanseEksternNoekkel", input.system, input.caseKey)]),
    type: "I",
    journalKey: input.journalKey,
    title: input.entryTitle ?? input.caseTitle,
    publicTitle: input.publicEntryTitle ?? input.publicCaseTitle,
    date: receivedAt,
    party: input.requester,
    document: input.document,
    documentTitle: input.documentTitle ?? input.document.title,
    dueDate: input.dueDate,
  });
  return documentString(
    node("arkivmelding", [leaf("system", required(input.system, "system")), leaf("antallFiler", 1), mappe, registrering], rootAttrs(NS.opprett)),
  );
}

export type OutgoingLetterInput = ArchiveMessageBase & {
  caseFolder: ArchiveCaseFolderRef;
  journalKey: string;
  title: string;
  publicTitle: string;
  sentAt: Date;
  recipient: ArchiveParty;
  document: ArchiveDocument;
  documentTitle?: string;
  /** journalKey of the incoming journalpost this letter answers: an avskrivning "BU" is recorded. */
  answersJournalKey?: string;
};

/**
 * arkivmelding.opprett with one outgoing journalpost (type U) in an existing saksmappe, named by
 * referanseForelderMappe (systemID and saksnummer when known, always referanseEksternNoekkel).
 * When it answers an incoming entry, the recipient carries an avskrivning (BU) whose
 * referanseAvskriverJournalpost names the incoming journalpost. Archives that register avskrivning
 * only on the incoming entry can be sent buildSignOff as well.
 */
export function buildOutgoingLetter(input: OutgoingLetterInput): string {
  const sentAt = validDate(input.sentAt, "sentAt");
  const avskrivning = input.answersJournalKey
    ? node("avskrivning", [
        leaf("avskrivningsdato", xsDate(sentAt)),
        node("avskrevetAv", [leaf("n5mdk:navn", required(input.createdBy, "createdBy"))]),
        kode("avskrivningsmaate", "BU", CODES.avskrivningsmaate.BU),
        journalReference("referanseAvskriverJournalpost", input.system, input.answersJournalKey),
      ])
    : null;
  const registrering = journalpost({
    base: input,
    parent: folderReference("referanseForelderMappe", input, input.caseFolder),
    type: "U",
    journalKey: input.journalKey,
    title: input.title,
    publicTitle: input.publicTitle,
    date: sentAt,
    party: input.recipient,
    partyExtra: avskrivning ? [avskrivning] : [],
    document: input.document,
    documentTitle: input.documentTitle ?? input.document.title,
  });
  return documentString(
    node("arkivmelding", [leaf("system", required(input.system, "system")), leaf("antallFiler", 1), registrering], rootAttrs(NS.opprett)),
  );
}

export type CloseCaseInput = ArchiveMessageBase & {
  caseFolder: ArchiveCaseFolderRef;
  closedAt: Date;
  /** Saksstatus to set; "A" (Avsluttet) unless the archive wants e.g. "F" (Ferdig fra saksbehandler). */
  status?: { code: string; description?: string };
};

/**
 * Closing a saksmappe is an arkivmelding.oppdater (saksmappeOppdatering) with saksstatus "A",
 * avsluttetDato and avsluttetAv. avskrivning.opprett is not used for this: it signs off one
 * journalpost, not a folder.
 */
export function buildCloseCase(input: CloseCaseInput): { messageType: typeof FIKS_ARKIV.oppdater; xml: string } {
  const closedAt = validDate(input.closedAt, "closedAt");
  const status = input.status ?? { code: "A", description: CODES.saksstatus.A };
  const update = node(
    "mappeOppdateringer",
    [
      folderReference("referanseTilMappe", input, input.caseFolder),
      leaf("avsluttetDato", xsDateTime(closedAt)),
      leaf("avsluttetAv", required(input.createdBy, "createdBy")),
      kode("saksstatus", required(status.code, "status.code"), status.description),
    ],
    { "xsi:type": "saksmappeOppdatering" },
  );
  return { messageType: FIKS_ARKIV.oppdater, xml: documentString(node("arkivmeldingOppdatering", [update], rootAttrs(NS.oppdater))) };
}

export type SignOffInput = {
  system: string;
  createdBy: string;
  /** The incoming journalpost that is signed off (avskrevet). */
  incomingJournalKey: string;
  /** The outgoing journalpost that answers it. */
  answeredByJournalKey: string;
  signedOffAt: Date;
};

/**
 * avskrivning.opprett: the Noark 5 direction of an avskrivning, recorded on the incoming entry
 * (referanseTilJournalpost + the sender's korrespondansepartID) with referanseAvskrivesAvJournalpost
 * pointing at the answer.
 */
export function buildSignOff(input: SignOffInput): { messageType: typeof FIKS_ARKIV.avskrivningOpprett; xml: string } {
  const at = validDate(input.signedOffAt, "signedOffAt");
  const root = node(
    "nyAvskrivning",
    [
      node("avskrivning", [
        leaf("avskrivningsdato", xsDate(at)),
        node("avskrevetAv", [leaf("n5mdk:navn", required(input.createdBy, "createdBy"))]),
        kode("avskrivningsmaate", "BU", CODES.avskrivningsmaate.BU),
        journalReference("referanseAvskrivesAvJournalpost", input.system, input.answeredByJournalKey),
      ]),
      journalReference("referanseTilJournalpost", input.system, input.incomingJournalKey),
      leaf("korrespondansepartID", correspondencePartId(input.incomingJournalKey, "avsender")),
    ],
    rootAttrs(NS.avskrivning),
  );
  return { messageType: FIKS_ARKIV.avskrivningOpprett, xml: documentString(root) };
}
