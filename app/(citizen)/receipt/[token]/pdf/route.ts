// The receipt page as a PDF download. Found exactly like the page: by the unguessable receipt token,
// and 404 for any other token.
import { getLocale } from "next-intl/server";
import { getRequestReceipt, receiptPdf, receiptPdfResponse } from "@/lib/requests/receipt";
import { notFoundResponse } from "@/lib/files/upload-request";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/locales";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const receipt = await getRequestReceipt(token);
  if (!receipt) return notFoundResponse();
  const locale = await getLocale();
  return receiptPdfResponse(await receiptPdf(receipt, isLocale(locale) ? locale : DEFAULT_LOCALE));
}
