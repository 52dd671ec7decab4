// Use cases: the municipality's records of processing (GDPR Art. 30, Trondheim's
// "behandlingsprotokoll"): list, read, add, edit, take out of use and back. The access answer
// quotes an entry's texts for every system where a search found data (lib/letters/access-register.ts).
//
// Admins and the DPO (policy admin.manage_records); everyone else gets not_found. Every change and
// its admin audit entry commit in one transaction. Tasks name their system by text: adding an entry
// (or renaming one) links the municipality's tasks that name the same system and point at no entry
// yet, in the same transaction, so the cases already open get their entry too. A retired entry stays
// linked to the tasks that use it but is not linked to new ones.
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { currentMunicipality } from "@/lib/config/current";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import type { AuditFields } from "@/lib/domain/admin-audit";
import { isUuid } from "@/lib/domain/uuid";
import { logger } from "@/lib/log";
import { now as clockNow } from "@/lib/clock";
import { fieldErrors, processingActivityInputSchema, type ProcessingActivityInput } from "./schemas";
import { requireAdmin } from "./require-admin";
import { REGISTER_ENTRY_SELECT } from "./record-fields";
import { recordAdminEventInTx } from "./admin-audit";

const ENTRY_SELECT = {
  id: true,
  ...REGISTER_ENTRY_SELECT,
  unitId: true,
  retiredAt: true,
  unit: { select: { name: true } },
} as const;

export type ProcessingActivityRow = Prisma.ProcessingActivityGetPayload<{ select: typeof ENTRY_SELECT }> & { tasks: number };

export type RecordsOverview = {
  entries: ProcessingActivityRow[];
  /** Systems the units list that have no entry (access answers about them cannot be sent). */
  missing: string[];
};

function fieldsOf(e: Pick<ProcessingActivityRow, "name" | "purposes" | "legalBasis" | "dataCategories" | "recipients" | "storagePeriod" | "source" | "transfersOutsideEea" | "transferSafeguards" | "automatedDecisions"> & { unit: { name: string } | null }): AuditFields {
  return {
    name: e.name,
    unit: e.unit?.name ?? null,
    purposes: e.purposes,
    legalBasis: e.legalBasis,
    dataCategories: e.dataCategories,
    recipients: e.recipients,
    storagePeriod: e.storagePeriod,
    source: e.source,
    transfersOutsideEea: e.transfersOutsideEea,
    transferSafeguards: e.transferSafeguards,
    automatedDecisions: e.automatedDecisions,
  };
}

export async function listProcessingActivities(actor: Actor): Promise<RecordsOverview> {
  requireAdmin(actor, "admin.manage_records");
  const municipalityId = currentMunicipality().id;
  const [rows, units] = await Promise.all([
    db().processingActivity.findMany({
      where: { municipalityId },
      select: { ...ENTRY_SELECT, _count: { select: { tasks: true } } },
      orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    }),
    db().unit.findMany({ where: { municipalityId, active: true }, select: { systems: true } }),
  ]);
  const names = new Set(rows.map((r) => r.name.toLocaleLowerCase("nb")));
  const missing = [...new Set(units.flatMap((u) => u.systems))].filter((s) => !names.has(s.toLocaleLowerCase("nb"))).sort((a, b) => a.localeCompare(b, "nb"));
  return { entries: rows.map(({ _count, ...r }) => ({ ...r, tasks: _count.tasks })), missing };
}

export async function getProcessingActivity(actor: Actor, id: string): Promise<ProcessingActivityRow | null> {
  requireAdmin(actor, "admin.manage_records");
  if (!isUuid(id)) return null;
  const row = await db().processingActivity.findFirst({
    where: { id, municipalityId: currentMunicipality().id },
    select: { ...ENTRY_SELECT, _count: { select: { tasks: true } } },
  });
  if (!row) return null;
  const { _count, ...rest } = row;
  return { ...rest, tasks: _count.tasks };
}

