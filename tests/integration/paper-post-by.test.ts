// Paper letters must arrive in time (issue 13, item 4), against the real database: the print queue
// shows, per letter, the legal date it serves and the last day to post it; an extension notice to a
// requester who answers by post is held to the one-month date; marking it printed records the day
// it went out against that date (late or not) in the letter.printed audit event.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { extendDeadline } from "@/lib/cases/extend-deadline";
import { listPrintQueue, markLettersPrinted } from "@/lib/cases/print-queue";
import { addDays, osloEndOfDay } from "@/lib/domain/calendar";
import { latestPostingDate } from "@/lib/domain/post";
import { buildCase } from "./builders";
import { staffActorByEmail as staffActor } from "./helpers";

afterAll(async () => {
  await disconnectDb();
});

async function extendedPaperCase() {
  const kari = await staffActor("saksbehandler@demo.test");
  const c = await buildCase({
    receivedAt: new Date(Date.now() - 5 * 86_400_000),
    channel: "letter",
    answerChannel: "paper",
    requester: { name: "Papir Fristesen", email: null, postalAddress: "Testveien 4, 5003 Bergen" },
  });
  await extendDeadline(kari, { reference: c.reference, reason: "Mange arkiver må gjennomgås for hånd.", ground: "complexity", expectedVersion: c.version });
  const row = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { dueDate: true, oneMonthDueDate: true } });
  const rows = (await listPrintQueue(kari)).filter((r) => r.reference === c.reference);
  return { kari, c, rows, dueDate: dbDateToIso(row.dueDate), oneMonth: dbDateToIso(row.oneMonthDueDate) };
}

describe("post by", () => {
  it("holds the paper extension notice to the one-month date, not the extended due date", async () => {
    const { rows, oneMonth, dueDate } = await extendedPaperCase();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe("message");
    expect(dueDate > oneMonth).toBe(true);
    expect(rows[0]).toMatchObject({ deadline: oneMonth, postBy: latestPostingDate(oneMonth) });
  });

  it("records a notice printed on its last posting day as in time, and one printed later as late", async () => {
    const first = await extendedPaperCase();
    const postBy = first.rows[0]!.postBy!;
    await markLettersPrinted(first.kari, [first.rows[0]!.id], osloEndOfDay(postBy));
    const inTime = await db().caseEvent.findFirstOrThrow({ where: { caseId: first.c.id, type: "letter.printed" } });
    expect(inTime.after).toMatchObject({ postedOn: postBy, postBy, deadline: first.oneMonth, postedLate: false });

    const second = await extendedPaperCase();
    const dayAfter = addDays(second.rows[0]!.postBy!, 1);
    await markLettersPrinted(second.kari, [second.rows[0]!.id], osloEndOfDay(dayAfter));
    const late = await db().caseEvent.findFirstOrThrow({ where: { caseId: second.c.id, type: "letter.printed" } });
    expect(late.after).toMatchObject({ postedOn: dayAfter, postedLate: true });
    const letter = await db().letter.findUniqueOrThrow({ where: { id: second.rows[0]!.id }, select: { status: true, printedAt: true } });
    expect(letter.status).toBe("printed");
  });

  it("a receipt has no posting date", async () => {
    const kari = await staffActor("saksbehandler@demo.test");
    const c = await buildCase({
      channel: "letter",
      answerChannel: "paper",
      receipt: true,
      requester: { name: "Papir Kvitteringsen", email: null, postalAddress: "Testveien 6, 5003 Bergen" },
    });
    const rows = (await listPrintQueue(kari)).filter((r) => r.reference === c.reference);
    expect(rows.map((r) => [r.kind, r.postBy, r.deadline])).toEqual([["receipt", null, null]]);
  });
});
