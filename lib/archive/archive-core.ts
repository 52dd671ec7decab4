// The in-memory archive behind the Fiks Arkiv stand-in (no transport). It speaks the V1 protocol:
// XSD-validates each payload, assigns Noark numbers (saksnummer year/sequence, journalpostnummer
// within the case, journal year/sequence), answers with the protocol's reply message types, and
// treats referanseEksternNoekkel (fagsystem + noekkel) as the idempotency key: a repeated message
// gets the same numbers back and creates nothing twice.
//
// Reply sequences follow the diagrams in ks-no/fiks-arkiv-specification Dokumentasjon/V1: an
// invalid payload may be refused before "mottatt" ("i noen tilfeller kan validering inntreffe før
// mottatt-melding sendes og man får bare feilmelding"), so XSD and attachment errors get one
// ugyldigforespoersel; problems found while handling (unknown saksmappe -> ikkefunnet) come after
// mottatt, as in arkivmelding-opprett-feilmelding-ikkefunnet.puml.

import { createHash, randomUUID } from "node:crypto";
import { FIKS_ARKIV, PAYLOAD_FILE_NAME } from "@/lib/archive/protocol";
import { buildErrorReply, buildOpprettKvittering, type ErrorKind } from "@/lib/archive/receipts";
import { validateFiksArkivXml } from "@/lib/archive/validate";
import { childNamed, childrenNamed, childText, parseXml, pathText, xsiType, type XmlElement } from "@/lib/archive/xml";

export type ArchivedEntry = {
  systemId: string;
  entryReference: string;
  journalKey: string;
  type: "I" | "U";
  title: string;
  screened: boolean;
  receivedAt: Date;
  /** The whole arkivmelding.xml the entry came in. */
  xml: string;
  files: { fileName: string; bytes: Uint8Array }[];
  /** entryReference of the journalpost that answered (avskrev) this one. */
  answeredBy?: string;
};

export type ArchivedFolder = {
  systemId: string;
  caseNumber: string;
  caseKey: string;
  title: string;
  status: "open" | "closed";
  createdAt: Date;
  closedAt: Date | null;
  entries: ArchivedEntry[];
};

export type ArchiveReply = { messageType: string; xml: string | null };

type Key = { system: string; key: string };
type FolderRec = {
  systemId: string;
  caseYear: number;
  caseSequence: number;
  externalKey: Key | null;
  title: string;
  status: "open" | "closed";
  createdAt: Date;
  caseDate: Date;
  closedAt: Date | null;
  entries: EntryRec[];
};
type EntryRec = {
  systemId: string;
  folder: FolderRec;
  journalYear: number;
  journalSequence: number;
  entryNumber: number;
  externalKey: Key | null;
  type: "I" | "U";
  title: string;
  screened: boolean;
  receivedAt: Date;
  createdAt: Date;
  xml: string;
  files: { fileName: string; bytes: Uint8Array }[];
  documents: { systemId: string; documentNumber: number; objectSystemIds: string[] }[];
  answeredBy?: string;
};

/** A refusal found while handling; turned into a reply of the given kind. */
class Refusal extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly afterReceipt: boolean,
  ) {
    super(message);
  }
}

const keyString = (k: Key) => `${k.system}\u0000${k.key}`;
const caseNumberOf = (f: FolderRec) => `${f.caseYear}/${f.caseSequence}`;
const entryReferenceOf = (e: EntryRec) => `${e.folder.caseYear}/${e.folder.caseSequence}-${e.entryNumber}`;

function externalKey(el: XmlElement | undefined, name = "referanseEksternNoekkel"): Key | null {
  const k = childNamed(el, name);
  const system = childText(k, "fagsystem");
  const key = childText(k, "noekkel");
  return system && key ? { system, key } : null;
}

