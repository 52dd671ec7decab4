// The receipt of a case in "Mine saker" as a PDF download: only for the signed-in citizen whose
// case it is. Not signed in, someone else's case or no such case: 404, all alike.
import { getLocale } from "next-intl/server";
import { currentCitizen } from "@/lib/citizen-auth/session";
import { getOwnRequestReceipt, receiptPdf, receiptPdfResponse } from "@/lib/requests/receipt";
import { notFoundResponse } from "@/lib/files/upload-request";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/locales";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ reference: string }> }): Promise<Response> {
  const { reference } = await params;
  const citizen = await currentCitizen();
  const receipt = citizen ? await getOwnRequestReceipt(citizen.identityId, reference) : null;
  if (!receipt) return notFoundResponse();
  const locale = await getLocale();
  return receiptPdfResponse(await receiptPdf(receipt, isLocale(locale) ? locale : DEFAULT_LOCALE));
}
