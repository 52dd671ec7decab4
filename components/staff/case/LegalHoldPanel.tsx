// Legal hold and retention status on the staff case page. (Seam: filled in by the retention work.)
import type { StaffActor } from "@/lib/auth/staff-actor";
import type { Locale } from "@/i18n/locales";

export async function LegalHoldPanel(_props: {
  actor: StaffActor;
  reference: string;
  locale: Locale;
  search: Record<string, string | undefined>;
}) {
  return null;
}
