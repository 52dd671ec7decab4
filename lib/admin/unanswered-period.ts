// Use cases of the admin page "Saksregler": read and set the municipality's period before a case
// without the requester's answer can be closed as not processed (14-365 days). Admins only
// (admin.manage_units); everyone else gets not_found, like every admin service. The change and
// its admin audit event commit together.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { requireAdmin } from "@/lib/admin/require-admin";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { UNANSWERED_CLOSE_DAYS_MAX, UNANSWERED_CLOSE_DAYS_MIN } from "@/lib/domain/unanswered";
import { logger } from "@/lib/log";
import { periodFrom, unansweredPeriodOf } from "@/lib/cases/unanswered-period";
import { recordAdminEventInTx } from "./admin-audit";

/** Messages are keys under unanswered.admin.errors. */
export const unansweredDaysSchema = z.object({
  unansweredCloseDays: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .regex(/^\d+$/, "wholeNumber")
    .transform(Number)
    .pipe(z.number().int("wholeNumber").min(UNANSWERED_CLOSE_DAYS_MIN, "range").max(UNANSWERED_CLOSE_DAYS_MAX, "range")),
});

export async function getUnansweredPeriod(actor: Actor): Promise<{ days: number; setByMunicipality: boolean }> {
  requireAdmin(actor, "admin.manage_units");
  return unansweredPeriodOf(db(), currentMunicipality().id);
}

export async function setUnansweredPeriod(actor: Actor, input: { unansweredCloseDays: string }): Promise<{ days: number }> {
  requireAdmin(actor, "admin.manage_units");
  const parsed = unansweredDaysSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError("validation_failed", { fields: { unansweredCloseDays: parsed.error.issues[0]?.message ?? "range" } });
  }
  const days = parsed.data.unansweredCloseDays;
  const id = currentMunicipality().id;
  await db().$transaction(async (tx) => {
    // Locked for the read-then-write: two admins saving at once both get their before right.
    const rows = await tx.$queryRaw<{ name: string; unanswered_close_days: number | null }[]>`
      SELECT name, unanswered_close_days FROM municipality WHERE id = ${id} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new DomainError("not_found");
    await tx.municipality.update({ where: { id }, data: { unansweredCloseDays: days } });
    await recordAdminEventInTx(tx, actor, {
      action: "case_rules.unanswered_days_set",
      targetId: id,
      targetLabel: current.name,
      before: { unansweredCloseDays: periodFrom(id, current.unanswered_close_days), setByMunicipality: current.unanswered_close_days !== null },
      after: { unansweredCloseDays: days, setByMunicipality: true },
    });
  });
  logger.info("admin.unanswered_days_set", { actorId: actor.kind === "staff" ? actor.userId : null, days });
  return { days };
}
