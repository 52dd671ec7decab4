// Use case: the admin's list of staff users (and one user, for the edit page).
import { db } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/policy";
import { requireAdmin } from "./require-admin";
import { isUuid } from "@/lib/domain/uuid";

export type StaffUserRow = {
  id: string;
  name: string | null;
  email: string;
  roles: StaffRole[];
  active: boolean;
  units: { id: string; name: string }[];
};

const select = {
  id: true,
  name: true,
  email: true,
  roles: true,
  active: true,
  units: { select: { unit: { select: { id: true, name: true } } } },
} as const;

export async function listStaffUsers(actor: Actor): Promise<StaffUserRow[]> {
  requireAdmin(actor, "admin.manage_users");
  const users = await db().user.findMany({ select, orderBy: [{ active: "desc" }, { name: "asc" }, { email: "asc" }] });
  return users.map((u) => ({ ...u, units: u.units.map((m) => m.unit).sort((a, b) => a.name.localeCompare(b.name, "nb")) }));
}

export async function getStaffUser(actor: Actor, id: string): Promise<StaffUserRow | null> {
  requireAdmin(actor, "admin.manage_users");
  if (!isUuid(id)) return null;
  const u = await db().user.findUnique({ where: { id }, select });
  return u ? { ...u, units: u.units.map((m) => m.unit) } : null;
}
