// The municipality's period before a case without the requester's answer can be closed as not
// processed: the admin's value (municipality.unanswered_close_days) or the shipped profile's.
import type { Db, Tx } from "@/lib/db/client";
import { municipalityProfile } from "@/lib/config/municipalities";
import { isValidUnansweredCloseDays } from "@/lib/domain/unanswered";

export function periodFrom(municipalityId: string, stored: number | null | undefined): number {
  return isValidUnansweredCloseDays(stored) ? stored : municipalityProfile(municipalityId).unansweredCloseDays;
}

export async function unansweredPeriodOf(client: Db | Tx, municipalityId: string): Promise<{ days: number; setByMunicipality: boolean }> {
  const row = await client.municipality.findUnique({ where: { id: municipalityId }, select: { unansweredCloseDays: true } });
  const stored = row?.unansweredCloseDays ?? null;
  return { days: periodFrom(municipalityId, stored), setByMunicipality: isValidUnansweredCloseDays(stored) };
}

/** The reminder row kind that records the warning, once per pause (its due_date is the day the question was asked). */
export const UNANSWERED_WARNING_KIND = "requester_unanswered";
