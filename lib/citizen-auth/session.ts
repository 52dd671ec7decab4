// The signed-in citizen (citizen-auth.ts), for server components, server actions and route handlers.
import "server-only";
import { redirect } from "next/navigation";
import { citizenAuth, type CitizenAuthSession } from "@/citizen-auth";
import { db } from "@/lib/db/client";
import { levelSatisfies } from "./levels";
import type { CitizenLevel, CitizenSession } from "./types";

export { levelSatisfies };

/** The signed-in citizen, or null. The identity is read again, so a deleted identity ends the session. */
export async function currentCitizen(): Promise<CitizenSession | null> {
  const session = (await citizenAuth()) as CitizenAuthSession | null;
  const signedIn = session?.citizen;
  if (!signedIn) return null;
  const identity = await db().citizenIdentity.findUnique({
    where: { id: signedIn.identityId },
    select: { id: true, email: true, name: true },
  });
  if (!identity) return null;
  return { ...signedIn, email: identity.email, name: identity.name };
}

/** For citizen pages that need a signed-in citizen: redirects to /login and back afterwards. */
export async function requireCitizen(returnTo: string): Promise<CitizenSession> {
  const citizen = await currentCitizen();
  if (!citizen) redirect(`/login?returnTo=${encodeURIComponent(returnTo)}`);
  return citizen;
}

/**
 * Like requireCitizen, but also demands a level (step-up). Use "idporten_high" before special-category
 * data is shown: a citizen below it is sent to /login/step-up, which signs in again with ID-porten
 * asking for idporten-loa-high, and then returns to `returnTo`.
 */
export async function requireCitizenLevel(level: CitizenLevel, returnTo: string): Promise<CitizenSession> {
  const citizen = await currentCitizen();
  if (citizen && levelSatisfies(citizen.level, level)) return citizen;
  if (!citizen && level === "email_code") redirect(`/login?returnTo=${encodeURIComponent(returnTo)}`);
  redirect(`/login/step-up?returnTo=${encodeURIComponent(returnTo)}&level=${level}`);
}
