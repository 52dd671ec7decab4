import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@/lib/dev/mail-catcher";
import type { Actor } from "@/lib/domain/policy";
import type { SubmitRequest } from "@/lib/requests/request-schema";

export function validRequest(overrides: Partial<SubmitRequest> = {}): SubmitRequest {
  return {
    rights: ["access"],
    name: "Test Testesen",
    email: `test-${randomUUID()}@example.test`,
    unit: "",
    description: "Jeg vil se hva dere har om meg.",
    submissionKey: randomUUID(),
    ...overrides,
  };
}

/** A real SMTP server on the port SMTP_URL points at; collects what it receives. */
export async function startTestSmtp(): Promise<MailCatcher & { mails: CaughtMail[] }> {
  const mails: CaughtMail[] = [];
  const catcher = await startMailCatcher({ port: Number(process.env.TEST_SMTP_PORT), onMail: (m) => void mails.push(m) });
  return Object.assign(catcher, { mails });
}

/**
 * Earlier test files leave pending mail in the shared database (hundreds of rows by the end of the
 * run): marks it sent so a file that counts or delivers mail sees only its own. Delivering it all
 * instead took minutes on a busy machine. Rows a test left `sending` too (a lease in the future).
 */
export async function setAsidePendingMail(): Promise<void> {
  await db().mailOutbox.updateMany({ where: { status: { in: ["pending", "sending"] } }, data: { status: "sent", sentAt: new Date() } });
}

export async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A seeded staff member as the policy sees them (roles and units read from the database). */
export async function staffActorByEmail(email: string): Promise<Extract<Actor, { kind: "staff" }>> {
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true, roles: true, units: { select: { unitId: true } } } });
  return { kind: "staff", userId: user.id, roles: user.roles, unitIds: user.units.map((u) => u.unitId) };
}

/** A tiny but real PDF (the upload checks the content, not the name). */
export const SMALL_PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/**
 * The copy of the data, uploaded as the caseworker's answer file through the real upload service:
 * what a granted access or portability decision needs on the case.
 */
export async function attachAnswerFile(actor: Actor, reference: string): Promise<void> {
  const { staffUploadAnswer } = await import("@/lib/files/upload-attachment");
  await staffUploadAnswer(actor, { reference, fileName: "innsyn.pdf", bytes: SMALL_PDF });
}
