// Translates the pure policy scope into a Prisma filter. Every staff query on cases goes through it,
// so a caseworker can only ever read the cases of their units (or assigned to them).
import type { Prisma } from "@/lib/db/generated/client";
import { visibleUnitScope, type Actor } from "@/lib/domain/policy";

export function caseScopeFilter(actor: Actor): Prisma.CaseWhereInput {
  const scope = visibleUnitScope(actor);
  if ("all" in scope) return {};
  const or: Prisma.CaseWhereInput[] = [];
  if (scope.unitIds.length > 0) or.push({ unitId: { in: scope.unitIds } });
  if (scope.includeUnassignedUnit) or.push({ unitId: null });
  if (scope.assigneeId) or.push({ assigneeId: scope.assigneeId });
  // An empty OR would match nothing in SQL but Prisma treats `OR: []` as "no rows": be explicit.
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}
