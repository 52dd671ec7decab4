// The signed-in citizen (citizen-auth.ts), for server components, server actions and route handlers.
// Every caller comes through currentCitizen, which checks the server-side session row
// (citizen-session.ts) on every request: a signed-out, replaced or timed-out session is no session,
// whatever the cookie says.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { citizenAuth, type CitizenAuthSession } from "@/citizen-auth";
import { resolveCitizenSession } from "./citizen-session";
import { levelSatisfies } from "./levels";
import type { CitizenLevel, CitizenSession } from "./types";

export { levelSatisfies };

/**
 * The signed-in citizen, or null. One indexed lookup of the session row (with its identity) per
 * request: React's cache shares it between the header, the page and its components.
 */
export const currentCitizen = cache(async (): Promise<CitizenSession | null> => {
  const session = (await citizenAuth()) as CitizenAuthSession | null;
  const signedIn = session?.citizen;
  if (!signedIn) return null;
  return resolveCitizenSession({ sessionId: signedIn.sessionId, identityId: signedIn.identityId });
});

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
