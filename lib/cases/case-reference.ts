import type { Tx } from "@/lib/db/client";
import { formatCaseReference } from "@/lib/domain/reference";

/**
 * Next reference for the year, for the demo seed (prisma/seed.ts), which writes its history rows
 * itself; every real case takes its number in insertCase's one statement (create-case.ts).
 * Gap-free: the counter row is locked by the upsert until the surrounding transaction ends, and a
 * rolled-back transaction gives its number back.
 */
export async function nextCaseReference(tx: Tx, year: number) {
  const rows = await tx.$queryRaw<{ last_value: number }[]>`
    INSERT INTO case_reference_counter (year, last_value) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_value = case_reference_counter.last_value + 1
    RETURNING last_value`;
  const seq = rows[0]!.last_value;
  return { year, seq, reference: formatCaseReference(year, seq) };
}
