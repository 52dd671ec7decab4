// Letter kinds and delivery channels are typed lists in lib/domain/letters.ts, and the database
// accepts exactly those (CHECK constraints), so no code path can store a misspelt kind.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { STORED_LETTER_DELIVERIES as LETTER_DELIVERIES, LETTER_KINDS } from "@/lib/domain/letters";
import { withOwner } from "./owner-db";

afterAll(async () => {
  await disconnectDb();
});

async function insertLetter(kind: string, delivery: string): Promise<string> {
  const c = await db().case.findFirstOrThrow({ select: { id: true } });
  return withOwner(async (client) => {
    await client.query("BEGIN");
    try {
      await client.query(`INSERT INTO letter (id, case_id, kind, locale, delivery) VALUES ($1, $2, $3, 'nb', $4)`, [randomUUID(), c.id, kind, delivery]);
      return "ok";
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

describe("letter kinds and deliveries", () => {
  it("the database takes every kind and delivery of the domain lists", async () => {
    for (const kind of LETTER_KINDS) for (const delivery of LETTER_DELIVERIES) expect(await insertLetter(kind, delivery), `${kind}/${delivery}`).toBe("ok");
  });

  it("and refuses anything else", async () => {
    expect(await insertLetter("Response", "post")).toMatch(/letter_kind_known/);
    expect(await insertLetter("reminder", "post")).toMatch(/letter_kind_known/);
    expect(await insertLetter("response", "email")).toMatch(/letter_delivery_known/);
  });

  it("every letter already stored has a known kind and delivery", async () => {
    const rows = await db().letter.groupBy({ by: ["kind", "delivery"], _count: true });
    for (const r of rows) {
      expect(LETTER_KINDS as readonly string[]).toContain(r.kind);
      expect(LETTER_DELIVERIES as readonly string[]).toContain(r.delivery);
    }
  });
});
