// Closing a case whose requester never answered (issue 13, item 2) against the real database: the
// worker's warning (once per question, message + mail + paper copy), the refusals before the period
// and the warning (nothing changes), the closing in one transaction (status not_processed, the
// pause closed, the event, the letter with the Art. 12(4) complaint and appeal information), who
// may do it, and the municipality's own period on the admin page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { askRequester } from "@/lib/cases/ask-requester";
import { closeUnansweredCase } from "@/lib/cases/close-unanswered-case";
import { staffGetCaseWork } from "@/lib/cases/staff-case-view";
import { warnUnansweredRequesters } from "@/lib/jobs/unanswered-warnings";
import { getUnansweredPeriod, setUnansweredPeriod } from "@/lib/admin/unanswered-period";
import { UNANSWERED_WARNING_KIND } from "@/lib/cases/unanswered-period";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { buildCase } from "./builders";
import { staffActorByEmail as staff } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
let kari: Staff; // caseworker, barnehage + skole
let ola: Staff; // caseworker, helse-omsorg
let dpo: Staff;
let admin: Staff;

const DAY = 86_400_000;

beforeAll(async () => {
  kari = await staff("saksbehandler@demo.test");
  ola = await staff("saksbehandler2@demo.test");
  dpo = await staff("personvernombud@demo.test");
  admin = await staff("admin@demo.test");
  await db().municipality.update({ where: { id: "bergen" }, data: { unansweredCloseDays: null } });
});

afterAll(async () => {
  await db().municipality.update({ where: { id: "bergen" }, data: { unansweredCloseDays: null } });
  await disconnectDb();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return isDomainError(e) ? `${e.code}${e.details?.state ? `:${String(e.details.state)}` : ""}` : `other: ${String(e)}`;
  }
}

/** An access case in barnehage, asked for a clarification at `askedAt` through the real service. */
async function waitingCase(askedAt: Date, opts: { answerChannel?: "digital" | "paper"; locale?: "nb" | "nn" | "en" } = {}) {
  const c = await buildCase({
    receivedAt: new Date(askedAt.getTime() - 3 * DAY),
    rights: ["access"],
    locale: opts.locale ?? "nb",
    answerChannel: opts.answerChannel ?? "digital",
    requester: {
      name: "Uten Svar",
      email: opts.answerChannel === "paper" ? null : "uten-svar@example.test",
      ...(opts.answerChannel === "paper" ? { postalAddress: "Testveien 1, 5003 Bergen" } : {}),
    },
  });
  const asked = await askRequester(kari, { reference: c.reference, kind: "clarification", body: "Hvilken barnehage gjelder det?", expectedVersion: c.version, now: askedAt });
  return { ...c, version: asked.version };
}

async function stateOf(caseId: string) {
  const [c, events, messages, outbox, letters, reminders, openPauses] = await Promise.all([
    db().case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true, closedAt: true } }),
    db().caseEvent.findMany({ where: { caseId }, select: { type: true, after: true }, orderBy: { at: "asc" } }),
    db().message.findMany({ where: { caseId, kind: "to_requester" }, select: { body: true, authorId: true }, orderBy: { createdAt: "asc" } }),
    db().mailOutbox.findMany({ where: { caseId }, select: { template: true, params: true, toAddress: true } }),
    db().letter.count({ where: { caseId } }),
    db().caseReminder.count({ where: { caseId, kind: UNANSWERED_WARNING_KIND } }),
    db().casePause.count({ where: { caseId, endedAt: null } }),
  ]);
  return { ...c, events, messages, outbox, letters, reminders, openPauses };
}

