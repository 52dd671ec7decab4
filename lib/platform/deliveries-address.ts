// Pure helper of deliveries.ts (no database): the postal address as the platform's messages want it.

/** A free-text postal address as SvarUt and the archive want it: lines, then "5003 Bergen". */
export function splitPostalAddress(text: string | null | undefined): { lines: string[]; postalCode: string; city: string } | null {
  const parts = (text ?? "").split(/\r?\n|,/).map((p) => p.trim()).filter(Boolean);
  const last = parts.at(-1);
  const match = last?.match(/^(\d{4})\s+(.+)$/);
  if (!match) return null;
  return { lines: parts.slice(0, -1), postalCode: match[1]!, city: match[2]! };
}
