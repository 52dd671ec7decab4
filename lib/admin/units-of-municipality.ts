import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";

/** Every id must be a unit of this municipality (a forged id is a validation error, not a 500). */
export async function checkUnitIds(tx: Tx, municipalityId: string, unitIds: string[]) {
  if (unitIds.length === 0) return;
  const found = await tx.unit.count({ where: { id: { in: unitIds }, municipalityId } });
  if (found !== new Set(unitIds).size) throw new DomainError("validation_failed", { fields: { unitIds: "unit" } });
}

/** The units' names (bokmål), sorted: how the admin audit trail records a set of units. */
export async function unitNamesInTx(tx: Tx, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const units = await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { name: true } });
  return units.map((u) => u.name).sort((a, b) => a.localeCompare(b, "nb"));
}
