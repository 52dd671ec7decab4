// Units as menus show them, in the reader's language (lib/domain/unit-names.ts). Not admin services:
// no admin role needed.
// - `listUnitChoices`: a staff member's units (the queue's unit filter), or every unit for someone
//   who sees all cases.
// - `listRequestUnits` / `findRequestUnit`: the municipality's active units that a request can name
//   (the citizen's form, its summary, staff registering a request).
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { visibleUnitScope, type Actor } from "@/lib/domain/policy";
import { unitNameIn } from "@/lib/domain/unit-names";

const NAMES = { name: true, nameNn: true, nameEn: true } as const;

function byName<T extends { name: string }>(units: T[], locale: string): T[] {
  return units.sort((a, b) => a.name.localeCompare(b.name, locale === "en" ? "en" : "nb"));
}

export async function listUnitChoices(actor: Actor, locale = "nb"): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== "staff") return [];
  const scope = visibleUnitScope(actor);
  const where = "all" in scope ? {} : { id: { in: scope.unitIds } };
  const units = await db().unit.findMany({ where: { municipalityId: currentMunicipality().id, ...where }, select: { id: true, ...NAMES } });
  return byName(
    units.map((u) => ({ id: u.id, name: unitNameIn(u, locale) })),
    locale,
  );
}

export async function listRequestUnits(locale: string): Promise<{ slug: string; name: string }[]> {
  const units = await db().unit.findMany({ where: { municipalityId: currentMunicipality().id, active: true }, select: { slug: true, ...NAMES } });
  return byName(
    units.map((u) => ({ slug: u.slug, name: unitNameIn(u, locale) })),
    locale,
  );
}

export async function findRequestUnit(slug: string, locale: string): Promise<{ slug: string; name: string } | null> {
  const unit = await db().unit.findUnique({
    where: { municipalityId_slug: { municipalityId: currentMunicipality().id, slug } },
    select: { slug: true, ...NAMES },
  });
  return unit ? { slug: unit.slug, name: unitNameIn(unit, locale) } : null;
}
