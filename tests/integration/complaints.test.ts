// Complaints to the DPO against the real database and a real SMTP server: filing (one transaction,
// rolled back as a whole), one open complaint per case (also under concurrency), who may file, answer
// and see them, and mails that carry only a reference and a link.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { fileComplaint } from "@/lib/complaints/file-complaint";
import { answerComplaint } from "@/lib/complaints/answer-complaint";
import { listComplaints } from "@/lib/complaints/list-complaints";
import { getComplaint } from "@/lib/complaints/get-complaint";
import { caseComplaints } from "@/lib/complaints/case-complaints";
import { dashboardComplaints } from "@/lib/complaints/dashboard-complaints";
import { citizenComplaints } from "@/lib/complaints/citizen-complaints";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { processOutbox } from "@/lib/mail/outbox-worker";
import { resetMailTransport } from "@/lib/mail/transport";
import { buildCase, buildIdentity } from "./builders";
import { setAsidePendingMail, startTestSmtp, staffActorByEmail as staffActor, waitFor } from "./helpers";
import { ownerSql, withOwner } from "./owner-db";

let smtp: Awaited<ReturnType<typeof startTestSmtp>> | undefined;

beforeAll(async () => {
  process.env.FIELD_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ??= randomBytes(32).toString("base64");
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

function newIdentity(opts: { withEmail?: boolean } = {}) {
  return opts.withEmail === false ? buildIdentity({ level: "idporten_substantial", email: null }) : buildIdentity();
}

/** A web case filed under the identity, through the real creation path (builders.ts); "completed" is forced. */
function createCase(opts: { identityId: string; email: string | null; unit?: string; status?: "received" | "completed" }) {
  return buildCase({
    unit: opts.unit ?? null,
    identity: { identityId: opts.identityId },
    requester: { name: "Klage Testesen", email: opts.email, identityLevel: "email_code" },
    state: opts.status === "completed" ? { status: "completed", closedAt: new Date() } : undefined,
  });
}

const COMPLAINT = "Kommunen svarte ikke på alt jeg spurte om, og jeg fikk ingen begrunnelse.";

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
}

async function written(caseId: string) {
  const [complaints, events, mails] = await Promise.all([
    db().dpoComplaint.count({ where: { caseId } }),
    db().caseEvent.count({ where: { caseId, type: { startsWith: "complaint." } } }),
    db().mailOutbox.count({ where: { caseId } }),
  ]);
  return { complaints, events, mails };
}

describe("filing a complaint", () => {
  it("writes the complaint, an audit event with ids only and one mail per DPO, with the request's due date", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, unit: "barnehage" });
    const now = new Date("2026-01-31T10:00:00Z");
    const { complaintId, dueDate } = await fileComplaint({ identityId: me.identityId, reference: c.reference, body: `  ${COMPLAINT}  `, now });

    // Filed Saturday 31 January: one month is 28 February, a Saturday, so Monday 2 March (legal-rules.md §1).
    expect(dueDate).toBe("2026-03-02");
    const row = await db().dpoComplaint.findUniqueOrThrow({ where: { id: complaintId } });
    expect(row).toMatchObject({ caseId: c.id, body: COMPLAINT, status: "open", answer: null, answeredAt: null });
    expect(row.receivedAt.toISOString()).toBe(now.toISOString());
    expect(dbDateToIso(row.dueDate)).toBe("2026-03-02");

    const events = await db().caseEvent.findMany({ where: { caseId: c.id, type: "complaint.filed" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorType).toBe("citizen");
    expect(events[0]!.after).toEqual({ complaintId, dueDate: "2026-03-02" });
    expect(JSON.stringify(events[0]!.after)).not.toContain("begrunnelse");

    const dpos = await db().user.findMany({ where: { active: true, roles: { has: "dpo" }, municipalityId: "bergen" }, select: { email: true } });
    expect(dpos.map((d) => d.email)).toContain("personvernombud@demo.test");
    const outbox = await db().mailOutbox.findMany({ where: { caseId: c.id } });
    expect(outbox.map((m) => m.toAddress).sort()).toEqual(dpos.map((d) => d.email).sort());
    for (const m of outbox) {
      expect(m.template).toBe("dpo_complaint");
      expect(m.params).toEqual({ reference: c.reference, link: `http://localhost:3999/staff/complaints/${complaintId}` });
    }

    // Delivered over SMTP: the reference and the link, never the complaint.
    await processOutbox({ limit: 100 });
    const mail = smtp!.mails.find((m) => m.to.includes("personvernombud@demo.test") && m.subject.includes(c.reference));
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe(`Ny klage til personvernombudet i sak ${c.reference}`);
    expect(mail!.text).toContain(`http://localhost:3999/staff/complaints/${complaintId}`);
    for (const part of [mail!.text, mail!.html ?? "", mail!.subject]) {
      expect(part).not.toContain("begrunnelse");
      expect(part).not.toContain("Klage Testesen");
    }
  });

  it("is all or nothing: when the mail cannot be queued, neither complaint nor event is kept", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me });
    // Make the outbox refuse this case's DPO mail, inside the same transaction as the complaint.
    const fn = `test_refuse_complaint_mail_${c.id.replace(/-/g, "")}`;
    await ownerSql(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF NEW.case_id = '${c.id}'::uuid THEN RAISE EXCEPTION 'outbox refused (test)'; END IF;
         RETURN NEW; END $$`,
    );
    await ownerSql(`CREATE TRIGGER ${fn} BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const error = await errorOf(fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT }));
      expect(String(error)).toContain("outbox refused");
      expect(await written(c.id)).toEqual({ complaints: 0, events: 0, mails: 0 });
    } finally {
      await ownerSql(`DROP TRIGGER ${fn} ON mail_outbox`);
      await ownerSql(`DROP FUNCTION ${fn}()`);
    }
    // With the outbox working again, the same complaint goes through.
    await fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT });
    expect(await written(c.id)).toMatchObject({ complaints: 1, events: 1 });
  });

  it("refuses a text that is too short or too long and writes nothing", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me });
    for (const body of ["", "  kort  ", "x".repeat(4001)]) {
      const error = await errorOf(fileComplaint({ identityId: me.identityId, reference: c.reference, body }));
      expect(isDomainError(error, "validation_failed")).toBe(true);
    }
    expect(await written(c.id)).toEqual({ complaints: 0, events: 0, mails: 0 });
  });

  it("allows one open complaint per case: a second is refused, and of three at once exactly one wins", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me });
    await fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT });
    const second = await errorOf(fileComplaint({ identityId: me.identityId, reference: c.reference, body: `${COMPLAINT} Igjen.` }));
    expect(isDomainError(second, "invalid_transition")).toBe(true);
    expect(await db().dpoComplaint.count({ where: { caseId: c.id } })).toBe(1);

    // Three filings at once, all past the quick check before the transaction: hold the case row
    // meanwhile, so that all of them reach the transaction before any has committed.
    const other = await createCase({ ...me });
    // A barrier, not a sleep: the row is held in a connection of its own, and released only once all
    // three filings are seen waiting for a lock (pg_blocking_pids), so they really race.
    let attempts: Promise<unknown>[] = [];
    // Three pooled connections first: with a cold pool only one filing got a connection while the
    // row was held (seen in pg_stat_activity), and the barrier would wait for the other two in vain.
    await Promise.all([1, 2, 3].map(() => db().$transaction((tx) => tx.$queryRaw`SELECT pg_sleep(0.2)::text`)));
    await withOwner(async (holder) => {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM request_case WHERE id = $1::uuid FOR UPDATE", [other.id]);
      attempts = ["A", "B", "C"].map((x) => fileComplaint({ identityId: me.identityId, reference: other.reference, body: `${COMPLAINT} ${x}` }));
      await waitFor(async () => {
        const { rows } = await holder.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0",
        );
        return rows[0]!.n === 3;
      }, 20_000);
      await holder.query("COMMIT");
    });
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(isDomainError(r.reason, "invalid_transition")).toBe(true);
    expect(await written(other.id)).toMatchObject({ complaints: 1, events: 1 });
  });

  it("works on a closed case, and a new complaint is allowed once the first is answered", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, status: "completed" });
    const dpo = await staffActor("personvernombud@demo.test");
    const { complaintId } = await fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT });
    expect((await citizenComplaints({ identityId: me.identityId, level: "email_code" }, c.reference))!.mayFile).toBe(false);
    await answerComplaint(dpo, { complaintId, answer: "Vi har sett på saken." });
    expect((await citizenComplaints({ identityId: me.identityId, level: "email_code" }, c.reference))!.mayFile).toBe(true);
    await fileComplaint({ identityId: me.identityId, reference: c.reference, body: `${COMPLAINT} Ny klage.` });
    expect(await db().dpoComplaint.count({ where: { caseId: c.id } })).toBe(2);
  });

  it("another citizen is told the case does not exist, and nothing is written", async () => {
    const me = await newIdentity();
    const other = await newIdentity();
    const c = await createCase({ ...me });
    const error = await errorOf(fileComplaint({ identityId: other.identityId, reference: c.reference, body: COMPLAINT }));
    expect(isDomainError(error, "not_found")).toBe(true);
    expect(await citizenComplaints({ identityId: other.identityId, level: "email_code" }, c.reference)).toBeNull();
    expect(await written(c.id)).toEqual({ complaints: 0, events: 0, mails: 0 });
  });
});

