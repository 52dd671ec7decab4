// The receipt's data: by the unguessable receipt token (the receipt page, its PDF), or for the
// signed-in citizen who owns the case (the PDF from "Mine saker"). Nothing personal: reference,
// rights, dates, status, and whether the answer comes by post.
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { findOwnedCase } from "@/lib/cases/citizen-get-case";
import { publicUrl } from "@/lib/config/env";
import { municipalityContact } from "@/lib/admin/profile-contact";
import { osloDateOf } from "@/lib/domain/calendar";
import { renderReceiptCopy } from "@/lib/letters/receipt-letter";
import type { Locale } from "@/i18n/locales";

const RECEIPT_SELECT = {
  reference: true,
  rights: true,
  receivedAt: true,
  dueDate: true,
  status: true,
  answerChannel: true,
  onBehalfOf: true,
  _count: { select: { letters: { where: { kind: "receipt" } } } },
} as const;

type Found = { dueDate: Date; _count: { letters: number } } & Record<string, unknown>;

function toReceipt<T extends Found>(found: T) {
  const { _count, ...rest } = found;
  return { ...rest, dueDate: dbDateToIso(found.dueDate), letterQueued: _count.letters > 0 };
}

export const RECEIPT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

export async function getRequestReceipt(receiptToken: string) {
  if (!RECEIPT_TOKEN_PATTERN.test(receiptToken)) return null;
  const found = await db().case.findUnique({ where: { receiptToken }, select: RECEIPT_SELECT });
  return found ? toReceipt(found) : null;
}

/** The receipt of a case filed by (or linked to) this citizen identity; null for anyone else's case. */
export async function getOwnRequestReceipt(identityId: string, reference: string) {
  // The ownership rule of "Mine saker", in one place (lib/cases/citizen-get-case.ts).
  const owned = await findOwnedCase(db(), identityId, reference);
  if (!owned) return null;
  const found = await db().case.findUnique({ where: { id: owned.id }, select: RECEIPT_SELECT });
  return found ? toReceipt(found) : null;
}

export type RequestReceipt = NonNullable<Awaited<ReturnType<typeof getRequestReceipt>>>;

/** The receipt as a PDF to keep, and its file name (with the reference). */
export async function receiptPdf(receipt: RequestReceipt, locale: Locale): Promise<{ bytes: Uint8Array; fileName: string }> {
  const bytes = await renderReceiptCopy({
    locale,
    reference: receipt.reference,
    rights: receipt.rights,
    receivedDate: osloDateOf(receipt.receivedAt),
    dueDate: receipt.dueDate,
    answerChannel: receipt.answerChannel,
    letterQueued: receipt.letterQueued,
    portalUrl: publicUrl(),
    municipality: await municipalityContact(),
  });
  return { bytes, fileName: `${locale === "en" ? "receipt" : "kvittering"}-${receipt.reference}.pdf` };
}

/** The HTTP answer for a receipt PDF: a download, never cached, never rendered as a page. */
export function receiptPdfResponse(file: { bytes: Uint8Array; fileName: string }): Response {
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
