// Reading and writing the archive's replies: arkivmelding.opprett.kvittering and the three
// feilmelding types. Elements are matched by namespace + local name, so any prefix choice of the
// archive works.

import { FIKS_ARKIV, NS } from "@/lib/archive/protocol";
import { xsDate, xsDateTime } from "@/lib/archive/arkivmelding";
import { childNamed, childText, documentString, leaf, node, parseXml, pathText, type Fragment, type XmlElement } from "@/lib/archive/xml";
import { randomUUID } from "node:crypto";

export type ArchiveReceipt = {
  caseFolder?: {
    systemId: string;
    caseYear: number;
    caseSequence: number;
    /** "2026/1234" (saksaar/sakssekvensnummer). */
    caseNumber: string;
    created?: boolean;
  };
  journalEntry?: {
    systemId: string;
    journalYear: number;
    journalSequence: number;
    /** journalpostnummer within the case. */
    entryNumber: number;
    /** "2026/1234-1" = saksaar/sakssekvensnummer-journalpostnummer. */
    entryReference: string;
    created?: boolean;
  };
  /** mappeFeilet / registreringFeilet: the part the archive could not create. */
  failures?: { part: "mappe" | "registrering"; errorId: string; message: string }[];
};

export class ArchiveReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveReplyError";
  }
}

function int(el: XmlElement | undefined, name: string, context: string): number {
  const text = childText(el, name);
  if (text === undefined || !/^[+-]?\d+$/.test(text)) throw new ArchiveReplyError(`Kvittering: ${context} has no valid ${name}`);
  return Number.parseInt(text, 10);
}

function str(el: XmlElement | undefined, name: string, context: string): string {
  const text = childText(el, name);
  if (text === undefined) throw new ArchiveReplyError(`Kvittering: ${context} has no ${name}`);
  return text;
}

function created(el: XmlElement): boolean | undefined {
  const v = childText(el, "opprettetEllerEksisterende");
  return v === "Opprettet" ? true : v === "Eksisterende" ? false : undefined;
}

/**
 * Parses an arkivmelding.opprett.kvittering. A receipt for a journalpost alone may omit the
 * folder; pass the folder's numbers as `knownCaseFolder` then so entryReference can be formed.
 * Throws ArchiveReplyError when the document is not a kvittering or lacks the numbers.
 */
export function parseOpprettKvittering(
  xml: string,
  options?: { knownCaseFolder?: { caseYear: number; caseSequence: number } | null },
): ArchiveReceipt {
  const root = parseXml(xml);
  if (root.local !== "arkivmeldingKvittering" || root.ns !== NS.kvittering) {
    throw new ArchiveReplyError(`Not an arkivmelding kvittering: root {${root.ns ?? ""}}${root.local}`);
  }
  const receipt: ArchiveReceipt = {};
  const failures: NonNullable<ArchiveReceipt["failures"]> = [];
  for (const [part, name] of [["mappe", "mappeFeilet"], ["registrering", "registreringFeilet"]] as const) {
    const failed = childNamed(root, name);
    if (failed) failures.push({ part, errorId: childText(failed, "feilId") ?? "", message: childText(failed, "feilmelding") ?? "" });
  }
  if (failures.length > 0) receipt.failures = failures;

  const mappe = childNamed(root, "mappeKvittering");
  if (mappe) {
    const caseYear = int(mappe, "saksaar", "mappeKvittering");
    const caseSequence = int(mappe, "sakssekvensnummer", "mappeKvittering");
    receipt.caseFolder = {
      systemId: str(mappe, "systemID", "mappeKvittering"),
      caseYear,
      caseSequence,
      caseNumber: `${caseYear}/${caseSequence}`,
      created: created(mappe),
    };
  }
  const reg = childNamed(root, "registreringKvittering");
  if (reg) {
    const folder = receipt.caseFolder ?? options?.knownCaseFolder ?? null;
    if (!folder) throw new ArchiveReplyError("Kvittering: journalpost without a saksmappe number; pass knownCaseFolder");
    const entryNumber = int(reg, "journalpostnummer", "registreringKvittering");
    receipt.journalEntry = {
      systemId: str(reg, "systemID", "registreringKvittering"),
      journalYear: int(reg, "journalaar", "registreringKvittering"),
      journalSequence: int(reg, "journalsekvensnummer", "registreringKvittering"),
      entryNumber,
      entryReference: `${folder.caseYear}/${folder.caseSequence}-${entryNumber}`,
      created: created(reg),
    };
  }
  return receipt;
}