describe("answering a complaint", () => {
  it("the DPO's answer: status, secure message, audit event with ids only, and a mail with only reference and link", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, unit: "skole" });
    const dpo = await staffActor("personvernombud@demo.test");
    const { complaintId } = await fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT });
    await processOutbox({ limit: 100 });
    smtp!.mails.splice(0);

    const answer = "Jeg har gått gjennom saken. Skolen skulle ha begrunnet avslaget, og svarer deg på nytt.";
    const { messageId, mailed } = await answerComplaint(dpo, { complaintId, answer: `  ${answer} ` });
    expect(mailed).toBe(true);

    const row = await db().dpoComplaint.findUniqueOrThrow({ where: { id: complaintId } });
    expect(row).toMatchObject({ status: "answered", answer, answeredById: dpo.userId });
    expect(row.answeredAt).not.toBeNull();
    const message = await db().message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ caseId: c.id, kind: "to_requester", authorId: dpo.userId, body: answer });
    const events = await db().caseEvent.findMany({ where: { caseId: c.id, type: "complaint.answered" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "staff", actorId: dpo.userId });
    expect(events[0]!.after).toEqual({ complaintId, answerMessageId: messageId });

    // The citizen reads it on their case page: in the complaint list and among the messages.
    const view = await citizenComplaints({ identityId: me.identityId, level: "email_code" }, c.reference);
    expect(view!.complaints.map((x) => [x.status, x.answer])).toEqual([["answered", answer]]);
    const caseView = await citizenGetCase({ identityId: me.identityId, level: "email_code" }, c.reference);
    expect(caseView!.messages.map((m) => [m.from, m.body])).toEqual([["municipality", answer]]);

    const outbox = await db().mailOutbox.findMany({ where: { caseId: c.id, template: "complaint_answered" } });
    expect(outbox.map((m) => [m.toAddress, m.params])).toEqual([[me.email, { reference: c.reference, link: `http://localhost:3999/my-cases/${c.reference}` }]]);
    await processOutbox({ limit: 100 });
    const mail = smtp!.mails.find((m) => m.to.includes(me.email!));
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe(`Svar fra personvernombudet i sak ${c.reference}`);
    expect(mail!.text).toContain(`http://localhost:3999/my-cases/${c.reference}`);
    for (const part of [mail!.text, mail!.html ?? ""]) {
      expect(part).not.toContain("begrunnet");
      expect(part).not.toContain("begrunnelse");
    }

    // A second answer is refused and changes nothing.
    const again = await errorOf(answerComplaint(dpo, { complaintId, answer: "Et svar til" }));
    expect(isDomainError(again, "invalid_transition")).toBe(true);
    expect(await db().message.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("a requester without e-mail (paper) gets the answer as a message only", async () => {
    const me = await newIdentity({ withEmail: false });
    const c = await createCase({ ...me });
    const dpo = await staffActor("personvernombud@demo.test");
    const { complaintId } = await fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT });
    const { mailed } = await answerComplaint(dpo, { complaintId, answer: "Svar på papir." });
    expect(mailed).toBe(false);
    expect(await db().mailOutbox.count({ where: { caseId: c.id, template: "complaint_answered" } })).toBe(0);
    expect(await db().message.count({ where: { caseId: c.id, kind: "to_requester" } })).toBe(1);
  });

  it("a requester who answers by post also gets the answer as a letter in the print queue", async () => {
    const me = await newIdentity({ withEmail: false });
    const c = await createCase({ ...me });
    const row = await db().case.update({ where: { id: c.id }, data: { answerChannel: "paper" }, select: { requesterId: true } });
    await db().requester.update({ where: { id: row.requesterId }, data: { postalAddress: "Nygårdsgaten 5\n5015 Bergen" } });
    const dpo = await staffActor("personvernombud@demo.test");
    const { complaintId } = await fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT });
    await answerComplaint(dpo, { complaintId, answer: "Svar i posten fra personvernombudet." });
    const letters = await db().letter.findMany({ where: { caseId: c.id, kind: "message" } });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ delivery: "post", status: "queued" });
    expect(letters[0]!.body).toContain("Svar i posten fra personvernombudet.");
  });

  it("a caseworker, a unit lead and an admin cannot answer, list or open complaints (not_found)", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, unit: "barnehage" });
    const { complaintId } = await fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT });
    for (const email of ["saksbehandler@demo.test", "leder@demo.test", "admin@demo.test"]) {
      const actor = await staffActor(email);
      const error = await errorOf(answerComplaint(actor, { complaintId, answer: "Jeg svarer likevel." }));
      expect(isDomainError(error, "not_found"), email).toBe(true);
      expect(isDomainError(await errorOf(listComplaints(actor)), "not_found"), email).toBe(true);
      expect(await getComplaint(actor, complaintId), email).toBeNull();
    }
    const citizen: Actor = { kind: "citizen", requesterId: (await db().case.findUniqueOrThrow({ where: { id: c.id } })).requesterId };
    expect(isDomainError(await errorOf(answerComplaint(citizen, { complaintId, answer: "Selv." })), "not_found")).toBe(true);
    const row = await db().dpoComplaint.findUniqueOrThrow({ where: { id: complaintId } });
    expect(row.status).toBe("open");
    expect(await db().message.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: "complaint.answered" } })).toBe(0);
  });
});

