// Next.js loads lib/mail/outbox-worker.ts twice in one server process: once for instrumentation.ts
// (the poll) and once for the route handlers (kickOutbox after a submission). A send whose `sent`
// status the database missed must be known to both copies, or the other one claims the row again
// after the lease and mails it a second time although no process died (found by npm run
// test:faults with PostgreSQL SIGKILLed under load). Here two fresh module instances play the two
// copies; the database failure is a trigger that refuses to mark the row `sent`, as in
// outbox-exactly-once.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { resetMailTransport } from "@/lib/mail/transport";
import { setAsidePendingMail, startTestSmtp, validRequest } from "./helpers";
import { ownerSql, withOwner } from "./owner-db";

type OutboxModule = typeof import("@/lib/mail/outbox-worker");

let smtp: Awaited<ReturnType<typeof startTestSmtp>> | undefined;

/** A separate instance of the module, as a second bundle of the same process would load it. */
async function freshCopy(): Promise<OutboxModule> {
  vi.resetModules();
  return import("@/lib/mail/outbox-worker");
}

beforeAll(async () => {
  await setAsidePendingMail();
  await ownerSql(
    `CREATE TABLE IF NOT EXISTS test_fail_sent_mark_copies (id uuid PRIMARY KEY)`,
    `
    CREATE OR REPLACE FUNCTION test_fail_sent_mark_copies() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'sent' AND EXISTS (SELECT 1 FROM test_fail_sent_mark_copies WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'the database went away (test)' USING ERRCODE = '08006';
      END IF;
      RETURN NEW;
    END $$`,
    `DROP TRIGGER IF EXISTS test_fail_sent_mark_copies ON mail_outbox`,
    `CREATE TRIGGER test_fail_sent_mark_copies BEFORE UPDATE ON mail_outbox FOR EACH ROW EXECUTE FUNCTION test_fail_sent_mark_copies()`,
  );
  smtp = await startTestSmtp();
  resetMailTransport();
});

afterAll(async () => {
  await ownerSql(
    `DROP TRIGGER IF EXISTS test_fail_sent_mark_copies ON mail_outbox`,
    `DROP FUNCTION IF EXISTS test_fail_sent_mark_copies()`,
    `DROP TABLE IF EXISTS test_fail_sent_mark_copies`,
  );
  await setAsidePendingMail();
  await smtp?.close();
  resetMailTransport();
  await disconnectDb();
});

describe("the outbox worker loaded twice in one process", () => {
  it("records a send the other copy made while the database was away, and never sends it again", async () => {
    const input = validRequest();
    const { caseId } = await submitRequest(input, { locale: "nb" });
    const row = await db().mailOutbox.findFirstOrThrow({ where: { caseId } });

    const routeCopy = await freshCopy();
    const pollCopy = await freshCopy();
    expect(pollCopy.processOutbox).not.toBe(routeCopy.processOutbox);

    // The route handler's copy sends it; marking it `sent` fails.
    await withOwner((client) => client.query("INSERT INTO test_fail_sent_mark_copies (id) VALUES ($1::uuid)", [row.id]));
    await expect(routeCopy.processOutbox()).rejects.toThrow();
    await ownerSql("DELETE FROM test_fail_sent_mark_copies");

    // The database is back; the poll's copy runs the next rounds, also long after the lease.
    const afterLease = new Date(Date.now() + pollCopy.sendingLeaseMs() + 1000);
    expect((await pollCopy.processOutbox()).sent).toBe(0);
    expect((await pollCopy.processOutbox({ now: afterLease })).sent).toBe(0);

    const after = await db().mailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("sent");
    expect(after.attempts).toBe(1);
    expect(smtp!.mails.filter((m) => m.to.includes(input.email)).map((m) => m.messageId)).toEqual([row.messageId]);
  });
});
