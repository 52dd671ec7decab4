// Translates the pure policy scope (visibleUnitScope in lib/domain/policy.ts) into database
// conditions, once: scopeConditions() is the translation, and the three renderings below only
// spell those conditions for Prisma, for one SQL predicate and for the queue's UNION branches.
// Every staff query on cases goes through one of them, so a caseworker can only ever read the cases
// of their units (or assigned to them).
import { Prisma } from "@/lib/db/generated/client";
import { visibleUnitScope, type Actor } from "@/lib/domain/policy";

/** One way a case can be in scope: its unit, no unit yet ("vet ikke"), or its assignee. */
export type ScopeCondition = { unitId: string } | { unitId: null } | { assigneeId: string };

/** "all", or the conditions of which a case must meet at least one (none: no case at all). */
export function scopeConditions(actor: Actor): "all" | ScopeCondition[] {
  const scope = visibleUnitScope(actor);
  if ("all" in scope) return "all";
  const conditions: ScopeCondition[] = scope.unitIds.map((unitId) => ({ unitId }));
  if (scope.includeUnassignedUnit) conditions.push({ unitId: null });
  if (scope.assigneeId) conditions.push({ assigneeId: scope.assigneeId });
  return conditions;
}

function conditionSql(condition: ScopeCondition): Prisma.Sql {
  if ("assigneeId" in condition) return Prisma.sql`c.assignee_id = ${condition.assigneeId}::uuid`;
  return condition.unitId === null ? Prisma.sql`c.unit_id IS NULL` : Prisma.sql`c.unit_id = ${condition.unitId}::uuid`;
}

/** For Prisma queries on cases. */
export function caseScopeFilter(actor: Actor): Prisma.CaseWhereInput {
  const conditions = scopeConditions(actor);
  if (conditions === "all") return {};
  // An empty OR would match nothing in SQL but Prisma treats `OR: []` as "no rows": be explicit.
  if (conditions.length === 0) return { id: { in: [] } };
  return { OR: conditions.map((c): Prisma.CaseWhereInput => ("assigneeId" in c ? { assigneeId: c.assigneeId } : { unitId: c.unitId })) };
}

/** The same scope as one raw SQL predicate on `c` (request_case), for aggregate queries. */
export function caseScopeSql(actor: Actor): Prisma.Sql {
  const conditions = scopeConditions(actor);
  if (conditions === "all") return Prisma.sql`TRUE`;
  return conditions.length > 0 ? Prisma.sql`(${Prisma.join(conditions.map(conditionSql), " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * The same scope as separate predicates, one per condition, for the queue: each branch is sorted and
 * limited on its own partial index and the branches are merged (one OR over all of them would make
 * PostgreSQL sort every open case of the units: 180 ms at 1M cases).
 */
export function caseScopeBranches(actor: Actor): Prisma.Sql[] {
  const conditions = scopeConditions(actor);
  if (conditions === "all") return [Prisma.sql`TRUE`];
  return conditions.length > 0 ? conditions.map(conditionSql) : [Prisma.sql`FALSE`];
}