describe("who sees complaints", () => {
  it("the DPO's list: open first by due date, then answered; the DPO opens one with its case", async () => {
    const me = await newIdentity();
    const dpo = await staffActor("personvernombud@demo.test");
    const a = await createCase({ ...me });
    const b = await createCase({ ...me });
    const later = await fileComplaint({ identityId: me.identityId, reference: a.reference, body: COMPLAINT, now: new Date("2026-02-10T10:00:00Z") });
    const earlier = await fileComplaint({ identityId: me.identityId, reference: b.reference, body: COMPLAINT, now: new Date("2026-02-02T10:00:00Z") });
    const rows = (await listComplaints(dpo)).filter((r) => [later.complaintId, earlier.complaintId].includes(r.id));
    expect(rows.map((r) => r.id)).toEqual([earlier.complaintId, later.complaintId]);
    const all = await listComplaints(dpo);
    const firstAnswered = all.findIndex((r) => r.status === "answered");
    if (firstAnswered >= 0) expect(all.slice(firstAnswered).every((r) => r.status === "answered")).toBe(true);

    const view = await getComplaint(dpo, earlier.complaintId);
    expect(view).toMatchObject({ body: COMPLAINT, status: "open", dueDate: earlier.dueDate, case: { reference: b.reference, status: "received" } });
    expect(await getComplaint(dpo, randomUUID())).toBeNull();
    expect(await getComplaint(dpo, "not-a-uuid")).toBeNull();
  });

  it("dashboard: the DPO sees every open complaint; a unit lead only those about cases in their units; a caseworker none", async () => {
    const me = await newIdentity();
    const dpo = await staffActor("personvernombud@demo.test");
    const lead = await staffActor("leder@demo.test");
    const own = await createCase({ ...me, unit: "barnehage" });
    const foreign = await createCase({ ...me, unit: "helse-omsorg" });
    // Other tests' complaints are open too: count the difference this test makes.
    const dpoBefore = await dashboardComplaints(dpo);
    const overdue = await fileComplaint({ identityId: me.identityId, reference: own.reference, body: COMPLAINT, now: new Date("2025-01-06T10:00:00Z") });
    const fresh = await fileComplaint({ identityId: me.identityId, reference: foreign.reference, body: COMPLAINT });

    const forDpo = await dashboardComplaints(dpo);
    expect(forDpo.canHandle).toBe(true);
    expect(forDpo.rows.map((r) => r.id)).toEqual(expect.arrayContaining([overdue.complaintId, fresh.complaintId]));
    expect(forDpo.openCount).toBe(dpoBefore.openCount + 2);
    expect(forDpo.overdueCount).toBe(dpoBefore.overdueCount + 1);
    const overdueRow = forDpo.rows.find((r) => r.id === overdue.complaintId)!;
    expect(overdueRow.daysLeft).toBeLessThan(0);

    const forLead = await dashboardComplaints(lead);
    expect(forLead.canHandle).toBe(false);
    expect(forLead.rows.map((r) => r.id)).toContain(overdue.complaintId);
    expect(forLead.rows.map((r) => r.id)).not.toContain(fresh.complaintId);
    expect(forLead.openCount).toBeLessThan(forDpo.openCount);

    const kari = await staffActor("saksbehandler@demo.test");
    expect(isDomainError(await errorOf(dashboardComplaints(kari)), "not_found")).toBe(true);
  });

  it("the staff case page lists the case's complaints; only the DPO may handle them; outsiders get null", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, unit: "barnehage" });
    await fileComplaint({ identityId: me.identityId, reference: c.reference, body: COMPLAINT });
    const dpo = await caseComplaints(await staffActor("personvernombud@demo.test"), c.reference);
    expect(dpo).toMatchObject({ canHandle: true });
    expect(dpo!.complaints).toHaveLength(1);
    const kari = await caseComplaints(await staffActor("saksbehandler@demo.test"), c.reference);
    expect(kari).toMatchObject({ canHandle: false });
    expect(kari!.complaints).toHaveLength(1);
    expect(await caseComplaints(await staffActor("saksbehandler2@demo.test"), c.reference)).toBeNull();
  });
});
