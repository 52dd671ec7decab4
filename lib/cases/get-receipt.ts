// Use case: the receipt page. Found by an unguessable token, and shows nothing personal:
// reference, rights, dates, and what happens next.
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";

export async function getReceipt(receiptToken: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(receiptToken)) return null;
  const found = await db().case.findUnique({
    where: { receiptToken },
    select: { reference: true, rights: true, receivedAt: true, dueDate: true, status: true },
  });
  return found ? { ...found, dueDate: dbDateToIso(found.dueDate) } : null;
}
