// Mail exactly once (issue 10 item 4): the database fails after the SMTP server accepted a mail.
// A real SMTP server receives the mails; their Message-ID headers are read from what it parsed.
// The failure is a trigger that refuses to mark chosen rows `sent`, which is what a database that
// goes away between the SMTP call and the status update looks like to the worker.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { processOutbox, sendingLeaseMs, type UnrecordedSends } from "@/lib/mail/outbox-worker";
import { resetMailTransport } from "@/lib/mail/transport";
import { setAsidePendingMail, startTestSmtp, validRequest } from "./helpers";
import { ownerSql, withOwner } from "./owner-db";

let smtp: Awaited<ReturnType<typeof startTestSmtp>> | undefined;

beforeAll(async () => {
  await setAsidePendingMail();
  // DDL is the owner's (the app's role may create nothing): README, Database roles.
  await ownerSql(
    `CREATE TABLE IF NOT EXISTS test_fail_sent_mark (id uuid PRIMARY KEY)`,
    `
    CREATE OR REPLACE FUNCTION test_fail_sent_mark() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'sent' AND EXISTS (SELECT 1 FROM test_fail_sent_mark WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'the database went away (test)' USING ERRCODE = '08006';
      END IF;
      RETURN NEW;
    END $$`,
    `DROP TRIGGER IF EXISTS test_fail_sent_mark ON mail_outbox`,
    `CREATE TRIGGER test_fail_sent_mark BEFORE UPDATE ON mail_outbox FOR EACH ROW EXECUTE FUNCTION test_fail_sent_mark()`,
  );
  smtp = await startTestSmtp();
  resetMailTransport();
});

beforeEach(() => {
  smtp?.mails.splice(0);
});

afterAll(async () => {
  await ownerSql(
    `DROP TRIGGER IF EXISTS test_fail_sent_mark ON mail_outbox`,
    `DROP FUNCTION IF EXISTS test_fail_sent_mark()`,
    `DROP TABLE IF EXISTS test_fail_sent_mark`,
  );
  // Nothing of this file may be picked up by a later one.
  await setAsidePendingMail();
  await smtp?.close();
  resetMailTransport();
  await disconnectDb();
});

async function queueReceipt() {
  const input = validRequest();
  const { caseId } = await submitRequest(input, { locale: "nb" });
  const row = await db().mailOutbox.findFirstOrThrow({ where: { caseId } });
  return { email: input.email, row };
}

const failSentMark = (id: string) => withOwner((client) => client.query("INSERT INTO test_fail_sent_mark (id) VALUES ($1::uuid)", [id]));
const healSentMark = () => ownerSql("DELETE FROM test_fail_sent_mark");
const mailsTo = (email: string) => smtp!.mails.filter((m) => m.to.includes(email));
const afterLease = () => new Date(Date.now() + sendingLeaseMs() + 1000);

describe("mail outbox when the database fails after the SMTP server accepted a mail", () => {
  it("marks the row `sending` before the SMTP call and sends its own Message-ID", async () => {
    const { email, row } = await queueReceipt();
    expect(row.messageId).toBe(`<${row.id}@localhost>`);
    await failSentMark(row.id);
    await expect(processOutbox()).rejects.toThrow();
    await healSentMark();

    const mails = mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.messageId).toBe(row.messageId);
    // The claim was committed before the mail went out; the status update is what failed.
    const after = await db().mailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("sending");
    expect(after.claimedAt).not.toBeNull();
    expect(after.attempts).toBe(1);
    // Recorded by the same process, which remembers the send, at its next round.
    await processOutbox();
    const recorded = await db().mailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(recorded.status).toBe("sent");
    expect(recorded.sentAt).not.toBeNull();
  });

  it("the process that sent it records it when the database is back and never sends it again", async () => {
    const { email, row } = await queueReceipt();
    await failSentMark(row.id);
    await expect(processOutbox()).rejects.toThrow();
    // Still away at the next poll: the send stays remembered, nothing else is claimed.
    await expect(processOutbox()).rejects.toThrow();
    // Another worker within the lease leaves the row alone.
    expect((await processOutbox({ unrecorded: new Map() })).sent).toBe(0);

    await healSentMark();
    expect((await processOutbox()).sent).toBe(0);
    const after = await db().mailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("sent");
    expect(after.attempts).toBe(1);
    // Long after the lease: still nothing to send.
    expect((await processOutbox({ now: afterLease(), unrecorded: new Map() })).sent).toBe(0);
    expect(mailsTo(email)).toHaveLength(1);
  });

  it("a row a crashed worker left `sending` is sent again after the lease, with the same Message-ID", async () => {
    const { email, row } = await queueReceipt();
    await failSentMark(row.id);
    // This worker's process dies right after: what it remembered is gone with it.
    const crashed: UnrecordedSends = new Map();
    await expect(processOutbox({ unrecorded: crashed })).rejects.toThrow();
    await healSentMark();

    const survivor: UnrecordedSends = new Map();
    // Within the lease it may still be sending: not retried yet.
    expect((await processOutbox({ unrecorded: survivor })).sent).toBe(0);
    expect(mailsTo(email)).toHaveLength(1);

    expect((await processOutbox({ now: afterLease(), unrecorded: survivor })).sent).toBe(1);
    const mails = mailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.messageId)).toEqual([row.messageId, row.messageId]);
    const after = await db().mailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("sent");
    expect(after.attempts).toBe(2);
  });

  it("a retry after the mail server was down carries the same Message-ID", async () => {
    await smtp!.close();
    resetMailTransport();
    const { email, row } = await queueReceipt();
    expect((await processOutbox()).failed).toBe(1);
    smtp = await startTestSmtp();
    resetMailTransport();
    expect((await processOutbox({ now: new Date(Date.now() + 60_000) })).sent).toBe(1);
    expect(mailsTo(email).map((m) => m.messageId)).toEqual([row.messageId]);
  });
});

describe("several workers", () => {
  it("never send one row twice, also rows a crashed worker left `sending`", async () => {
    const queued = [];
    for (let i = 0; i < 12; i++) queued.push(await queueReceipt());
    // Half of them were claimed by a worker that died before it sent or recorded anything.
    const stale = new Date(Date.now() - sendingLeaseMs() - 60_000);
    await db().mailOutbox.updateMany({
      where: { id: { in: queued.slice(0, 6).map((q) => q.row.id) } },
      data: { status: "sending", claimedAt: stale, attempts: 1 },
    });
    const workers = Array.from({ length: 4 }, () => processOutbox({ limit: 50, unrecorded: new Map() }));
    const rounds = await Promise.all(workers);
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(12);
    for (const { email, row } of queued) {
      expect(mailsTo(email).map((m) => m.messageId)).toEqual([row.messageId]);
    }
    const rows = await db().mailOutbox.findMany({ where: { id: { in: queued.map((q) => q.row.id) } } });
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(new Set(smtp!.mails.map((m) => m.messageId)).size).toBe(smtp!.mails.length);
  });
});
