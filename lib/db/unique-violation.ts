// Whether a database error is a unique violation (SQLSTATE 23505), as Prisma 6 with
// @prisma/adapter-pg reports it: P2002 for the query builder, P2010 "raw query failed" (with the
// SQLSTATE in meta, or the adapter's error in meta.driverAdapterError) for $queryRaw. Pure.
type Inspectable = { code?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown }; cause?: unknown; kind?: unknown; originalCode?: unknown };

function adapterSaysUnique(value: unknown, depth = 0): boolean {
  if (depth > 4 || value === null || typeof value !== "object") return false;
  const e = value as Inspectable;
  if (e.kind === "UniqueConstraintViolation" || e.originalCode === "23505" || e.code === "23505") return true;
  return adapterSaysUnique(e.cause, depth + 1);
}

export function isUniqueViolation(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  const e = error as Inspectable;
  if (e.code === "P2002") return true;
  if (e.code === "P2010") return e.meta?.code === "23505" || adapterSaysUnique(e.meta?.driverAdapterError);
  return adapterSaysUnique(error);
}
