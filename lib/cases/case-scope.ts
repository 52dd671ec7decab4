// Translates the pure policy scope into a Prisma filter. Every staff query on cases goes through it,
// so a caseworker can only ever read the cases of their units (or assigned to them).
import { Prisma } from "@/lib/db/generated/client";
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

/** The same scope as raw SQL on `c` (request_case), for aggregate queries the Prisma API cannot express well. */
export function caseScopeSql(actor: Actor): Prisma.Sql {
  const scope = visibleUnitScope(actor);
  if ("all" in scope) return Prisma.sql`TRUE`;
  const or: Prisma.Sql[] = [];
  if (scope.unitIds.length > 0) or.push(Prisma.sql`c.unit_id IN (${Prisma.join(scope.unitIds.map((u) => Prisma.sql`${u}::uuid`))})`);
  if (scope.includeUnassignedUnit) or.push(Prisma.sql`c.unit_id IS NULL`);
  if (scope.assigneeId) or.push(Prisma.sql`c.assignee_id = ${scope.assigneeId}::uuid`);
  return or.length > 0 ? Prisma.sql`(${Prisma.join(or, " OR ")})` : Prisma.sql`FALSE`;
}
