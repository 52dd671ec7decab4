// A requester who chose answers by post must hear of a question (which pauses the case) and of an
// extension (Art. 12(3)) by post too: the message also becomes a PDF letter in the print queue, in
// the same transaction. A digital requester gets no letter.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { askRequester } from "@/lib/cases/ask-requester";
import { extendDeadline } from "@/lib/cases/extend-deadline";
import { registerRequest, type RegisterInput } from "@/lib/cases/register-request";
import { listPrintQueue } from "@/lib/cases/print-queue";
import type { Actor } from "@/lib/domain/policy";
import { staffActorByEmail } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
let kari: Staff;
const NOW = new Date("2026-03-16T09:00:00Z"); // Monday

function request(overrides: Partial<RegisterInput> = {}): RegisterInput {
  return {
    channel: "letter",
    receivedDate: "2026-03-10",
    receivedTime: "10:00",
    rights: ["access"],
    name: "Papir Postesen",
    email: "",
    phone: "",
    postalAddress: "Strandgaten 9\n5013 Bergen",
    answerChannel: "paper",
    unit: "skole",
    locale: "nn",
    description: "Sendte brev og ba om innsyn.",
    identityVerified: false,
    ...overrides,
  };
}

async function version(caseId: string) {
  return (await db().case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

beforeAll(async () => {
  kari = await staffActorByEmail("saksbehandler@demo.test");
});

afterAll(async () => {
  await disconnectDb();
});

describe("messages to a requester who answers by post", () => {
  it("a question and an extension notice each become a letter in the print queue, in the requester's language", async () => {
    const created = await registerRequest(kari, request(), { now: NOW });
    const reference = created.reference;
    await askRequester(kari, { reference, kind: "identity", body: "Send oss ein kopi av legitimasjonen din.", expectedVersion: await version(created.caseId), now: NOW });

    let letters = await db().letter.findMany({ where: { caseId: created.caseId, kind: "message" }, orderBy: { createdAt: "asc" } });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ delivery: "post", status: "queued", locale: "nn" });
    expect(letters[0]!.body).toContain("Send oss ein kopi av legitimasjonen din.");
    expect(letters[0]!.body).toContain(`Brev om saka di ${reference}`);
    expect(letters[0]!.body).toContain("Du kan svare i eit brev eller ringje til oss: Postboks 7700, 5020 Bergen, 55 56 55 56.");
    // A paper letter never sends its reader to the portal.
    expect(letters[0]!.body).not.toContain("Mine saker");
    expect(Buffer.from(letters[0]!.pdf!).subarray(0, 4).toString()).toBe("%PDF");
    // Nobody to e-mail: no mail in the outbox for this case beyond none at all.
    expect(await db().mailOutbox.count({ where: { caseId: created.caseId } })).toBe(0);

    await extendDeadline(kari, {
      reference,
      reason: "Saka gjeld mange system som må gåast gjennom.",
      ground: "complexity",
      expectedVersion: await version(created.caseId),
      now: new Date("2026-03-17T09:00:00Z"),
    });
    letters = await db().letter.findMany({ where: { caseId: created.caseId, kind: "message" }, orderBy: { createdAt: "asc" } });
    expect(letters).toHaveLength(2);
    expect(letters[1]!.body).toContain("Saka gjeld mange system som må gåast gjennom.");

    // Both wait in the print queue with the receipt letter, and each is recorded on the case.
    const queue = await listPrintQueue(kari);
    const mine = queue.filter((row) => row.reference === reference).map((row) => row.kind).sort();
    expect(mine).toEqual(["message", "message", "receipt"]);
    const events = await db().caseEvent.findMany({ where: { caseId: created.caseId, type: "letter.sent" } });
    expect(events).toHaveLength(2);
  });

  it("a digital requester gets the portal message and an e-mail, no letter", async () => {
    const created = await registerRequest(kari, request({ answerChannel: "digital", postalAddress: "", email: `digital-${randomUUID()}@example.test` }), { now: NOW });
    await askRequester(kari, { reference: created.reference, kind: "clarification", body: "Kva periode gjeld det?", expectedVersion: await version(created.caseId), now: NOW });
    expect(await db().letter.count({ where: { caseId: created.caseId, kind: "message" } })).toBe(0);
    expect(await db().mailOutbox.count({ where: { caseId: created.caseId, template: "new_message" } })).toBe(1);
  });
});