describe("warning and closing an unanswered case (30 days, the shipped period)", () => {
  const askedAt = new Date(Date.now() - 60 * DAY);
  askedAt.setUTCHours(10, 0, 0, 0);
  const at = (days: number) => new Date(askedAt.getTime() + days * DAY);

  it("refuses before the warning, warns once on day 23, refuses until day 30, then closes with the letter", async () => {
    const c = await waitingCase(askedAt);

    // Day 22: no warning yet, so no closing, whatever the caseworker tries.
    await warnUnansweredRequesters({ now: at(22) });
    const day22 = await stateOf(c.id);
    expect(day22.reminders).toBe(0);
    expect(await codeOf(closeUnansweredCase(kari, { reference: c.reference, expectedVersion: c.version, now: at(22) }))).toBe("unanswered_not_closable:waiting");
    expect(await stateOf(c.id)).toEqual(day22);

    // Day 23: the warning goes out once, however many runs.
    const first = await warnUnansweredRequesters({ now: at(23) });
    expect(first.warned).toBeGreaterThanOrEqual(1);
    await warnUnansweredRequesters({ now: at(23) });
    await warnUnansweredRequesters({ now: at(24) });
    const warned = await stateOf(c.id);
    expect(warned.reminders).toBe(1);
    expect(warned.events.filter((e) => e.type === "case.requester_warned")).toHaveLength(1);
    expect(warned.messages).toHaveLength(2);
    const warning = warned.messages[1]!;
    expect(warning.authorId).toBeNull();
    expect(warning.body).toContain(c.reference);
    expect(warning.body).toMatch(/avslutter vi saken uten å behandle den/);
    // The mail: a reference and a link, never the text.
    const mails = warned.outbox.filter((m) => m.template === "new_message");
    expect(mails).toHaveLength(2);
    expect(JSON.stringify(mails[1]!.params)).not.toMatch(/avslutter|Uten Svar/);
    expect(warned.status).toBe("awaiting_requester");

    const view = await staffGetCaseWork(kari, c.reference, at(26));
    expect(view?.unanswered).toMatchObject({ periodDays: 30, askKind: "clarification", state: { kind: "warned" } });

    // Day 29: warned but too early.
    expect(await codeOf(closeUnansweredCase(kari, { reference: c.reference, expectedVersion: warned.version, now: at(29) }))).toBe("unanswered_not_closable:warned");
    expect(await stateOf(c.id)).toEqual(warned);
    expect((await staffGetCaseWork(kari, c.reference, at(30)))?.unanswered?.state.kind).toBe("closable");

    // Who may: a caseworker of another unit does not see the case; the DPO does not decide.
    expect(await codeOf(closeUnansweredCase(ola, { reference: c.reference, expectedVersion: warned.version, now: at(30) }))).toBe("not_found");
    expect(await codeOf(closeUnansweredCase(dpo, { reference: c.reference, expectedVersion: warned.version, now: at(30) }))).toBe("forbidden");
    expect(await codeOf(closeUnansweredCase(kari, { reference: c.reference, expectedVersion: warned.version - 1, now: at(30) }))).toBe("conflict_stale_version");
    expect(await stateOf(c.id)).toEqual(warned);

    // Day 30: closed, in one go.
    await closeUnansweredCase(kari, { reference: c.reference, expectedVersion: warned.version, now: at(30) });
    const closed = await stateOf(c.id);
    expect(closed.status).toBe("not_processed");
    expect(closed.closedAt).toEqual(at(30));
    expect(closed.openPauses).toBe(0);
    const event = closed.events.find((e) => e.type === "case.closed_unanswered");
    expect(event?.after).toMatchObject({ status: "not_processed", periodDays: 30 });
    const letter = closed.messages[2]!.body;
    expect(letter).toContain("Forespørselen din er avsluttet uten behandling");
    expect(letter).toContain(c.reference);
    expect(letter).toMatch(/GDPR art\. 11 nr\. 2/);
    expect(letter).toContain("Postboks 458 Sentrum, 0105 Oslo");
    expect(letter).toMatch(/domstolene/);
    expect(letter).toMatch(/forvaltningsloven/);
    expect(letter).toMatch(/tre uker/);
    expect(letter).toMatch(/§§ 18/);
    expect(letter).toContain("personvernombud@bergen.kommune.no");
    expect(closed.outbox.filter((m) => m.template === "new_message")).toHaveLength(3);

    // Closing twice: the case is closed.
    expect(await codeOf(closeUnansweredCase(kari, { reference: c.reference, expectedVersion: closed.version, now: at(31) }))).toBe("case_closed");
  });

  it("a requester who answers by post gets the warning and the letter on paper too; nynorsk and English texts", async () => {
    const paper = await waitingCase(at(0), { answerChannel: "paper", locale: "nn" });
    await warnUnansweredRequesters({ now: at(23) });
    const warned = await stateOf(paper.id);
    expect(warned.letters).toBe(2);
    expect(warned.messages[1]!.body).toMatch(/avsluttar vi saka utan å behandle henne/);
    await closeUnansweredCase(kari, { reference: paper.reference, expectedVersion: warned.version, now: at(30) });
    const closed = await stateOf(paper.id);
    expect(closed.letters).toBe(3);
    expect(closed.messages[2]!.body).toMatch(/Førespurnaden din er avslutta utan behandling/);
    expect(closed.messages[2]!.body).toMatch(/forvaltningslova/);
    expect(closed.messages[2]!.body).toMatch(/tre veker/);

    const en = await waitingCase(at(0), { locale: "en" });
    await warnUnansweredRequesters({ now: at(23) });
    const enWarned = await stateOf(en.id);
    await closeUnansweredCase(kari, { reference: en.reference, expectedVersion: enWarned.version, now: at(30) });
    const enLetter = (await stateOf(en.id)).messages[2]!.body;
    expect(enLetter).toContain("Your request has been closed without being processed");
    expect(enLetter).toMatch(/Public Administration Act/);
    expect(enLetter).toMatch(/three weeks/);
    expect(enLetter).toMatch(/courts?/);
  });

  it("an answer stops it: the case resumes and nothing closes", async () => {
    const c = await waitingCase(at(0));
    // The caseworker records an answer that came by phone on day 10.
    const { resumeWithoutAnswer } = await import("@/lib/cases/ask-requester");
    await resumeWithoutAnswer(kari, { reference: c.reference, answeredOn: new Date(at(10).getTime()).toISOString().slice(0, 10), expectedVersion: c.version, now: at(11) });
    await warnUnansweredRequesters({ now: at(23) });
    const after = await stateOf(c.id);
    expect(after.reminders).toBe(0);
    expect(after.status).toBe("in_progress");
    expect(await codeOf(closeUnansweredCase(kari, { reference: c.reference, expectedVersion: after.version, now: at(40) }))).toBe("invalid_transition");
  });
});

