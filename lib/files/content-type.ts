// Which files may be uploaded, decided by the content only: the declared MIME type and the file
// name's extension are never trusted.
// - A citizen uploads documents: PDF, JPEG, PNG (magic numbers).
// - A caseworker's answer file may also be a data export (Art. 15(3) copy, Art. 20 portability):
//   JSON (parses), CSV (plain UTF-8 text with a separator) or a ZIP archive (magic number).
import { INVISIBLE_FORMATTING } from "@/lib/domain/plain-text";

export const ALLOWED_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export const ANSWER_CONTENT_TYPES = [...ALLOWED_CONTENT_TYPES, "application/zip", "application/json", "text/csv"] as const;
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];
export type AnswerContentType = (typeof ANSWER_CONTENT_TYPES)[number];

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { type: AllowedContentType | "application/zip"; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "application/zip", bytes: [0x50, 0x4b, 0x03, 0x04] }, // PK\3\4 (a local file header)
];

const EXTENSIONS: Record<AnswerContentType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "application/zip": "zip",
  "application/json": "json",
  "text/csv": "csv",
};

function signatureOf(bytes: Uint8Array) {
  return SIGNATURES.find((sig) => bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b))?.type ?? null;
}

/** The content type the bytes really are, or null when they are none of the citizen's types. */
export function sniffContentType(bytes: Uint8Array): AllowedContentType | null {
  const type = signatureOf(bytes);
  return type === "application/zip" ? null : type;
}

/** Strict UTF-8 text (a BOM allowed) without control characters other than tab and line breaks. */
function asPlainText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** The type of a caseworker's answer file, or null. */
export function sniffAnswerContentType(bytes: Uint8Array): AnswerContentType | null {
  const signed = signatureOf(bytes);
  if (signed) return signed;
  const text = asPlainText(bytes);
  if (text === null || text.trim() === "") return null;
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      JSON.parse(trimmed);
      return "application/json";
    } catch {
      return null;
    }
  }
  // CSV: a header line with a separator (comma, semicolon as Norwegian Excel writes, or tab).
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? "";
  return /[,;\t]/.test(firstLine) ? "text/csv" : null;
}

export function extensionFor(type: AnswerContentType): string {
  return EXTENSIONS[type];
}

/**
 * A safe display name: the base name without path parts or control characters, at most 120
 * characters, with the extension replaced by the one matching the real content.
 */
export function safeFileName(declared: string, type: AnswerContentType): string {
  const base = (declared.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "")
    // Bidi overrides and other invisible formatting: "fakturaRLOfdp.exe" must not show as "...exe.pdf".
    .replace(INVISIBLE_FORMATTING, "")
    .trim();
  const stem = base.replace(/\.[^.]*$/, "").slice(0, 110) || "fil";
  return `${stem}.${extensionFor(type)}`;
}
