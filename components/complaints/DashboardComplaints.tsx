// Open complaints to the DPO with their own deadline, on the dashboard. (Seam: filled in by the complaints work.)
import type { StaffActor } from "@/lib/auth/staff-actor";
import type { Locale } from "@/i18n/locales";

export async function DashboardComplaints(_props: { actor: StaffActor; locale: Locale }) {
  return null;
}