/** The units of this municipality an entry may belong to. */
export async function recordUnitChoices(actor: Actor): Promise<{ id: string; name: string }[]> {
  requireAdmin(actor, "admin.manage_records");
  return db().unit.findMany({ where: { municipalityId: currentMunicipality().id }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

function parse(input: ProcessingActivityInput) {
  const parsed = processingActivityInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation_failed", { fields: fieldErrors(parsed.error) });
  return parsed.data;
}

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new DomainError("validation_failed", { fields: { name: "nameTaken" } });
  }
  throw error;
}

/** The unit must be one of this municipality's (another municipality's unit is "not in the list"). */
async function checkUnitInTx(tx: Tx, unitId: string | null): Promise<void> {
  if (!unitId) return;
  const unit = await tx.unit.findFirst({ where: { id: unitId, municipalityId: currentMunicipality().id }, select: { id: true } });
  if (!unit) throw new DomainError("validation_failed", { fields: { unitId: "unit" } });
}

/** Names are compared as the admin pages show them: case aside, no name twice in a municipality. */
async function checkNameFreeInTx(tx: Tx, name: string, exceptId: string | null): Promise<void> {
  const clash = await tx.processingActivity.findFirst({
    where: { municipalityId: currentMunicipality().id, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new DomainError("validation_failed", { fields: { name: "nameTaken" } });
}

/**
 * Links the municipality's tasks that name this system (case aside) and have no entry yet.
 * Returns how many.
 */
export async function linkTasksByNameInTx(tx: Tx, municipalityId: string, entryId: string, name: string): Promise<number> {
  const { count } = await tx.caseTask.updateMany({
    where: { processingActivityId: null, system: { equals: name, mode: "insensitive" }, case: { municipalityId } },
    data: { processingActivityId: entryId },
  });
  return count;
}

export async function createProcessingActivity(actor: Actor, input: ProcessingActivityInput, options: { now?: Date } = {}): Promise<{ id: string; linkedTasks: number }> {
  requireAdmin(actor, "admin.manage_records");
  const data = parse(input);
  const municipalityId = currentMunicipality().id;
  const result = await db()
    .$transaction(async (tx) => {
      await checkUnitInTx(tx, data.unitId);
      await checkNameFreeInTx(tx, data.name, null);
      const created = await tx.processingActivity.create({ data: { ...data, municipalityId }, select: ENTRY_SELECT });
      const linkedTasks = await linkTasksByNameInTx(tx, municipalityId, created.id, created.name);
      await recordAdminEventInTx(tx, actor, {
        action: "processing_activity.created",
        targetId: created.id,
        targetLabel: created.name,
        after: { ...fieldsOf(created), ...(linkedTasks > 0 ? { linkedTasks } : {}) },
        now: options.now,
      });
      return { id: created.id, linkedTasks };
    })
    .catch(nameTaken);
  logger.info("admin.processing_activity_created", { actorId: actor.userId, entryId: result.id, linkedTasks: result.linkedTasks });
  return result;
}

export async function updateProcessingActivity(actor: Actor, id: string, input: ProcessingActivityInput, options: { now?: Date } = {}): Promise<{ linkedTasks: number }> {
  requireAdmin(actor, "admin.manage_records");
  const data = parse(input);
  const municipalityId = currentMunicipality().id;
  const linkedTasks = await db()
    .$transaction(async (tx) => {
      const before = isUuid(id) ? await tx.processingActivity.findFirst({ where: { id, municipalityId }, select: ENTRY_SELECT }) : null;
      if (!before) throw new DomainError("not_found");
      await checkUnitInTx(tx, data.unitId);
      await checkNameFreeInTx(tx, data.name, id);
      const after = await tx.processingActivity.update({ where: { id }, data, select: ENTRY_SELECT });
      const linked = after.retiredAt ? 0 : await linkTasksByNameInTx(tx, municipalityId, id, after.name);
      await recordAdminEventInTx(tx, actor, {
        action: "processing_activity.updated",
        targetId: id,
        targetLabel: after.name,
        before: fieldsOf(before),
        after: { ...fieldsOf(after), ...(linked > 0 ? { linkedTasks: linked } : {}) },
        now: options.now,
      });
      return linked;
    })
    .catch(nameTaken);
  logger.info("admin.processing_activity_updated", { actorId: actor.userId, entryId: id, linkedTasks });
  return { linkedTasks };
}

/** Takes an entry out of use (retired) or back (not retired). Doing what is already so changes nothing. */
export async function setProcessingActivityRetired(actor: Actor, id: string, retired: boolean, options: { now?: Date } = {}): Promise<{ changed: boolean }> {
  requireAdmin(actor, "admin.manage_records");
  const municipalityId = currentMunicipality().id;
  const now = options.now ?? clockNow();
  const changed = await db().$transaction(async (tx) => {
    const before = isUuid(id) ? await tx.processingActivity.findFirst({ where: { id, municipalityId }, select: { id: true, name: true, retiredAt: true } }) : null;
    if (!before) throw new DomainError("not_found");
    if ((before.retiredAt !== null) === retired) return false;
    await tx.processingActivity.update({ where: { id }, data: { retiredAt: retired ? now : null } });
    const linked = retired ? 0 : await linkTasksByNameInTx(tx, municipalityId, id, before.name);
    await recordAdminEventInTx(tx, actor, {
      action: retired ? "processing_activity.retired" : "processing_activity.reactivated",
      targetId: id,
      targetLabel: before.name,
      before: { active: retired },
      after: { active: !retired, ...(linked > 0 ? { linkedTasks: linked } : {}) },
      now,
    });
    return true;
  });
  logger.info("admin.processing_activity_retired", { actorId: actor.userId, entryId: id, retired, changed });
  return { changed };
}
