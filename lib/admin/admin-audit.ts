// The administration's audit trail: written by every admin service inside its own transaction
// (recordAdminEventInTx), read by admins and the DPO (listAdminEvents, admin.view_audit). The table
// is append-only in the database (trigger, and the app role may only SELECT and INSERT).
import { db, type Tx } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import {
  ADMIN_AUDIT_ACTIONS,
  ADMIN_AUDIT_TARGETS,
  TARGET_OF_ACTION,
  changedFields,
  type AdminAuditAction,
  type AdminAuditTarget,
  type AuditFields,
} from "@/lib/domain/admin-audit";
import { UUID_PATTERN } from "@/lib/domain/uuid";

type StaffActor = Extract<Actor, { kind: "staff" }>;

export type AdminEventInput = {
  action: AdminAuditAction;
  targetId: string;
  targetLabel: string;
  before?: AuditFields;
  after?: AuditFields;
  now?: Date;
};

/**
 * Writes one entry in the caller's transaction, keeping only the fields that changed. An update
 * that changed nothing writes nothing (returns false).
 */
export async function recordAdminEventInTx(tx: Tx, actor: StaffActor, event: AdminEventInput): Promise<boolean> {
  const change = changedFields(event.before ?? {}, event.after ?? {});
  const isCreation = event.action.endsWith(".created");
  if (!change && !isCreation) return false;
  await tx.adminAuditEvent.create({
    data: {
      municipalityId: currentMunicipality().id,
      actorId: actor.userId,
      action: event.action,
      targetType: TARGET_OF_ACTION[event.action],
      targetId: event.targetId,
      targetLabel: event.targetLabel,
      // A creation has no "before"; its "after" is everything it was created with.
      before: isCreation ? undefined : { ...change!.before },
      after: isCreation ? { ...(event.after ?? {}) } : { ...change!.after },
      ...(event.now ? { at: event.now } : {}),
    },
  });
  return true;
}

export const ADMIN_LOG_PAGE = 50;

export type AdminLogEntry = {
  id: string;
  at: Date;
  actorName: string;
  action: AdminAuditAction;
  targetType: AdminAuditTarget;
  targetId: string;
  targetLabel: string;
  before: AuditFields | null;
  after: AuditFields | null;
};

export type AdminLogFilter = { targetType?: AdminAuditTarget; targetId?: string };

/** A position in the log: the last entry shown ("<iso time>_<id>"). */
export type AdminLogCursor = string;

const ADMIN_LOG_CURSOR = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)_(${UUID_PATTERN})$`);

function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const match = ADMIN_LOG_CURSOR.exec(cursor ?? "");
  if (!match) return null;
  const at = new Date(match[1]!);
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2]! };
}

export function isAdminAuditTarget(value: unknown): value is AdminAuditTarget {
  return typeof value === "string" && (ADMIN_AUDIT_TARGETS as readonly string[]).includes(value);
}

/**
 * Newest first, keyset-paginated, within the caller's municipality; one query (the actor's name by
 * join). Admins and the DPO only; everyone else gets not_found like every admin page.
 */
export async function listAdminEvents(
  actor: Actor,
  options: { filter?: AdminLogFilter; cursor?: AdminLogCursor; limit?: number } = {},
): Promise<{ entries: AdminLogEntry[]; nextCursor: AdminLogCursor | null }> {
  if (actor.kind !== "staff" || !can(actor, "admin.view_audit")) throw new DomainError("not_found");
  const limit = Math.min(Math.max(options.limit ?? ADMIN_LOG_PAGE, 1), ADMIN_LOG_PAGE);
  const after = parseCursor(options.cursor);
  const { targetType, targetId } = options.filter ?? {};
  const rows = await db().adminAuditEvent.findMany({
    where: {
      municipalityId: currentMunicipality().id,
      ...(targetType ? { targetType } : {}),
      ...(targetType && targetId ? { targetId } : {}),
      ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      at: true,
      action: true,
      targetType: true,
      targetId: true,
      targetLabel: true,
      before: true,
      after: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    entries: page
      .filter((r) => (ADMIN_AUDIT_ACTIONS as readonly string[]).includes(r.action) && isAdminAuditTarget(r.targetType))
      .map((r) => ({
        id: r.id,
        at: r.at,
        actorName: r.actor.name ?? r.actor.email,
        action: r.action as AdminAuditAction,
        targetType: r.targetType as AdminAuditTarget,
        targetId: r.targetId,
        targetLabel: r.targetLabel,
        before: (r.before as AuditFields | null) ?? null,
        after: (r.after as AuditFields | null) ?? null,
      })),
    nextCursor: rows.length > limit && last ? `${last.at.toISOString()}_${last.id}` : null,
  };
}
