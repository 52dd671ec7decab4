// The receipt page's data, found by the unguessable receipt token. Nothing personal: reference,
// rights, dates, status, and whether the answer comes by post.
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";

export async function getRequestReceipt(receiptToken: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(receiptToken)) return null;
  const found = await db().case.findUnique({
    where: { receiptToken },
    select: {
      reference: true,
      rights: true,
      receivedAt: true,
      dueDate: true,
      status: true,
      answerChannel: true,
      _count: { select: { letters: { where: { kind: "receipt" } } } },
    },
  });
  if (!found) return null;
  const { _count, ...rest } = found;
  return { ...rest, dueDate: dbDateToIso(found.dueDate), letterQueued: _count.letters > 0 };
}
