// Use cases of the retention admin page: read the municipality's retention period and the latest
// entries of the retention log, and change the period (1-10 years). Admins only
// (admin.manage_units); everyone else gets not_found, like every admin service.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { requireAdmin } from "@/lib/admin/require-admin";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from "@/lib/domain/retention";
import { logger } from "@/lib/log";
import { recordAdminEventInTx } from "./admin-audit";

export const RETENTION_LOG_PAGE = 50;

/** Messages are keys under retention.admin.errors. */
export const retentionYearsSchema = z.object({
  retentionYears: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .regex(/^\d+$/, "wholeNumber")
    .transform(Number)
    .pipe(z.number().int("wholeNumber").min(MIN_RETENTION_YEARS, "range").max(MAX_RETENTION_YEARS, "range")),
});

export type RetentionLogRow = { id: string; at: Date; action: string; reference: string | null; count: number };

export async function getRetentionSettings(actor: Actor): Promise<{ retentionYears: number; log: RetentionLogRow[] }> {
  requireAdmin(actor, "admin.manage_units");
  const [municipality, log] = await Promise.all([
    db().municipality.findUnique({ where: { id: currentMunicipality().id }, select: { retentionYears: true } }),
    db().retentionLog.findMany({
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: RETENTION_LOG_PAGE,
      select: { id: true, at: true, action: true, reference: true, count: true },
    }),
  ]);
  if (!municipality) throw new DomainError("not_found");
  return { retentionYears: municipality.retentionYears, log: log.map((r) => ({ ...r, id: r.id.toString() })) };
}

export async function setRetentionYears(actor: Actor, input: { retentionYears: string }): Promise<{ retentionYears: number }> {
  requireAdmin(actor, "admin.manage_units");
  const parsed = retentionYearsSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError("validation_failed", { fields: { retentionYears: parsed.error.issues[0]?.message ?? "range" } });
  }
  const retentionYears = parsed.data.retentionYears;
  await db().$transaction(async (tx) => {
    // Locked for the read-then-write: two admins saving at once both get their before right.
    const rows = await tx.$queryRaw<{ name: string; retention_years: number }[]>`
      SELECT name, retention_years FROM municipality WHERE id = ${currentMunicipality().id} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new DomainError("not_found");
    await tx.municipality.update({ where: { id: currentMunicipality().id }, data: { retentionYears } });
    await recordAdminEventInTx(tx, actor, {
      action: "retention.years_set",
      targetId: currentMunicipality().id,
      targetLabel: current.name,
      before: { retentionYears: current.retention_years },
      after: { retentionYears },
    });
  });
  logger.info("admin.retention_years_set", { actorId: actor.userId, retentionYears: parsed.data.retentionYears });
  return { retentionYears: parsed.data.retentionYears };
}
