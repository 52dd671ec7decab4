// The daily digest against the real database with a controlled clock: one mail per staff member and
// Oslo working day with the right counts, none on weekends and public holidays, exactly once also
// with two runs in parallel, and nothing in it but counts and a link. Uses a staff member of its
// own, so other files' cases never show up in its counts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { runDailyDigest } from "@/lib/jobs/daily-digest";
import { renderMail } from "@/lib/mail/templates";
import { validRequest } from "./helpers";

let userId: string;
let email: string;

async function assignedCase(receivedDate: string, status?: "awaiting_requester" | "completed") {
  const c = await submitRequest(validRequest({ unit: "barnehage" }), { locale: "nb", now: new Date(`${receivedDate}T09:00:00Z`) });
  await db().case.update({
    where: { id: c.caseId },
    data: { assigneeId: userId, ...(status ? { status, closedAt: status === "completed" ? new Date() : null } : {}) },
  });
  return c;
}

/** One run "on" the Oslo date, 07:00 Oslo in winter. */
function runOn(date: string) {
  return runDailyDigest({ now: new Date(`${date}T06:00:00Z`) });
}

async function digests() {
  return db().mailOutbox.findMany({ where: { toAddress: email, template: "daily_digest" }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  email = `digest-${randomUUID().slice(0, 8)}@demo.test`;
  const user = await db().user.create({ data: { email, name: "Digest Tester", roles: ["caseworker"], municipalityId: "bergen" } });
  userId = user.id;
  await assignedCase("2021-02-01"); // due 2021-03-01: overdue on 10 March
  await assignedCase("2021-02-10"); // due 2021-03-10: due today = due soon
  await assignedCase("2021-03-05"); // due 2021-04-06: not yet
  await assignedCase("2021-01-15", "awaiting_requester"); // paused: the clock is stopped
  await assignedCase("2021-01-04", "completed"); // closed: not counted
});

afterAll(async () => {
  await disconnectDb();
});

describe("daily digest", () => {
  it("counts open, overdue and due-soon cases; a paused case is open but neither overdue nor due soon", async () => {
    const result = await runOn("2021-03-10"); // Wednesday
    expect(result.workingDay).toBe(true);
    const rows = await digests();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.params).toEqual({ link: expect.stringMatching(/\/staff\?view=mine$/), open: 4, overdue: 1, dueSoon: 1 });
  });

  it("is sent once per day, also when two workers run at the same moment", async () => {
    await Promise.all([runOn("2021-03-10"), runOn("2021-03-10")]);
    expect(await digests()).toHaveLength(1);
    await Promise.all([runOn("2021-03-11"), runOn("2021-03-11"), runOn("2021-03-11")]);
    expect(await digests()).toHaveLength(2);
    expect(await db().staffDigest.count({ where: { userId } })).toBe(2);
  });

  it("is not sent on weekends or Norwegian public holidays", async () => {
    const before = (await digests()).length;
    for (const day of ["2021-03-13", "2021-03-14", "2021-05-17", "2021-05-13", "2021-12-25"]) {
      const result = await runOn(day); // Sat, Sun, Constitution Day (Mon), Ascension Day, Christmas
      expect(result, day).toEqual({ workingDay: false, recipients: 0, sent: 0, alreadySent: 0 });
    }
    expect(await digests()).toHaveLength(before);
    await runOn("2021-03-15"); // Monday
    expect(await digests()).toHaveLength(before + 1);
  });

  it("is not sent to a deactivated staff member", async () => {
    await db().user.update({ where: { id: userId }, data: { active: false } });
    try {
      const before = (await digests()).length;
      await runOn("2021-03-16");
      expect(await digests()).toHaveLength(before);
    } finally {
      await db().user.update({ where: { id: userId }, data: { active: true } });
    }
  });

  it("the mail says only counts and a link: no case reference, no name", async () => {
    const row = (await digests())[0]!;
    const mail = renderMail("daily_digest", "nb", row.params);
    expect(mail.subject).toBe("Dine saker i dag: 1 over fristen, 1 med frist innen 7 dager");
    expect(mail.text).toContain("Du har 4 åpne saker.");
    expect(mail.text).not.toMatch(/PV-\d{4}-\d+/);
    expect(mail.text).not.toContain("Digest Tester");
    expect(() => renderMail("daily_digest", "nb", { link: "http://x.test/", open: -1 })).toThrow(/count/);
    expect(() => renderMail("daily_digest", "nb", { link: "http://x.test/", open: "4 (Ola)" })).toThrow(/count/);
  });
});
