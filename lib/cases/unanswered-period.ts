// The municipality's period before a case without the requester's answer can be closed as not
// processed: the admin's value (municipality.unanswered_close_days) or the shipped profile's.
import type { Db, Tx } from "@/lib/db/client";
import { MUNICIPALITIES, type MunicipalityId } from "@/lib/config/municipalities";
import { DEFAULT_UNANSWERED_CLOSE_DAYS, isValidUnansweredCloseDays } from "@/lib/domain/unanswered";

/** The admin's value, else the shipped profile's, else (a municipality without a shipped profile) the default. */
export function periodFrom(municipalityId: string, stored: number | null | undefined): number {
  if (isValidUnansweredCloseDays(stored)) return stored;
  const shipped = Object.hasOwn(MUNICIPALITIES, municipalityId) ? MUNICIPALITIES[municipalityId as MunicipalityId] : undefined;
  return shipped?.unansweredCloseDays ?? DEFAULT_UNANSWERED_CLOSE_DAYS;
}

export async function unansweredPeriodOf(client: Db | Tx, municipalityId: string): Promise<{ days: number; setByMunicipality: boolean }> {
  const row = await client.municipality.findUnique({ where: { id: municipalityId }, select: { unansweredCloseDays: true } });
  const stored = row?.unansweredCloseDays ?? null;
  return { days: periodFrom(municipalityId, stored), setByMunicipality: isValidUnansweredCloseDays(stored) };
}

/** The reminder row kind that records the warning, once per pause (its due_date is the day the question was asked). */
export const UNANSWERED_WARNING_KIND = "requester_unanswered";
