// "Klage til personvernombudet" on the citizen's case page. (Seam: filled in by the complaints work.)
import type { CitizenSession } from "@/lib/citizen-auth/types";
import type { Locale } from "@/i18n/locales";

export async function CitizenComplaintPanel(_props: {
  citizen: CitizenSession;
  reference: string;
  locale: Locale;
  search: Record<string, string | undefined>;
}) {
  return null;
}
