// Ordering of citizen sign-in levels. Pure.
import type { CitizenLevel } from "./types";

const LEVEL_RANK: Record<CitizenLevel, number> = { email_code: 1, idporten_substantial: 2, idporten_high: 3 };

/** True when `level` is at least `required` (email_code < idporten_substantial < idporten_high). */
export function levelSatisfies(level: CitizenLevel, required: CitizenLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[required];
}
