// "Is this the database being away?" (lib/db/unavailable.ts), asked of the errors a real Prisma
// client with the pg driver adapter throws: a server that refuses connections, a connection cut
// by the server mid-query and mid-transaction. And the JSON API's answer while that is so: 503
// with Retry-After and a translated message, never 500. (With a PostgreSQL that is killed and
// restarted under load: npm run test:faults.)
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { db, disconnectDb } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { DomainError } from "@/lib/domain/errors";
import { POST } from "@/app/api/v1/requests/route";
import { validRequest } from "./helpers";

const API_KEY = "unavailable-test-key-0123456789abcdefghijklmnop";
process.env.API_KEYS = `unavailable:${API_KEY}`;

// Nothing listens on port 1 of the loopback interface: connections are refused at once.
const REFUSING_URL = "postgresql://portal:nothing@127.0.0.1:1/portal";

function clientFor(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
}

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

afterAll(async () => {
  await disconnectDb();
});

describe("isDatabaseUnavailable", () => {
  it("recognises a database server that refuses connections (model query, raw query, transaction)", async () => {
    const dead = clientFor(REFUSING_URL);
    try {
      expect(isDatabaseUnavailable(await errorOf(() => dead.case.count()))).toBe(true);
      expect(isDatabaseUnavailable(await errorOf(() => dead.$queryRaw`SELECT 1`))).toBe(true);
      expect(isDatabaseUnavailable(await errorOf(() => dead.$transaction(async (tx) => tx.case.count())))).toBe(true);
    } finally {
      await dead.$disconnect();
    }
  });

  it("recognises a connection the server ended during a query and during a transaction", async () => {
    const victim = clientFor(process.env.DATABASE_URL!);
    const terminateVictim = async () => {
      await new Promise((r) => setTimeout(r, 300));
      await db().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()`;
    };
    try {
      const [duringQuery] = await Promise.all([errorOf(() => victim.$queryRaw`SELECT pg_sleep(5)`), terminateVictim()]);
      expect(isDatabaseUnavailable(duringQuery)).toBe(true);
      const [duringTransaction] = await Promise.all([
        errorOf(() =>
          victim.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT pg_sleep(5)`;
            return tx.case.count();
          }),
        ),
        terminateVictim(),
      ]);
      expect(isDatabaseUnavailable(duringTransaction)).toBe(true);
    } finally {
      // The pool never gets back the client of the broken transaction, so $disconnect() would wait
      // for it forever: give it a moment, then leave it (its socket is closed already).
      await Promise.race([victim.$disconnect(), new Promise((r) => setTimeout(r, 1000))]);
    }
  });

  it("does not take a refused or broken query, a domain error or a bug for the database being away", async () => {
    const mail = { toAddress: "x@example.test", template: "request_receipt", locale: "nb", params: {}, status: "sent" as const, messageId: `<${randomUUID()}@localhost>` };
    await db().mailOutbox.create({ data: mail });
    const duplicate = await errorOf(() => db().mailOutbox.create({ data: mail }));
    expect((duplicate as { code?: string }).code).toBe("P2002");
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(await errorOf(() => db().$queryRawUnsafe("SELEC 1")))).toBe(false);
    expect(isDatabaseUnavailable(await errorOf(() => db().case.findUniqueOrThrow({ where: { reference: "PV-1999-999999" } })))).toBe(false);
    expect(isDatabaseUnavailable(new DomainError("not_found"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
  });

  it("looks into causes and aggregated errors (Node's connect errors on more than one address)", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new AggregateError([refused], ""))).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
  });
});

describe("POST /api/v1/requests while the database is away", () => {
  async function withDatabaseAway<T>(work: () => Promise<T>): Promise<T> {
    const saved = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = REFUSING_URL;
    try {
      return await work();
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = saved;
    }
  }

  const post = (locale: string | null, headers: Record<string, string> = {}, input = validRequest()) =>
    POST(
      new Request(`http://localhost/api/v1/requests${locale ? `?locale=${locale}` : ""}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${API_KEY}`, ...headers },
        body: JSON.stringify(input),
      }),
    );

  it("answers 503 with Retry-After and a message in the asked language, and the same request succeeds afterwards", async () => {
    const input = validRequest({ submissionKey: randomUUID() });
    const [nb, en, nn] = await withDatabaseAway(() =>
      Promise.all([post(null, {}, input), post("en", {}, input), post(null, { "accept-language": "nn-NO,nn;q=0.9" }, input)]),
    );
    for (const response of [nb, en, nn]) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    const bodies = await Promise.all([nb.json(), en.json(), nn.json()]);
    expect(bodies.map((b) => b.error)).toEqual(["service_unavailable", "service_unavailable", "service_unavailable"]);
    expect(bodies[0].message).toMatch(/^Tjenesten er midlertidig utilgjengelig/);
    expect(bodies[1].message).toMatch(/^The service is temporarily unavailable/);
    expect(bodies[2].message).toMatch(/^Tenesta er mellombels utilgjengeleg/);

    // Back: the client sends the same request again and it is stored once.
    const again = await post(null, {}, input);
    expect(again.status).toBe(201);
    expect(await db().case.count({ where: { submissionKey: input.submissionKey } })).toBe(1);
  });
});
