// Use case: the units of this municipality, for the admin (all) and for pickers (active only).
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import type { Actor } from "@/lib/domain/policy";
import { requireAdmin } from "./require-admin";
import { isUuid } from "@/lib/domain/uuid";

export type UnitRow = {
  id: string;
  slug: string;
  name: string;
  nameNn: string | null;
  nameEn: string | null;
  email: string | null;
  systems: string[];
  active: boolean;
  /** Processes special categories (Art. 9): its cases need ID-porten level high. */
  specialCategory: boolean;
  members: number;
};

export async function listUnits(actor: Actor): Promise<UnitRow[]> {
  requireAdmin(actor, "admin.manage_units");
  const units = await db().unit.findMany({
    where: { municipalityId: currentMunicipality().id },
    select: { id: true, slug: true, name: true, nameNn: true, nameEn: true, email: true, systems: true, active: true, specialCategory: true, _count: { select: { members: true } } },
    orderBy: [{ name: "asc" }],
  });
  return units.map(({ _count, ...u }) => ({ ...u, members: _count.members }));
}

export async function getUnit(actor: Actor, id: string): Promise<UnitRow | null> {
  requireAdmin(actor, "admin.manage_units");
  if (!isUuid(id)) return null;
  const u = await db().unit.findFirst({
    where: { id, municipalityId: currentMunicipality().id },
    select: { id: true, slug: true, name: true, nameNn: true, nameEn: true, email: true, systems: true, active: true, specialCategory: true, _count: { select: { members: true } } },
  });
  if (!u) return null;
  const { _count, ...rest } = u;
  return { ...rest, members: _count.members };
}
