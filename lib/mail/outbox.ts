// Transactional outbox: call enqueueMail with the transaction that makes the change, so the mail
// exists if and only if the change committed. The worker (outbox-worker.ts) delivers it.
import type { Tx } from "@/lib/db/client";
import { assertSafeParams, type MailParams, type MailTemplate } from "./templates";

export async function enqueueMail(
  tx: Tx,
  mail: { to: string; template: MailTemplate; locale: string; params: MailParams; caseId?: string | null },
) {
  assertSafeParams(mail.params);
  return tx.mailOutbox.create({
    data: {
      toAddress: mail.to,
      template: mail.template,
      locale: mail.locale,
      params: mail.params,
      caseId: mail.caseId ?? null,
    },
    select: { id: true },
  });
}
