/**
 * A unit's name in the reader's language: the unit has a bokmål name and may have a nynorsk and an
 * English one (edited on the admin pages); a missing or blank translation falls back to bokmål.
 */
export type UnitNames = { name: string; nameNn?: string | null; nameEn?: string | null };

export function unitNameIn(unit: UnitNames, locale: string): string {
  const translated = locale === "nn" ? unit.nameNn : locale === "en" ? unit.nameEn : null;
  return translated?.trim() || unit.name;
}
