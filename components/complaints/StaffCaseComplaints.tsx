// Complaints to the DPO about this case, on the staff case page. (Seam: filled in by the complaints work.)
import type { StaffActor } from "@/lib/auth/staff-actor";
import type { Locale } from "@/i18n/locales";

export async function StaffCaseComplaints(_props: { actor: StaffActor; reference: string; locale: Locale }) {
  return null;
}
