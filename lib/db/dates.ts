// Postgres `date` columns arrive as JS Dates at UTC midnight; the domain speaks 'YYYY-MM-DD'.
export function isoDateToDb(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function dbDateToIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