describe("the municipality's period (admin page Saksregler)", () => {
  it("refuses bad values and non-admins without changing anything; saves with an audit event; the rule follows", async () => {
    expect(await getUnansweredPeriod(admin)).toEqual({ days: 30, setByMunicipality: false });
    const audit = () => db().adminAuditEvent.count({ where: { action: "case_rules.unanswered_days_set" } });
    const before = await audit();
    for (const bad of ["10", "366", "abc", "", "30.5"]) {
      expect(await codeOf(setUnansweredPeriod(admin, { unansweredCloseDays: bad }))).toBe("validation_failed");
    }
    expect(await codeOf(setUnansweredPeriod(kari, { unansweredCloseDays: "45" }))).toBe("not_found");
    expect(await codeOf(getUnansweredPeriod(dpo))).toBe("not_found");
    expect(await audit()).toBe(before);
    expect((await db().municipality.findUniqueOrThrow({ where: { id: "bergen" } })).unansweredCloseDays).toBeNull();

    await setUnansweredPeriod(admin, { unansweredCloseDays: " 45 " });
    expect(await getUnansweredPeriod(admin)).toEqual({ days: 45, setByMunicipality: true });
    expect(await audit()).toBe(before + 1);
    // The database refuses what the form would (CHECK), whatever writes it.
    await expect(db().municipality.update({ where: { id: "bergen" }, data: { unansweredCloseDays: 5 } })).rejects.toThrow();

    // With 45 days the warning is due on day 38, not 23.
    const askedAt = new Date(Date.now() - 100 * DAY);
    const c = await waitingCase(askedAt);
    await warnUnansweredRequesters({ now: new Date(askedAt.getTime() + 37 * DAY) });
    expect((await stateOf(c.id)).reminders).toBe(0);
    await warnUnansweredRequesters({ now: new Date(askedAt.getTime() + 38 * DAY) });
    expect((await stateOf(c.id)).reminders).toBe(1);
    const view = await staffGetCaseWork(kari, c.reference, new Date(askedAt.getTime() + 44 * DAY));
    expect(view?.unanswered).toMatchObject({ periodDays: 45, state: { kind: "warned" } });
    await db().municipality.update({ where: { id: "bergen" }, data: { unansweredCloseDays: null } });
  });
});