function date(text: string | undefined): Date | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function createArchiveCore(options?: { year?: () => number; now?: () => Date; schemaDir?: string }) {
  const now = options?.now ?? (() => new Date());
  const year = options?.year ?? (() => now().getFullYear());
  const folders: FolderRec[] = [];
  const folderById = new Map<string, FolderRec>();
  const folderByNumber = new Map<string, FolderRec>();
  const folderByKey = new Map<string, FolderRec>();
  const entryById = new Map<string, EntryRec>();
  const entryByKey = new Map<string, EntryRec>();
  const entryByNumber = new Map<string, EntryRec>();
  const caseSequence = new Map<number, number>();
  const journalSequence = new Map<number, number>();

  const next = (counter: Map<number, number>, y: number) => {
    const n = (counter.get(y) ?? 0) + 1;
    counter.set(y, n);
    return n;
  };

  /** Every identifier given must point at the same folder; `pending` is a folder of this message. */
  function resolveFolder(ref: XmlElement, pending: FolderRec | null): FolderRec {
    const found: FolderRec[] = [];
    const missing: string[] = [];
    const systemId = childText(ref, "systemID");
    if (systemId) {
      const f = folderById.get(systemId);
      if (f) found.push(f);
      else missing.push("systemID");
    }
    const mappeId = childText(ref, "mappeID");
    if (mappeId) {
      const f = folderByNumber.get(mappeId);
      if (f) found.push(f);
      else missing.push("mappeID");
    }
    const saksnummer = childNamed(ref, "saksnummer");
    if (saksnummer) {
      const f = folderByNumber.get(`${childText(saksnummer, "saksaar")}/${childText(saksnummer, "sakssekvensnummer")}`);
      if (f) found.push(f);
      else missing.push("saksnummer");
    }
    const key = externalKey(ref);
    if (key) {
      const f = folderByKey.get(keyString(key)) ?? (pending?.externalKey && keyString(pending.externalKey) === keyString(key) ? pending : undefined);
      if (f) found.push(f);
      else missing.push("referanseEksternNoekkel");
    }
    if (found.length === 0 && missing.length === 0) throw new Refusal("ugyldigforespoersel", "Referansen til mappen har ingen identifikator", true);
    if (missing.length > 0) throw new Refusal("ikkefunnet", `Fant ikke saksmappen (${missing.join(", ")})`, true);
    if (new Set(found).size > 1) throw new Refusal("ugyldigforespoersel", "Identifikatorene i referansen peker på ulike saksmapper", true);
    return found[0]!;
  }

  function resolveEntry(ref: XmlElement): EntryRec {
    const found: EntryRec[] = [];
    const missing: string[] = [];
    const systemId = childText(ref, "systemID");
    if (systemId) {
      const e = entryById.get(systemId);
      if (e) found.push(e);
      else missing.push("systemID");
    }
    const sjp = childNamed(ref, "saksJournalpostnummer");
    if (sjp) {
      const e = entryByNumber.get(`${childText(sjp, "saksaar")}/${childText(sjp, "sakssekvensnummer")}-${childText(sjp, "journalpostnummer")}`);
      if (e) found.push(e);
      else missing.push("saksJournalpostnummer");
    }
    const key = externalKey(ref);
    if (key) {
      const e = entryByKey.get(keyString(key));
      if (e) found.push(e);
      else missing.push("referanseEksternNoekkel");
    }
    if (found.length === 0 && missing.length === 0) throw new Refusal("ugyldigforespoersel", "Referansen til journalposten har ingen identifikator som stand-in støtter", true);
    if (missing.length > 0) throw new Refusal("ikkefunnet", `Fant ikke journalposten (${missing.join(", ")})`, true);
    if (new Set(found).size > 1) throw new Refusal("ugyldigforespoersel", "Identifikatorene i referansen peker på ulike journalposter", true);
    return found[0]!;
  }

  function kvittering(folder: FolderRec | null, folderCreated: boolean, entry: EntryRec | null, entryCreated: boolean): string {
    return buildOpprettKvittering({
      caseFolder: folder
        ? {
            systemId: folder.systemId,
            caseYear: folder.caseYear,
            caseSequence: folder.caseSequence,
            caseDate: folder.caseDate,
            created: folderCreated,
            externalKey: folder.externalKey,
          }
        : null,
      journalEntry: entry
        ? {
            systemId: entry.systemId,
            journalYear: entry.journalYear,
            journalSequence: entry.journalSequence,
            entryNumber: entry.entryNumber,
            type: entry.type,
            journalDate: entry.createdAt,
            createdAt: entry.createdAt,
            created: entryCreated,
            externalKey: entry.externalKey,
            documents: entry.documents,
          }
        : null,
    });
  }

  function handleOpprett(xml: string, attachments: Map<string, Uint8Array>): ArchiveReply[] {
    const root = parseXml(xml);
    const mappeEl = childNamed(root, "mappe");
    const regEl = childNamed(root, "registrering");
    if (!mappeEl && !regEl) throw new Refusal("ugyldigforespoersel", "Arkivmeldingen har verken mappe eller registrering", false);

    // Intake: every file the XML names must be attached, and antallFiler must match.
    const files = new Map([...attachments].filter(([name]) => name !== PAYLOAD_FILE_NAME[FIKS_ARKIV.opprett]));
    const objects = childrenNamed(regEl, "dokumentbeskrivelse").map((d) => childrenNamed(d, "dokumentobjekt"));
    const referenced: { fileName: string; bytes: Uint8Array }[] = [];
    for (const obj of objects.flat()) {
      const fileName = childText(obj, "referanseDokumentfil") ?? "";
      const bytes = files.get(fileName);
      if (!bytes) throw new Refusal("ugyldigforespoersel", `Vedlegget ${fileName} som arkivmeldingen viser til, mangler i meldingen`, false);
      const sum = childText(obj, "sjekksum");
      const algorithm = childText(obj, "sjekksumAlgoritme")?.toUpperCase().replace("-", "");
      if (sum && algorithm === "SHA256" && createHash("sha256").update(bytes).digest("hex") !== sum.toLowerCase()) {
        throw new Refusal("ugyldigforespoersel", `Sjekksummen for ${fileName} stemmer ikke`, false);
      }
      referenced.push({ fileName, bytes: Uint8Array.from(bytes) });
    }
    const antallFiler = Number(childText(root, "antallFiler"));
    if (antallFiler !== files.size) {
      throw new Refusal("ugyldigforespoersel", `antallFiler er ${antallFiler}, men meldingen har ${files.size} vedlegg`, false);
    }

    // Plan (no changes yet), so a refusal leaves the archive untouched.
    let folder: FolderRec | null = null;
    let folderCreated = false;
    if (mappeEl) {
      const key = externalKey(mappeEl);
      const existing = key ? folderByKey.get(keyString(key)) : undefined;
      if (existing) folder = existing;
      else {
        const t = now();
        folder = {
          systemId: randomUUID(),
          caseYear: 0,
          caseSequence: 0,
          externalKey: key,
          title: childText(mappeEl, "tittel") ?? "",
          status: "open",
          createdAt: t,
          caseDate: date(childText(mappeEl, "saksdato")) ?? t,
          closedAt: null,
          entries: [],
        };
        folderCreated = true;
      }
    }

    let entry: EntryRec | null = null;
    let entryCreated = false;
    let answers: EntryRec[] = [];
    if (regEl) {
      const type = xsiType(regEl);
      if (type?.local !== "journalpost") throw new Refusal("ugyldigforespoersel", "Stand-in arkiverer bare registreringer av typen journalpost", true);
      const key = externalKey(regEl);
      const repeat = key ? entryByKey.get(keyString(key)) : undefined;
      if (repeat) {
        entry = repeat;
        folder ??= repeat.folder;
      } else {
        const parentRef = childNamed(regEl, "referanseForelderMappe");
        const target = parentRef ? resolveFolder(parentRef, folderCreated ? folder : null) : folder;
        if (!target) throw new Refusal("ugyldigforespoersel", "Journalposten må høre til en saksmappe (referanseForelderMappe)", true);
        if (target.status === "closed") throw new Refusal("ugyldigforespoersel", "Saksmappen er avsluttet", true);
        const kind = pathText(regEl, ["journalposttype", "kode"]);
        if (kind !== "I" && kind !== "U") throw new Refusal("ugyldigforespoersel", `Journalposttype ${kind ?? ""} støttes ikke av stand-in`, true);
        answers = childrenNamed(regEl, "korrespondansepart")
          .flatMap((k) => childrenNamed(k, "avskrivning"))
          .map((a) => childNamed(a, "referanseAvskriverJournalpost"))
          .filter((r): r is XmlElement => r !== undefined)
          .map(resolveEntry);
        const t = now();
        const tilgang = pathText(regEl, ["skjerming", "tilgangsrestriksjon", "kode"]);
        entry = {
          systemId: randomUUID(),
          folder: target,
          journalYear: 0,
          journalSequence: 0,
          entryNumber: 0,
          externalKey: key,
          type: kind,
          title: childText(regEl, "tittel") ?? "",
          screened: tilgang !== undefined,
          receivedAt: date(childText(regEl, kind === "I" ? "mottattDato" : "sendtDato")) ?? t,
          createdAt: t,
          xml,
          files: referenced,
          documents: objects.map((objs, i) => ({ systemId: randomUUID(), documentNumber: i + 1, objectSystemIds: objs.map(() => randomUUID()) })),
        };
        // The kvittering reports the message's own mappe if it had one, else the entry's folder.
        folder ??= target;
        entryCreated = true;
      }
    }

    // Commit.
    if (folder && folderCreated) {
      const y = year();
      folder.caseYear = y;
      folder.caseSequence = next(caseSequence, y);
      folders.push(folder);
      folderById.set(folder.systemId, folder);
      folderByNumber.set(caseNumberOf(folder), folder);
      if (folder.externalKey) folderByKey.set(keyString(folder.externalKey), folder);
    }
    if (entry && entryCreated) {
      const y = year();
      entry.journalYear = y;
      entry.journalSequence = next(journalSequence, y);
      entry.entryNumber = entry.folder.entries.length + 1;
      entry.folder.entries.push(entry);
      entryById.set(entry.systemId, entry);
      entryByNumber.set(entryReferenceOf(entry), entry);
      if (entry.externalKey) entryByKey.set(keyString(entry.externalKey), entry);
      for (const answered of answers) answered.answeredBy = entryReferenceOf(entry);
    }
    return [
      { messageType: FIKS_ARKIV.opprettMottatt, xml: null },
      { messageType: FIKS_ARKIV.opprettKvittering, xml: kvittering(folder, folderCreated, entry, entryCreated) },
    ];
  }

  function handleOppdater(xml: string): ArchiveReply[] {
    const root = parseXml(xml);
    const update = childNamed(root, "mappeOppdateringer");
    if (!update) throw new Refusal("ugyldigforespoersel", "Stand-in støtter bare mappeOppdateringer", false);
    const folder = resolveFolder(childNamed(update, "referanseTilMappe")!, null);
    const title = childText(update, "tittel");
    if (title) folder.title = title;
    const status = pathText(update, ["saksstatus", "kode"]);
    if (status === "A") {
      // Closing twice keeps the first closing time: the repeat changes nothing.
      if (folder.status !== "closed") {
        folder.status = "closed";
        folder.closedAt = date(childText(update, "avsluttetDato")) ?? now();
      }
    } else if (status !== undefined && folder.status === "closed") {
      folder.status = "open";
      folder.closedAt = null;
    }
    return [
      { messageType: FIKS_ARKIV.oppdaterMottatt, xml: null },
      // oppdater.kvittering has no payload (meldingstyper.json: harPayload false).
      { messageType: FIKS_ARKIV.oppdaterKvittering, xml: null },
    ];
  }

  function handleAvskrivning(xml: string): ArchiveReply[] {
    const root = parseXml(xml);
    const target = resolveEntry(childNamed(root, "referanseTilJournalpost")!);
    const by = childNamed(childNamed(root, "avskrivning"), "referanseAvskrivesAvJournalpost");
    if (by) target.answeredBy = entryReferenceOf(resolveEntry(by));
    return [
      { messageType: FIKS_ARKIV.avskrivningMottatt, xml: null },
      { messageType: FIKS_ARKIV.avskrivningKvittering, xml: null },
    ];
  }

  const handlers: Record<string, (xml: string, attachments: Map<string, Uint8Array>) => ArchiveReply[]> = {
    [FIKS_ARKIV.opprett]: handleOpprett,
    [FIKS_ARKIV.oppdater]: handleOppdater,
    [FIKS_ARKIV.avskrivningOpprett]: handleAvskrivning,
  };
  const receivedType: Record<string, string> = {
    [FIKS_ARKIV.opprett]: FIKS_ARKIV.opprettMottatt,
    [FIKS_ARKIV.oppdater]: FIKS_ARKIV.oppdaterMottatt,
    [FIKS_ARKIV.avskrivningOpprett]: FIKS_ARKIV.avskrivningMottatt,
  };
  const errorType: Record<ErrorKind, string> = {
    ugyldigforespoersel: FIKS_ARKIV.ugyldigforespoersel,
    ikkefunnet: FIKS_ARKIV.ikkefunnet,
    serverfeil: FIKS_ARKIV.serverfeil,
  };

  function toEntry(e: EntryRec): ArchivedEntry {
    return {
      systemId: e.systemId,
      entryReference: entryReferenceOf(e),
      journalKey: e.externalKey?.key ?? "",
      type: e.type,
      title: e.title,
      screened: e.screened,
      receivedAt: e.receivedAt,
      xml: e.xml,
      files: e.files.map((f) => ({ fileName: f.fileName, bytes: Uint8Array.from(f.bytes) })),
      ...(e.answeredBy ? { answeredBy: e.answeredBy } : {}),
    };
  }

  return {
    async handle(messageType: string, xml: string, attachments: Map<string, Uint8Array>): Promise<{ replies: ArchiveReply[] }> {
      const handler = handlers[messageType];
      if (!handler) {
        return { replies: [{ messageType: FIKS_ARKIV.ugyldigforespoersel, xml: buildErrorReply("ugyldigforespoersel", `Meldingstypen ${messageType} støttes ikke`) }] };
      }
      try {
        const validation = await validateFiksArkivXml(messageType, xml, { schemaDir: options?.schemaDir });
        if (!validation.valid) {
          return { replies: [{ messageType: FIKS_ARKIV.ugyldigforespoersel, xml: buildErrorReply("ugyldigforespoersel", validation.errors.join("\n")) }] };
        }
        // From here on everything is synchronous, so concurrent handle() calls cannot interleave.
        return { replies: handler(xml, attachments) };
      } catch (error) {
        const refusal = error instanceof Refusal ? error : new Refusal("serverfeil", "Intern feil i arkivet", true);
        const reply = { messageType: errorType[refusal.kind], xml: buildErrorReply(refusal.kind, refusal.message) };
        return { replies: refusal.afterReceipt ? [{ messageType: receivedType[messageType]!, xml: null }, reply] : [reply] };
      }
    },

    folders(): ArchivedFolder[] {
      return folders.map((f) => ({
        systemId: f.systemId,
        caseNumber: caseNumberOf(f),
        caseKey: f.externalKey?.key ?? "",
        title: f.title,
        status: f.status,
        createdAt: f.createdAt,
        closedAt: f.closedAt,
        entries: f.entries.map(toEntry),
      }));
    },

    entry(systemId: string): ArchivedEntry | null {
      const e = entryById.get(systemId);
      return e ? toEntry(e) : null;
    },
  };
}

export type ArchiveCore = ReturnType<typeof createArchiveCore>;
