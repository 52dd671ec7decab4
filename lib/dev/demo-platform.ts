// The read side of the demo pages /demo/digital-post and /demo/archive: what the local SvarUt
// stand-in (lib/dev/svarut-stand-in.ts) and the archive stand-in's viewer (startArchiveViewer in
// lib/dev/platform-stand-ins.ts) have received. Server side only: the stand-ins' /_standin/...
// endpoints have no authentication and listen on 127.0.0.1, so the browser never talks to them.
//
// Their addresses come from DEMO_SVARUT_URL and DEMO_ARCHIVE_URL (set by scripts/serve.ts in demo
// mode; the archive's is missing when no RabbitMQ could be started). A stand-in that does not
// answer within a few seconds, or answers with something unexpected, reads as `null` ("not
// available"), never as an exception. Ids from a URL are checked (uuid, index digits) before any
// request is made.
import "server-only";
import { z } from "zod";
import { isDemoMode } from "@/lib/config/current";
import { isUuid } from "@/lib/domain/uuid";

const TIMEOUT_MS = 3_000;
/** Lists are cut here: a long demo run (or a test suite) sends many letters. */
const MAX_ITEMS = 200;
/** The largest document passed on (the SvarUt stand-in takes forsendelser up to 25 MB). */
const MAX_FILE_BYTES = 25 * 1024 * 1024;

function baseUrl(name: "DEMO_SVARUT_URL" | "DEMO_ARCHIVE_URL"): string | null {
  if (!isDemoMode()) return null;
  const raw = process.env[name]?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether /demo/digital-post exists: demo mode with a SvarUt stand-in. */
export function isDemoSvarUtEnabled(): boolean {
  return baseUrl("DEMO_SVARUT_URL") !== null;
}

/** Whether /demo/archive exists: demo mode with an archive stand-in. */
export function isDemoArchiveEnabled(): boolean {
  return baseUrl("DEMO_ARCHIVE_URL") !== null;
}

const date = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()));
const optionalInt = z.number().int().nullish();

const forsendelseSchema = z.object({
  id: z.string().min(1),
  externalReference: z.string().catch(""),
  title: z.string(),
  recipientNationalIdMasked: z.string(),
  requireLevel4Login: z.boolean(),
  onlyDigital: z.boolean(),
  channel: z.enum(["digital", "print"]),
  statusHistory: z.array(z.object({ status: z.string(), at: date })),
  documents: z.array(z.object({ fileName: z.string(), mimeType: z.string(), size: z.number().int().nonnegative() })),
  receivedAt: date,
  caseReference: z
    .object({ caseYear: optionalInt, caseSequence: optionalInt, journalYear: optionalInt, journalSequence: optionalInt })
    .nullish()
    .transform((v) => v ?? null),
});

export type DemoForsendelse = z.infer<typeof forsendelseSchema>;

const archiveEntrySchema = z.object({
  systemId: z.string().min(1),
  entryReference: z.string(),
  type: z.enum(["I", "U"]),
  title: z.string(),
  screened: z.boolean(),
  receivedAt: date,
  answeredBy: z.string().nullish().transform((v) => v ?? null),
  files: z.array(z.object({ index: z.number().int().nonnegative(), fileName: z.string(), size: z.number().int().nonnegative() })),
});

const archiveFolderSchema = z.object({
  systemId: z.string().min(1),
  caseNumber: z.string(),
  caseKey: z.string().catch(""),
  title: z.string(),
  status: z.enum(["open", "closed"]),
  createdAt: date,
  closedAt: date.nullish().transform((v) => v ?? null),
  entries: z.array(archiveEntrySchema),
});

export type DemoArchiveEntry = z.infer<typeof archiveEntrySchema>;
export type DemoArchiveFolder = z.infer<typeof archiveFolderSchema>;

async function get(base: string, path: string): Promise<Response | null> {
  try {
    const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS), cache: "no-store", redirect: "error" });
    return res;
  } catch {
    return null;
  }
}

