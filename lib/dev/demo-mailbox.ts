// The demo mailbox's read side (the page at /demo/mailbox): the newest mail the built-in SMTP
// catcher caught (lib/dev/mail-catcher.ts, saved by scripts/serve.ts), optionally for one address.
import { db } from "@/lib/db/client";

export type DemoMail = { id: string; subject: string; toAddrs: string[]; receivedAt: Date; textBody: string };

/**
 * The newest 100 mails, newest first; `to` (lower case) keeps those sent to that address, `subject`
 * those whose subject contains it (a case reference, say).
 */
export async function listDemoMails(to: string, subject = ""): Promise<DemoMail[]> {
  return db().demoMail.findMany({
    where: {
      ...(to ? { toAddrs: { has: to } } : {}),
      ...(subject ? { subject: { contains: subject, mode: "insensitive" as const } } : {}),
    },
    orderBy: { receivedAt: "desc" },
    take: 100,
    select: { id: true, subject: true, toAddrs: true, receivedAt: true, textBody: true },
  });
}
