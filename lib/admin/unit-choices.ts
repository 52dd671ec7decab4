// Units a staff member can pick in menus (the queue's unit filter): their own units, or every unit
// of the municipality for someone who sees all cases. Not an admin service: no admin role needed.
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { visibleUnitScope, type Actor } from "@/lib/domain/policy";

export async function listUnitChoices(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== "staff") return [];
  const scope = visibleUnitScope(actor);
  const where = "all" in scope ? {} : { id: { in: scope.unitIds } };
  return db().unit.findMany({
    where: { municipalityId: currentMunicipality().id, ...where },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
