// Use case: the complaints part of the dashboard: how many complaints are open, how many of those are
// past their due date, and the open ones by due date. The DPO sees every complaint and links to the
// answer page. A unit lead sees, read-only, complaints about the cases in their scope (their units
// and cases with no unit yet), linked to the case page. Anyone without "dashboard.view": not_found.
import { db } from "@/lib/db/client";
import { dbDateToIso, isoDateToDb } from "@/lib/db/dates";
import { caseScopeFilter } from "@/lib/cases/case-scope";
import { osloDateOf } from "@/lib/domain/calendar";
import { complaintDaysLeft } from "@/lib/domain/complaints";
import { DomainError } from "@/lib/domain/errors";
import { can, hasPermission, type Actor } from "@/lib/domain/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { now as clockNow } from "@/lib/clock";

export const DASHBOARD_COMPLAINTS_LIMIT = 100;

export type DashboardComplaintRow = { id: string; reference: string; receivedAt: Date; dueDate: string; daysLeft: number };

export type DashboardComplaintsData = {
  canHandle: boolean;
  openCount: number;
  overdueCount: number;
  rows: DashboardComplaintRow[];
};

export async function dashboardComplaints(actor: Actor, options: { now?: Date } = {}): Promise<DashboardComplaintsData> {
  if (actor.kind !== "staff" || !hasPermission(actor, "dashboard.view")) throw new DomainError("not_found");
  const now = options.now ?? clockNow();
  const canHandle = can(actor, "complaint.handle");
  const scope: Prisma.DpoComplaintWhereInput = canHandle ? {} : { case: caseScopeFilter(actor) };
  const open: Prisma.DpoComplaintWhereInput = { AND: [scope, { status: "open" }] };
  const client = db();
  const [openCount, overdueCount, rows] = await Promise.all([
    client.dpoComplaint.count({ where: open }),
    client.dpoComplaint.count({ where: { AND: [open, { dueDate: { lt: isoDateToDb(osloDateOf(now)) } }] } }),
    client.dpoComplaint.findMany({
      where: open,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: DASHBOARD_COMPLAINTS_LIMIT,
      select: { id: true, receivedAt: true, dueDate: true, case: { select: { reference: true } } },
    }),
  ]);
  return {
    canHandle,
    openCount,
    overdueCount,
    rows: rows.map((r) => {
      const dueDate = dbDateToIso(r.dueDate);
      return { id: r.id, reference: r.case.reference, receivedAt: r.receivedAt, dueDate, daysLeft: complaintDaysLeft(dueDate, now) };
    }),
  };
}
