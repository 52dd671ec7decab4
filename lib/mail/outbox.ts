// Transactional outbox: call enqueueMail with the transaction that makes the change, so the mail
// exists if and only if the change committed. The worker (outbox-worker.ts) delivers it.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/env";
import { assertSafeParams, type MailParams, type MailTemplate } from "./templates";

/**
 * The Message-ID of an outbox row: its id at the portal's host name. Fixed when the mail is queued,
 * so every attempt (also the retry after a crash) sends the same one.
 */
export function outboxMessageId(rowId: string): string {
  return `<${rowId}@${new URL(publicUrl()).hostname}>`;
}

/**
 * An outbox row's values, checked as enqueueMail checks them, for a statement that writes the row
 * itself (lib/cases/create-case.ts: the receipt, whose reference the same statement assigns).
 */
export function preparedOutboxRow(mail: { to: string; template: MailTemplate; locale: string; params: MailParams }) {
  assertSafeParams(mail.params);
  const id = randomUUID();
  return { id, messageId: outboxMessageId(id), to: mail.to, template: mail.template, locale: mail.locale, params: mail.params };
}

export async function enqueueMail(
  tx: Tx,
  mail: { to: string; template: MailTemplate; locale: string; params: MailParams; caseId?: string | null },
) {
  assertSafeParams(mail.params);
  const id = randomUUID();
  return tx.mailOutbox.create({
    data: {
      id,
      messageId: outboxMessageId(id),
      toAddress: mail.to,
      template: mail.template,
      locale: mail.locale,
      params: mail.params,
      caseId: mail.caseId ?? null,
    },
    select: { id: true },
  });
}