export type OpprettKvitteringInput = {
  caseFolder?: {
    systemId: string;
    caseYear: number;
    caseSequence: number;
    caseDate: Date;
    created: boolean;
    externalKey?: { system: string; key: string } | null;
  } | null;
  journalEntry?: {
    systemId: string;
    journalYear: number;
    journalSequence: number;
    entryNumber: number;
    type: "I" | "U";
    journalDate: Date;
    createdAt: Date;
    created: boolean;
    externalKey?: { system: string; key: string } | null;
    documents?: { systemId: string; documentNumber: number; objectSystemIds: string[] }[];
  } | null;
};

function ekstern(name: string, key: { system: string; key: string } | null | undefined): Fragment | null {
  return key ? node(name, [leaf("n5mdk:fagsystem", key.system), leaf("n5mdk:noekkel", key.key)]) : null;
}

/** Builds an arkivmelding.opprett.kvittering (used by the archive stand-in). */
export function buildOpprettKvittering(input: OpprettKvitteringInput): string {
  const f = input.caseFolder;
  const j = input.journalEntry;
  const mappe = f
    ? node(
        "mappeKvittering",
        [
          leaf("systemID", f.systemId),
          ekstern("referanseEksternNoekkel", f.externalKey),
          leaf("opprettetEllerEksisterende", f.created ? "Opprettet" : "Eksisterende"),
          leaf("saksaar", f.caseYear),
          leaf("sakssekvensnummer", f.caseSequence),
          leaf("saksdato", xsDate(f.caseDate)),
        ],
        { "xsi:type": "saksmappeKvittering" },
      )
    : null;
  const reg = j
    ? node(
        "registreringKvittering",
        [
          leaf("systemID", j.systemId),
          leaf("opprettetDato", xsDateTime(j.createdAt)),
          ...(j.documents ?? []).map((d) =>
            node("dokumentbeskrivelseKvittering", [
              leaf("systemID", d.systemId),
              leaf("dokumentnummer", d.documentNumber),
              ...d.objectSystemIds.map((id) => node("dokumentobjekt", [leaf("systemID", id), leaf("versjonsnummer", 1)])),
            ]),
          ),
          ekstern("referanseEksternNoekkel", j.externalKey),
          leaf("opprettetEllerEksisterende", j.created ? "Opprettet" : "Eksisterende"),
          leaf("journalaar", j.journalYear),
          leaf("journalsekvensnummer", j.journalSequence),
          leaf("journalpostnummer", j.entryNumber),
          node("journalposttype", [leaf("n5mdk:kode", j.type)]),
          leaf("journaldato", xsDate(j.journalDate)),
        ],
        { "xsi:type": "journalpostKvittering" },
      )
    : null;
  return documentString(
    node("arkivmeldingKvittering", [mappe, reg], {
      xmlns: NS.kvittering,
      "xmlns:n5mdk": NS.metadatakatalog,
      "xmlns:xsi": NS.xsi,
    }),
  );
}

export type ErrorKind = "ugyldigforespoersel" | "serverfeil" | "ikkefunnet";
const ERROR_KINDS: readonly ErrorKind[] = ["ugyldigforespoersel", "serverfeil", "ikkefunnet"];

export const ERROR_MESSAGE_TYPE: Readonly<Record<ErrorKind, string>> = {
  ugyldigforespoersel: FIKS_ARKIV.ugyldigforespoersel,
  serverfeil: FIKS_ARKIV.serverfeil,
  ikkefunnet: FIKS_ARKIV.ikkefunnet,
};

/**
 * Builds a feilmelding payload. The V1 feilmeldingBase has only feilId (required, "a unique id the
 * receiver can use as a reference") and feilmelding; correlationId becomes the feilId, else a UUID.
 */
export function buildErrorReply(kind: ErrorKind, message: string, correlationId?: string): string {
  return documentString(
    node(
      kind,
      [leaf("f:feilId", correlationId && correlationId.trim() !== "" ? correlationId : randomUUID()), leaf("f:feilmelding", message)],
      { xmlns: NS[kind], "xmlns:f": NS.feilmelding },
    ),
  );
}

/**
 * Reads a feilmelding.* payload: code = the kind (root element: ugyldigforespoersel, serverfeil,
 * ikkefunnet), message = feilmelding, correlationId = feilId.
 */
export function parseErrorReply(xml: string): { code?: string; message: string; correlationId?: string } {
  const root = parseXml(xml);
  const kind = ERROR_KINDS.find((k) => root.local === k && root.ns === NS[k]);
  if (!kind) throw new ArchiveReplyError(`Not a Fiks Arkiv feilmelding: root {${root.ns ?? ""}}${root.local}`);
  const feilId = pathText(root, ["feilId"]);
  return { code: kind, message: childText(root, "feilmelding") ?? "", ...(feilId ? { correlationId: feilId } : {}) };
}