/** A JSON array whose items are parsed one by one: one odd item is left out, not the whole list. */
async function getList<T>(base: string | null, path: string, item: z.ZodType<T>): Promise<T[] | null> {
  if (!base) return null;
  const res = await get(base, path);
  if (!res?.ok) return null;
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return null;
  }
  if (!Array.isArray(body)) return null;
  return body.flatMap((raw) => {
    const parsed = item.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

async function getBytes(base: string, path: string): Promise<Uint8Array | null> {
  const res = await get(base, path);
  if (!res?.ok) return null;
  const length = Number(res.headers.get("content-length") ?? "0");
  if (length > MAX_FILE_BYTES) return null;
  try {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.length > MAX_FILE_BYTES ? null : bytes;
  } catch {
    return null;
  }
}

const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

/** A document index from a URL: digits only, small. */
export function parseIndex(raw: string): number | null {
  return /^\d{1,3}$/.test(raw) ? Number(raw) : null;
}

const lower = (s: string) => s.toLocaleLowerCase("nb-NO");

/**
 * The forsendelser the SvarUt stand-in has received, newest first (at most 200); `q` keeps those
 * whose title or reference from the portal contains it. Null: no stand-in, or it did not answer.
 */
export async function listDemoForsendelser(q = ""): Promise<DemoForsendelse[] | null> {
  const list = await getList(baseUrl("DEMO_SVARUT_URL"), "/_standin/forsendelser", forsendelseSchema);
  if (!list) return null;
  const needle = lower(q.trim());
  return list
    .filter((f) => !needle || lower(f.title).includes(needle) || lower(f.externalReference).includes(needle))
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
    .slice(0, MAX_ITEMS);
}

export type DemoFile = { fileName: string; bytes: Uint8Array };

/** One PDF of a forsendelse; null for a malformed id or index, an unknown one, or no answer. */
export async function demoForsendelseDocument(id: string, index: string | number): Promise<DemoFile | null> {
  const base = baseUrl("DEMO_SVARUT_URL");
  const i = typeof index === "number" ? (Number.isInteger(index) && index >= 0 ? index : null) : parseIndex(index);
  if (!base || !isUuid(id) || i === null) return null;
  const list = await getList(base, "/_standin/forsendelser", forsendelseSchema);
  const forsendelse = list?.find((f) => f.id.toLowerCase() === id.toLowerCase());
  const doc = forsendelse?.documents[i];
  if (!forsendelse || !doc) return null;
  const bytes = await getBytes(base, `/_standin/forsendelser/${encodeURIComponent(forsendelse.id)}/dokumenter/${i}`);
  return bytes && isPdf(bytes) ? { fileName: doc.fileName, bytes } : null;
}

/**
 * The case folders (saksmapper) of the archive stand-in, newest first (at most 200), each with its
 * journal entries in the order they were registered; `q` keeps folders whose case number or title
 * contains it. Null: no stand-in, or it did not answer.
 */
export async function listDemoArchiveFolders(q = ""): Promise<DemoArchiveFolder[] | null> {
  const list = await getList(baseUrl("DEMO_ARCHIVE_URL"), "/_standin/arkiv", archiveFolderSchema);
  if (!list) return null;
  const needle = lower(q.trim());
  return list
    .filter((f) => !needle || lower(f.caseNumber).includes(needle) || lower(f.title).includes(needle))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, MAX_ITEMS);
}

/** The arkivmelding.xml a journal entry came in; null for a malformed or unknown id, or no answer. */
export async function demoArchiveXml(entryId: string): Promise<string | null> {
  const base = baseUrl("DEMO_ARCHIVE_URL");
  if (!base || !isUuid(entryId)) return null;
  const bytes = await getBytes(base, `/_standin/arkiv/${encodeURIComponent(entryId)}/xml`);
  if (!bytes) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** One PDF of a journal entry, with its file name from the archive's list; null as above. */
export async function demoArchiveFile(entryId: string, index: string | number): Promise<DemoFile | null> {
  const base = baseUrl("DEMO_ARCHIVE_URL");
  const i = typeof index === "number" ? (Number.isInteger(index) && index >= 0 ? index : null) : parseIndex(index);
  if (!base || !isUuid(entryId) || i === null) return null;
  const folders = await getList(base, "/_standin/arkiv", archiveFolderSchema);
  const entry = folders?.flatMap((f) => f.entries).find((e) => e.systemId.toLowerCase() === entryId.toLowerCase());
  const file = entry?.files.find((f) => f.index === i);
  if (!entry || !file) return null;
  const bytes = await getBytes(base, `/_standin/arkiv/${encodeURIComponent(entry.systemId)}/files/${i}`);
  return bytes && isPdf(bytes) ? { fileName: file.fileName, bytes } : null;
}

/** Content-Disposition for a file shown in the browser: an ASCII fallback and the UTF-8 name. */
export function inlineContentDisposition(fileName: string): string {
  const name = fileName.replace(/[\r\n]/g, " ").trim() || "dokument.pdf";
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
