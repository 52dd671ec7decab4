// Which files a citizen may upload, decided by the first bytes of the file (magic numbers) only:
// the declared MIME type and the file name's extension are never trusted.
export const ALLOWED_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { type: AllowedContentType; bytes: number[]; extension: string }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], extension: "pdf" }, // %PDF-
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff], extension: "jpg" },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extension: "png" },
];

/** The content type the bytes really are, or null when they are none of the allowed types. */
export function sniffContentType(bytes: Uint8Array): AllowedContentType | null {
  for (const sig of SIGNATURES) {
    if (bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b)) return sig.type;
  }
  return null;
}

export function extensionFor(type: AllowedContentType): string {
  return SIGNATURES.find((s) => s.type === type)!.extension;
}

/**
 * A safe display name: the base name without path parts or control characters, at most 120
 * characters, with the extension replaced by the one matching the real content.
 */
export function safeFileName(declared: string, type: AllowedContentType): string {
  const base = (declared.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "")
    .trim();
  const stem = base.replace(/\.[^.]*$/, "").slice(0, 110) || "fil";
  return `${stem}.${extensionFor(type)}`;
}
