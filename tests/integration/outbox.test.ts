import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { backoffMs, drainOutbox, processOutbox } from "@/lib/mail/outbox-worker";
import { enqueueMail } from "@/lib/mail/outbox";
import { resetMailTransport } from "@/lib/mail/transport";
import { renderMail } from "@/lib/mail/templates";
import { setAsidePendingMail, startTestSmtp, validRequest } from "./helpers";

let smtp: Awaited<ReturnType<typeof startTestSmtp>> | undefined;

beforeAll(async () => {
  await setAsidePendingMail();
  smtp = await startTestSmtp();
});

beforeEach(() => {
  smtp?.mails.splice(0);
});

afterAll(async () => {
  await smtp?.close();
  resetMailTransport();
  await disconnectDb();
});

describe("mail outbox", () => {
  it("delivers the receipt over SMTP with only the reference and a link", async () => {
    const input = validRequest({ name: "Hemmelig Navnesen", description: "Helseopplysninger om meg" });
    const { reference, receiptToken, caseId } = await submitRequest(input, { locale: "nb" });
    const from = new Date();
    const round = await processOutbox();
    // Exactly the rows this round marked sent (whatever else is pending), this receipt among them.
    const sentInRound = await db().mailOutbox.findMany({ where: { status: "sent", sentAt: { gte: from, lte: new Date() } }, select: { caseId: true } });
    expect(round.sent).toBe(sentInRound.length);
    expect(sentInRound.map((m) => m.caseId)).toContain(caseId);

    const mail = smtp!.mails.find((m) => m.to.includes(input.email));
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe(`Kvittering for forespørsel ${reference}`);
    expect(mail!.text).toContain(reference);
    expect(mail!.text).toContain(`http://localhost:3999/receipt/${receiptToken}`);
    expect(mail!.text).not.toContain("Hemmelig");
    expect(mail!.text).not.toContain("Helse");
    expect(mail!.html).not.toContain("Hemmelig");

    const row = await db().mailOutbox.findFirstOrThrow({ where: { caseId } });
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(1);
    expect(row.sentAt).not.toBeNull();
  });

  it("keeps mail while the SMTP server is down and delivers each exactly once when it is back", async () => {
    await smtp!.close();
    resetMailTransport();
    const inputs = [validRequest(), validRequest(), validRequest()];
    for (const input of inputs) await submitRequest(input, { locale: "en" });

    const down = await processOutbox();
    expect(down.sent).toBe(0);
    expect(down.failed).toBe(3);
    const pending = await db().mailOutbox.findMany({ where: { toAddress: { in: inputs.map((i) => i.email) } } });
    expect(pending.every((r) => r.status === "pending" && r.attempts === 1 && r.lastError)).toBe(true);
    // Retried later, not immediately.
    expect(pending.every((r) => r.nextAttemptAt.getTime() > Date.now())).toBe(true);

    smtp = await startTestSmtp();
    resetMailTransport();
    // Nothing is due yet: the backoff holds.
    expect((await processOutbox()).sent).toBe(0);
    const later = new Date(Date.now() + backoffMs(1) + 1000);
    const up = await processOutbox({ now: later });
    expect(up.sent).toBe(3);
    expect((await processOutbox({ now: later })).sent).toBe(0);
    for (const input of inputs) {
      expect(smtp.mails.filter((m) => m.to.includes(input.email))).toHaveLength(1);
      expect(smtp.mails.find((m) => m.to.includes(input.email))!.subject).toMatch(/^Receipt for request PV-/);
    }
  });

  it("two workers at once never send the same mail twice", async () => {
    const inputs = Array.from({ length: 10 }, () => validRequest());
    for (const input of inputs) await submitRequest(input, { locale: "nb" });
    const [a, b] = await Promise.all([processOutbox({ limit: 50 }), processOutbox({ limit: 50 })]);
    expect(a.sent + b.sent).toBe(10);
    for (const input of inputs) expect(smtp!.mails.filter((m) => m.to.includes(input.email))).toHaveLength(1);
  });

  it("one drain sends a whole reminder run, not one round of 25 per poll interval", async () => {
    // A reminder run on a busy queue puts hundreds of mails in at once (seen: 265); at one round
    // per 2-second poll the last of them waited longer than anyone looking for it.
    await setAsidePendingMail();
    const to = `drain-${Date.now()}@example.test`;
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 60; i++) {
        await enqueueMail(tx, { to, template: "request_receipt", locale: "nb", params: { reference: `PV-2026-${String(900000 + i)}`, link: "http://localhost/x" } });
      }
    });
    const drained = await drainOutbox();
    expect(drained).toEqual({ sent: 60, failed: 0, rounds: 3 });
    // Four lanes at once, and still each mail exactly once.
    const mine = smtp!.mails.filter((m) => m.to.includes(to));
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(60);
    expect(mine).toHaveLength(60);
    expect(await db().mailOutbox.count({ where: { toAddress: to, status: { not: "sent" } } })).toBe(0);
  });

  it("backs off exponentially up to an hour", () => {
    expect(backoffMs(1)).toBe(15_000);
    expect(backoffMs(2)).toBe(30_000);
    expect(backoffMs(3)).toBe(60_000);
    expect(backoffMs(20)).toBe(60 * 60_000);
  });
});

describe("mail templates", () => {
  it("refuse parameters that could carry personal data", () => {
    expect(() => renderMail("request_receipt", "nb", { reference: "PV-2026-000001", link: "http://x/y", name: "Ola" })).toThrow(
      /not allowed/,
    );
    expect(() => renderMail("request_receipt", "nb", { reference: "Ola Nordmann", link: "http://x/y" })).toThrow();
    expect(() => renderMail("request_receipt", "nb", { reference: "PV-2026-000001", link: "javascript:alert(1)" })).toThrow();
  });

  it("render in all three languages", () => {
    const params = { reference: "PV-2026-000042", link: "http://localhost/receipt/abc" };
    expect(renderMail("request_receipt", "nb", params).subject).toBe("Kvittering for forespørsel PV-2026-000042");
    expect(renderMail("request_receipt", "nn", params).subject).toContain("PV-2026-000042");
    expect(renderMail("request_receipt", "en", params).subject).toBe("Receipt for request PV-2026-000042");
  });
});
