// Request-time view of deployment settings for pages (read from env at runtime, not at build).
import { municipalityProfile } from "./municipalities";

export function currentMunicipality() {
  return municipalityProfile(process.env.MUNICIPALITY);
}

export function isDemoMode() {
  return process.env.DEMO_MODE === "1" || process.env.DEMO_MODE === "true";
}

export function isDemoMailboxEnabled() {
  return process.env.DEMO_MAILBOX === "1" || process.env.DEMO_MAILBOX === "true";
}
