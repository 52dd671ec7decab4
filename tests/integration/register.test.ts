// Registering a request received by phone, letter, at the counter or by e-mail: the due date counts
// from the real time of receipt (which may be days ago), and the receipt goes out by e-mail or as a
// letter in the print queue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { osloInstant, registerRequest, type RegisterInput } from "@/lib/cases/register-request";
import { computeDeadline } from "@/lib/domain/deadline";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { askRequester } from "@/lib/cases/ask-requester";
import { staffActorByEmail as staff } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
let kari: Staff;
let dpo: Staff;

beforeAll(async () => {
  kari = await staff("saksbehandler@demo.test");
  dpo = await staff("personvernombud@demo.test");
});

afterAll(async () => {
  await disconnectDb();
});

// "Now" is Sunday 15 March 2026, 13:00 in Oslo; the phone call came ten days earlier.
const NOW = new Date("2026-03-15T12:00:00Z");

function phoneRequest(overrides: Partial<RegisterInput> = {}): RegisterInput {
  return {
    channel: "phone",
    receivedDate: "2026-03-05",
    receivedTime: "14:30",
    rights: ["access"],
    name: "Telefon Testesen",
    email: `reg-${randomUUID()}@example.test`,
    phone: "55 55 55 55",
    postalAddress: "",
    answerChannel: "digital",
    unit: "barnehage",
    locale: "nn",
    description: "Ringte inn og ba om innsyn.",
    identityVerified: false,
    ...overrides,
  };
}

describe("osloInstant", () => {
  it("reads the wall-clock time in Oslo, winter and summer time", () => {
    expect(osloInstant("2026-03-05", "14:30").toISOString()).toBe("2026-03-05T13:30:00.000Z");
    expect(osloInstant("2026-07-01", "00:30").toISOString()).toBe("2026-06-30T22:30:00.000Z");
  });
});

describe("registerRequest", () => {
  it("a phone request received 10 days ago gets its due date from the time of receipt, and a receipt e-mail", async () => {
    const input = phoneRequest();
    const result = await registerRequest(kari, input, { now: NOW });
    // 5 March + 1 month = 5 April 2026, Easter Sunday; 6 April is Easter Monday -> 7 April.
    expect(result.dueDate).toBe("2026-04-07");
    expect(result.dueDate).toBe(computeDeadline({ receivedAt: new Date("2026-03-05T13:30:00Z") }).dueDate);
    expect(result.reference).toMatch(/^PV-2026-\d{6}$/);
    expect(result.receipt).toBe("mail");

    const saved = await db().case.findUniqueOrThrow({
      where: { id: result.caseId },
      include: { events: true, requester: true, unit: true },
    });
    expect(saved.channel).toBe("phone");
    expect(saved.receivedAt.toISOString()).toBe("2026-03-05T13:30:00.000Z");
    expect(dbDateToIso(saved.dueDate)).toBe("2026-04-07");
    expect(dbDateToIso(saved.oneMonthDueDate)).toBe("2026-04-07");
    expect(saved.registeredById).toBe(kari.userId);
    expect(saved.locale).toBe("nn");
    expect(saved.unit?.slug).toBe("barnehage");
    expect(saved.requester.identityLevel).toBe("none");
    expect(saved.requester.phone).toBe("55 55 55 55");
    // No national id given: nothing to link the case to a later ID-porten sign-in by.
    expect(saved.requester.nationalIdHash).toBeNull();
    expect(saved.requester.identityId).toBeNull();
    expect(saved.specialCategory).toBe(false);
    expect(result).toMatchObject({ created: true, linked: null });
    expect(saved.events.map((e) => [e.type, e.actorType, e.actorId])).toEqual([["case.registered", "staff", kari.userId]]);
    expect(saved.events[0]!.after).toMatchObject({ channel: "phone", receivedAt: "2026-03-05T13:30:00.000Z", dueDate: "2026-04-07" });

    const mail = await db().mailOutbox.findFirstOrThrow({ where: { caseId: result.caseId } });
    expect(mail.template).toBe("request_receipt");
    expect(mail.toAddress).toBe(input.email);
    expect(mail.locale).toBe("nn");
    expect(await db().letter.count({ where: { caseId: result.caseId } })).toBe(0);
  });

  it("sends a receipt letter when the requester wants paper, and records an in-person identity check", async () => {
    const result = await registerRequest(
      kari,
      phoneRequest({ channel: "counter", answerChannel: "paper", postalAddress: "Storgata 1\n5003 Bergen", identityVerified: true }),
      { now: NOW },
    );
    expect(result.receipt).toBe("letter");
    const letter = await db().letter.findFirstOrThrow({ where: { caseId: result.caseId } });
    expect(letter.kind).toBe("receipt");
    expect(letter.status).toBe("queued");
    expect(Buffer.from(letter.pdf!).subarray(0, 4).toString()).toBe("%PDF");
    expect(await db().mailOutbox.count({ where: { caseId: result.caseId } })).toBe(0);
    const saved = await db().case.findUniqueOrThrow({ where: { id: result.caseId }, include: { requester: true } });
    expect(saved.requester.identityLevel).toBe("verified_in_person");
    // The case keeps its own copy for the statistics (no join to the requester at a million cases).
    expect(saved.identityLevel).toBe("verified_in_person");
  });

  it("offers no identity pause on a request whose ID was checked at the counter (issue 13, item 3)", async () => {
    const result = await registerRequest(kari, phoneRequest({ channel: "counter", identityVerified: true }), { now: NOW });
    const before = await db().case.findUniqueOrThrow({ where: { id: result.caseId }, select: { version: true, status: true } });
    const refused = await askRequester(kari, { reference: result.reference, kind: "identity", body: "Send kopi av legitimasjon.", expectedVersion: before.version }).catch((e) => e);
    expect(isDomainError(refused, "identity_pause_not_needed")).toBe(true);
    expect(await db().case.findUniqueOrThrow({ where: { id: result.caseId }, select: { version: true, status: true } })).toEqual(before);
    expect(await db().message.count({ where: { caseId: result.caseId } })).toBe(0);
    // A clarification may still be asked for.
    await askRequester(kari, { reference: result.reference, kind: "clarification", body: "Hvilke år gjelder det?", expectedVersion: before.version });
    expect((await db().case.findUniqueOrThrow({ where: { id: result.caseId } })).status).toBe("awaiting_requester");
  });

  it("refuses a receipt time in the future, a paper answer without address, and the DPO", async () => {
    const count = await db().case.count();
    const future = await registerRequest(kari, phoneRequest({ receivedDate: "2026-03-15", receivedTime: "13:05" }), { now: NOW }).catch((e) => e);
    expect(isDomainError(future, "validation_failed")).toBe(true);
    expect(future.details).toMatchObject({ field: "receivedDate", reason: "future" });
    const noAddress = await registerRequest(kari, phoneRequest({ answerChannel: "paper" }), { now: NOW }).catch((e) => e);
    expect(noAddress.details).toMatchObject({ field: "postalAddress" });
    const byDpo = await registerRequest(dpo, phoneRequest(), { now: NOW }).catch((e) => e);
    expect(isDomainError(byDpo, "forbidden")).toBe(true);
    expect(await db().case.count()).toBe(count);
  });

  it("accepts a receipt earlier the same day", async () => {
    const result = await registerRequest(kari, phoneRequest({ receivedDate: "2026-03-15", receivedTime: "12:55" }), { now: NOW });
    expect(result.dueDate).toBe("2026-04-15");
  });
});
