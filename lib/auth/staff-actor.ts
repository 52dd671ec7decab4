// Resolves the signed-in staff member into a policy Actor, reading roles and units fresh from the
// database on every request (a revoked role takes effect at once).
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/policy";
import { staffSignInHref } from "@/lib/auth/return-to";

export type StaffActor = Extract<Actor, { kind: "staff" }> & { name: string; email: string };

/** Once per request (the layout and the page both ask): React's cache() is per request on the server. */
export const currentStaffActor = cache(async function currentStaffActor(): Promise<StaffActor | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, active: true, roles: true, units: { select: { unitId: true } } },
  });
  if (!user?.active) return null;
  return {
    kind: "staff",
    userId: user.id,
    roles: user.roles,
    unitIds: user.units.map((u) => u.unitId),
    name: user.name ?? user.email,
    email: user.email,
  };
});

/**
 * For staff pages: the actor, or a redirect to sign-in that remembers the page asked for (path and
 * query, from proxy.ts's x-pathname; validated, so a forged header can only name a page under /staff).
 * A deep link from a reminder mail (/staff/cases/PV-…) thus opens that case after signing in.
 */
export async function requireStaffActor(): Promise<StaffActor> {
  const actor = await currentStaffActor();
  if (!actor) redirect(staffSignInHref((await headers()).get("x-pathname")));
  return actor;
}
