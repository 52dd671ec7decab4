/**
 * Norwegian national identity numbers: fødselsnummer and D-nummer (pure, no I/O).
 *
 * Layout: DDMMYY III K1 K2. A D-nummer adds 4 to the first digit of the day (41-71). Skatteetaten's
 * synthetic test numbers (Tenor) add 80 to the month; they are only accepted when the caller passes
 * `{ allowSynthetic: true }` (test and development; production passes
 * `process.env.ALLOW_SYNTHETIC_NATIONAL_IDS === "1"`).
 *
 * `isValidNationalId` checks the exact string: 11 digits, nothing else. Normalise user input first
 * with `normaliseNationalId`.
 */

export type NationalIdOptions = { allowSynthetic?: boolean };
export type NationalIdKind = "fnr" | "dnr";

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Removes spaces (also non-breaking), dots and dashes people type between the digit groups. */
export function normaliseNationalId(input: string): string {
  return input.replace(/[\s.\u00a0-]/g, "");
}

/** Mod-11 check digit over `digits` with `weights`; null when the remainder makes it impossible. */
function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i]! * weights[i]!;
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

function daysInMonth(month: number, twoDigitYear: number, individual: number): number {
  if (month === 2) {
    // Two-digit year 00 is 1900 (not a leap year) for individual numbers 000-499 and 2000 (leap) for
    // 500-999; other years in the possible centuries (1854-2039) are leap years exactly when divisible by 4.
    const leap = twoDigitYear === 0 ? individual >= 500 : twoDigitYear % 4 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "fnr" or "dnr" when `id` is a valid number (see the file comment), otherwise null. */
export function nationalIdKind(id: string, options: NationalIdOptions = {}): NationalIdKind | null {
  if (!/^\d{11}$/.test(id)) return null;
  const d = Array.from(id, Number);

  const k1 = checkDigit(d, WEIGHTS_1);
  if (k1 === null || k1 !== d[9]) return null;
  const k2 = checkDigit(d, WEIGHTS_2);
  if (k2 === null || k2 !== d[10]) return null;

  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  const year = d[4]! * 10 + d[5]!;
  const individual = d[6]! * 100 + d[7]! * 10 + d[8]!;

  let kind: NationalIdKind = "fnr";
  if (day > 40) {
    day -= 40;
    kind = "dnr";
  }
  if (month > 80) {
    if (!options.allowSynthetic) return null;
    month -= 80;
  }
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(month, year, individual)) return null;
  return kind;
}

/** True for a valid fødselsnummer or D-nummer (synthetic test numbers only with allowSynthetic). */
export function isValidNationalId(id: string, options: NationalIdOptions = {}): boolean {
  return nationalIdKind(id, options) !== null;
}

/** The birth-date part and five stars ("010190*****"), for showing a number without revealing it. */
export function maskNationalId(id: string): string {
  return `${normaliseNationalId(id).slice(0, 6)}*****`;
}

/**
 * The birth date a valid number encodes ("YYYY-MM-DD"), or null for an invalid one. The century
 * follows from the individual number (Skatteetaten): 000-499 -> 1900s; 500-749 with year 54-99 ->
 * 1854-1899; 500-999 with year 00-39 -> 2000-2039; 900-999 with year 40-99 -> 1940-1999.
 */
export function birthDateOfNationalId(id: string, options: NationalIdOptions = {}): string | null {
  if (!isValidNationalId(id, options)) return null;
  const d = Array.from(id, Number);
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  const yy = d[4]! * 10 + d[5]!;
  const individual = d[6]! * 100 + d[7]! * 10 + d[8]!;
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  let century: number | null = null;
  if (individual <= 499) century = 1900;
  else if (individual <= 749 && yy >= 54) century = 1800;
  else if (yy <= 39) century = 2000;
  else if (individual >= 900) century = 1900;
  if (century === null) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${century + yy}-${pad(month)}-${pad(day)}`;
}

/** Full years of age on `onDate` ("YYYY-MM-DD") of someone born on `birthDate`. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Whether a requester's fødselsnummer may be used towards the platform (KRR look-up, SvarUt letters
 * to that person's digital mailbox, the archive's party record): only a proven one, from ID-porten
 * or checked by staff who registered the request (or met the person). A number someone merely typed
 * into the web form could be anyone's: letters to it would reach a stranger.
 */
export function nationalIdIsVerified(identityLevel: string, registeredByStaff: boolean): boolean {
  return identityLevel === "idporten_substantial" || identityLevel === "idporten_high" || identityLevel === "verified_in_person" || registeredByStaff;
}
