// STUB (to be replaced by the identity work): the signed-in citizen, or null.
import "server-only";
import { redirect } from "next/navigation";
import type { CitizenSession } from "./types";

export async function currentCitizen(): Promise<CitizenSession | null> {
  return null;
}

/** For citizen pages that need a signed-in citizen: redirects to /login and back afterwards. */
export async function requireCitizen(returnTo: string): Promise<CitizenSession> {
  const citizen = await currentCitizen();
  if (!citizen) redirect(`/login?returnTo=${encodeURIComponent(returnTo)}`);
  return citizen;
}
