// The SvarUt client against the SvarUt stand-in over real HTTP (127.0.0.1, random port): what is
// stored, how failures map to SvarUtError, idempotency via eksternReferanse and the status mapping.
// A few tests use a bare node:http server as a misbehaving SvarUt (silent, or a message with
// personal data): the client is still the real one.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createSvarUtClient,
  SVARUT_API_PATH,
  SVARUT_SCOPE,
  SvarUtError,
  toForsendelseJson,
  type SvarUtConfig,
  type SvarUtLetter,
} from "@/lib/integrations/svarut";
import { startSvarUtStandIn, type SvarUtStandIn } from "@/lib/dev/svarut-stand-in";
import { TEST_PERSONS } from "@/lib/dev/test-persons";

const DIGITAL_PERSON = TEST_PERSONS[0]!.pid; // 15859110190
const PRINT_PERSON = TEST_PERSONS[1]!.pid;
const ACCOUNT = { accountId: randomUUID(), integrationId: randomUUID(), integrationPassword: "rett-passord" };
const OTHER_ACCOUNT = { accountId: randomUUID(), integrationId: randomUUID(), integrationPassword: "annet-passord" };

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

let standIn: SvarUtStandIn;
const authorizeCalls: { header: string | undefined; scope: string }[] = [];
const logLevel = process.env.LOG_LEVEL;

beforeAll(async () => {
  // The expected failures would each log a warning.
  process.env.LOG_LEVEL = "silent";
  standIn = await startSvarUtStandIn({
    port: 0,
    authorize: async (header, scope) => {
      authorizeCalls.push({ header, scope });
      return header === "Bearer good-token" && scope === SVARUT_SCOPE;
    },
    accounts: [ACCOUNT, OTHER_ACCOUNT],
    recipientChannel: (nationalId) => (nationalId === PRINT_PERSON ? "print" : "digital"),
  });
});

afterAll(async () => {
  await standIn.close();
  if (logLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = logLevel;
});

function config(overrides: Partial<SvarUtConfig> = {}): SvarUtConfig {
  return { baseUrl: standIn.url, ...ACCOUNT, accessToken: async () => "good-token", ...overrides };
}

function letter(overrides: Partial<SvarUtLetter> = {}): SvarUtLetter {
  return {
    externalReference: `letter-${randomUUID()}`,
    title: "Svar på innsynsbegjæring BRG-2026-0042",
    recipient: {
      nationalId: DIGITAL_PERSON,
      name: "Kari Testperson",
      postAddress: { lines: ["Storgata 5"], postalCode: "5003", city: "Bergen" },
    },
    document: { fileName: "svar-BRG-2026-0042.pdf", bytes: PDF },
    requireLevel4Login: true,
    ...overrides,
  };
}

async function expectSvarUtError(promise: Promise<unknown>): Promise<SvarUtError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SvarUtError);
  return error as SvarUtError;
}

function storedWith(ref: string) {
  return standIn.list().filter((f) => f.externalReference === ref);
}

describe("the forsendelse JSON (v2 field names of forsendelse-send-api-v2.json)", () => {
  it("maps every letter field", () => {
    const json = toForsendelseJson(
      letter({
        externalReference: "ref-1",
        onlyDigital: false,
        recipient: {
          nationalId: DIGITAL_PERSON,
          name: "Kari Testperson",
          postAddress: { lines: ["c/o Ola", "Storgata 5", "Leil. 3", "Bakgården"], postalCode: "5003", city: "Bergen", country: "Norge" },
        },
        caseReference: { caseYear: 2026, journalSequence: 7 },
      }),
    );
    expect(json).toEqual({
      tittel: "Svar på innsynsbegjæring BRG-2026-0042",
      eksternReferanse: "ref-1",
      mottaker: {
        navn: "Kari Testperson",
        digitalId: DIGITAL_PERSON,
        adresselinje1: "c/o Ola",
        adresselinje2: "Storgata 5",
        adresselinje3: "Leil. 3, Bakgården",
        postnummer: "5003",
        poststed: "Bergen",
        land: "Norge",
      },
      dokumenter: [{ filnavn: "svar-BRG-2026-0042.pdf", mimeType: "application/pdf" }],
      krevNiva4Innlogging: true,
      kunDigitalLevering: false,
      avgivendeSystem: "Personvernportalen",
      metadataFraAvleverendeSystem: { saksaar: 2026, journalsekvensnummer: 7 },
    });
  });
});

describe("send", () => {
  it("stores the forsendelse with the letter's fields and the PDF bytes", async () => {
    const before = standIn.sendCount();
    const l = letter({ caseReference: { caseYear: 2026, caseSequence: 42, journalYear: 2026, journalSequence: 7 } });
    const result = await createSvarUtClient(config()).send(l);

    expect(result.alreadySent).toBe(false);
    expect(standIn.sendCount()).toBe(before + 1);
    const [stored, ...more] = storedWith(l.externalReference);
    expect(more).toHaveLength(0);
    expect(stored).toMatchObject({
      id: result.forsendelseId,
      accountId: ACCOUNT.accountId,
      title: l.title,
      recipientNationalIdMasked: "158591*****",
      requireLevel4Login: true,
      onlyDigital: false,
      channel: "digital",
      documents: [{ fileName: "svar-BRG-2026-0042.pdf", mimeType: "application/pdf", size: PDF.length }],
      caseReference: { caseYear: 2026, caseSequence: 42, journalYear: 2026, journalSequence: 7 },
    });
    expect(stored!.statusHistory.map((s) => s.status)).toEqual(["MOTTATT"]);
    expect(standIn.document(result.forsendelseId, 0)?.bytes).toEqual(PDF);
    expect(standIn.document(result.forsendelseId, 1)).toBeNull();
    // The bearer was checked for SvarUt's scope.
    expect(authorizeCalls.at(-1)).toEqual({ header: "Bearer good-token", scope: "ks:fiks" });
  });

  it("passes onlyDigital and requireLevel4Login=false through, and needs no post address then", async () => {
    const l = letter({ onlyDigital: true, requireLevel4Login: false, recipient: { nationalId: DIGITAL_PERSON, name: "Kari Testperson" } });
    await createSvarUtClient(config()).send(l);
    expect(storedWith(l.externalReference)[0]).toMatchObject({ onlyDigital: true, requireLevel4Login: false, caseReference: null });
  });

  it("a second send with the same externalReference sends nothing and returns the first id", async () => {
    const client = createSvarUtClient(config());
    const l = letter();
    const first = await client.send(l);
    const count = standIn.sendCount();
    const second = await client.send({ ...l, title: "Changed title" });
    expect(second).toEqual({ forsendelseId: first.forsendelseId, alreadySent: true });
    expect(standIn.sendCount()).toBe(count);
  });

  it("the look-up is per account: another account's reference does not count", async () => {
    const l = letter();
    await createSvarUtClient(config({ ...OTHER_ACCOUNT })).send(l);
    const mine = await createSvarUtClient(config()).send(l);
    expect(mine.alreadySent).toBe(false);
    expect(storedWith(l.externalReference).map((f) => f.accountId).sort()).toEqual([ACCOUNT.accountId, OTHER_ACCOUNT.accountId].sort());
  });
});

describe("authentication", () => {
  it("a wrong integration password -> unauthorized, not retryable, nothing stored", async () => {
    const count = standIn.sendCount();
    const error = await expectSvarUtError(createSvarUtClient(config({ integrationPassword: "feil" })).send(letter()));
    expect(error.code).toBe("unauthorized");
    expect(error.retryable).toBe(false);
    expect(standIn.sendCount()).toBe(count);
  });

  it("a wrong integration id, or an account the integration does not own -> unauthorized", async () => {
    const wrongId = await expectSvarUtError(createSvarUtClient(config({ integrationId: randomUUID() })).send(letter()));
    expect(wrongId.code).toBe("unauthorized");
    const wrongAccount = await expectSvarUtError(createSvarUtClient(config({ accountId: OTHER_ACCOUNT.accountId })).send(letter()));
    expect(wrongAccount.code).toBe("unauthorized");
  });

  it("a bearer token the stand-in does not accept -> unauthorized", async () => {
    const error = await expectSvarUtError(createSvarUtClient(config({ accessToken: async () => "bad-token" })).send(letter()));
    expect(error.code).toBe("unauthorized");
  });

  it("no access token from Maskinporten -> unavailable, retryable", async () => {
    const error = await expectSvarUtError(
      createSvarUtClient(
        config({
          accessToken: async () => {
            throw new Error("maskinporten down");
          },
        }),
      ).send(letter()),
    );
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
  });
});

describe("refused letters", () => {
  it.each([
    ["an invalid fødselsnummer (bad check digits)", { recipient: { nationalId: "15859110191", name: "Kari", postAddress: { lines: ["Storgata 5"], postalCode: "5003", city: "Bergen" } } }],
    ["a national id that is not 11 digits", { recipient: { nationalId: "1585911019", name: "Kari", postAddress: { lines: ["Storgata 5"], postalCode: "5003", city: "Bergen" } } }],
    ["a document that is not a PDF", { document: { fileName: "svar.pdf", bytes: new TextEncoder().encode("hello") } }],
    ["an empty title", { title: "  " }],
    ["no recipient name", { recipient: { nationalId: DIGITAL_PERSON, name: "", postAddress: { lines: ["Storgata 5"], postalCode: "5003", city: "Bergen" } } }],
    ["no post address on a letter that may be printed", { recipient: { nationalId: DIGITAL_PERSON, name: "Kari Testperson" } }],
    ["a file name with a forbidden character", { document: { fileName: "svar:1.pdf", bytes: PDF } }],
  ] satisfies [string, Partial<SvarUtLetter>][])("%s -> refused, nothing stored, no personal data in the message", async (_label, overrides) => {
    const count = standIn.sendCount();
    const l = letter(overrides);
    const error = await expectSvarUtError(createSvarUtClient(config()).send(l));
    expect(error.code).toBe("refused");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/HTTP 400/);
    expect(error.message).not.toContain(l.recipient.nationalId);
    expect(error.message).not.toContain("Storgata");
    expect(standIn.sendCount()).toBe(count);
  });

  it("an empty externalReference is refused before anything is sent", async () => {
    const error = await expectSvarUtError(createSvarUtClient(config()).send(letter({ externalReference: " " })));
    expect(error.code).toBe("refused");
  });

  async function rawSend(forsendelse: unknown, withFile = true) {
    const form = new FormData();
    form.append("forsendelse", JSON.stringify(forsendelse));
    if (withFile) form.append("filer", new Blob([PDF]), "a.pdf");
    const response = await fetch(`${standIn.url}${SVARUT_API_PATH}/kontoer/${ACCOUNT.accountId}/forsendelser/`, {
      method: "POST",
      headers: { authorization: "Bearer good-token", IntegrasjonId: ACCOUNT.integrationId, IntegrasjonPassord: ACCOUNT.integrationPassword },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const valid = {
    tittel: "Brev",
    eksternReferanse: "raw-1",
    mottaker: { navn: "Kari", digitalId: DIGITAL_PERSON },
    dokumenter: [{ filnavn: "a.pdf", mimeType: "application/pdf" }],
    kunDigitalLevering: true,
  };

  it("the stand-in answers a protocol ErrorMessage for a missing recipient, documents or file part", async () => {
    const count = standIn.sendCount();
    const without = (key: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));
    const noRecipient = without("mottaker");
    const noDocuments = without("dokumenter");
    for (const [body, withFile] of [
      [noRecipient, true],
      [noDocuments, true],
      [{ ...valid, dokumenter: [] }, true],
      [valid, false],
    ] as const) {
      const answer = await rawSend(body, withFile);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, error: "Bad Request", message: expect.any(String), errorCode: expect.any(String) });
      expect(answer.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(answer.body)).not.toContain(DIGITAL_PERSON);
    }
    expect(standIn.sendCount()).toBe(count);
    // The same request with everything present is accepted: the checks above are not blanket refusals.
    expect((await rawSend(valid)).status).toBe(200);
  });

  it("a refusal message holding personal data is replaced by a code", async () => {
    const server = await bareServer((_req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: 400, message: `Ugyldig mottaker ${DIGITAL_PERSON} Kari Testperson`, errorCode: "UGYLDIG_MOTTAKER" }));
    });
    try {
      const error = await expectSvarUtError(createSvarUtClient(config({ baseUrl: server.url })).send(letter()));
      expect(error.code).toBe("refused");
      expect(error.message).toContain("UGYLDIG_MOTTAKER");
      expect(error.message).not.toContain(DIGITAL_PERSON);
      expect(error.message).not.toContain("Kari");
    } finally {
      await server.close();
    }
  });
});

describe("unavailable and retries", () => {
  afterEach(() => standIn.failNext(0));

  it("failNext -> unavailable (retryable); the retry sends it exactly once", async () => {
    const client = createSvarUtClient(config());
    const l = letter();
    const count = standIn.sendCount();
    standIn.failNext(1);
    const error = await expectSvarUtError(client.send(l));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
    expect(standIn.sendCount()).toBe(count);

    const retry = await client.send(l);
    expect(retry.alreadySent).toBe(false);
    expect(standIn.sendCount()).toBe(count + 1);
    expect(storedWith(l.externalReference).map((f) => f.id)).toEqual([retry.forsendelseId]);
  });

  it.each([
    [500, "unavailable", true],
    [429, "unavailable", true],
    [401, "unauthorized", false],
    [403, "unauthorized", false],
    [400, "refused", false],
    [422, "refused", false],
    [404, "not_found", false],
  ] as const)("HTTP %i -> %s (retryable %s)", async (status, code, retryable) => {
    standIn.failNext(1, status);
    const error = await expectSvarUtError(createSvarUtClient(config()).send(letter()));
    expect(error).toMatchObject({ code, retryable });
  });

  it("dropAfterAcceptNext: stored but unanswered; the retry finds it and sends nothing (one stored)", async () => {
    const client = createSvarUtClient(config());
    const l = letter();
    const count = standIn.sendCount();
    standIn.dropAfterAcceptNext();
    const error = await expectSvarUtError(client.send(l));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
    expect(standIn.sendCount()).toBe(count + 1);

    const retry = await client.send(l);
    expect(retry.alreadySent).toBe(true);
    expect(standIn.sendCount()).toBe(count + 1);
    const stored = storedWith(l.externalReference);
    expect(stored).toHaveLength(1);
    expect(retry.forsendelseId).toBe(stored[0]!.id);
  });

  it("a SvarUt that does not answer -> unavailable after timeoutMs", async () => {
    const server = await bareServer(() => {
      /* never answers */
    });
    try {
      const started = Date.now();
      const error = await expectSvarUtError(createSvarUtClient(config({ baseUrl: server.url }), { timeoutMs: 200 }).send(letter()));
      expect(error).toMatchObject({ code: "unavailable", retryable: true });
      expect(error.message).toMatch(/timed out/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  });

  it("nothing listening -> unavailable", async () => {
    const server = await bareServer(() => undefined);
    const url = server.url;
    await server.close();
    const error = await expectSvarUtError(createSvarUtClient(config({ baseUrl: url })).status(["x"]));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
  });
});

describe("status", () => {
  it("maps each protocol status as advanceAll() moves a digital, a print and an undeliverable letter on", async () => {
    const client = createSvarUtClient(config());
    const digital = await client.send(letter());
    const print = await client.send(letter({ recipient: { ...letter().recipient, nationalId: PRINT_PERSON } }));
    const undeliverable = await client.send(letter({ onlyDigital: true, recipient: { nationalId: PRINT_PERSON, name: "Ola" } }));
    const ids = [digital.forsendelseId, print.forsendelseId, undeliverable.forsendelseId];
    const channels = Object.fromEntries(standIn.list().map((f) => [f.id, f.channel]));
    expect(ids.map((id) => channels[id])).toEqual(["digital", "print", "digital"]);

    const seen: string[][] = [];
    const protocol: string[][] = [];
    for (let round = 0; round < 5; round++) {
      const statuses = await client.status(ids);
      seen.push(ids.map((id) => statuses.get(id)!.status));
      const list = standIn.list();
      protocol.push(ids.map((id) => list.find((f) => f.id === id)!.statusHistory.at(-1)!.status));
      // changedAt is the time of the stand-in's last status change.
      for (const id of ids) {
        expect(statuses.get(id)!.changedAt?.getTime()).toBe(list.find((f) => f.id === id)!.statusHistory.at(-1)!.at.getTime());
      }
      standIn.advanceAll();
    }
    expect(protocol).toEqual([
      ["MOTTATT", "MOTTATT", "MOTTATT"],
      ["AKSEPTERT", "AKSEPTERT", "AKSEPTERT"],
      ["LEVERT_SDP", "SENDT_PRINT", "IKKE_LEVERT"],
      ["LEST", "PRINTET", "IKKE_LEVERT"],
      ["LEST", "PRINTET", "IKKE_LEVERT"],
    ]);
    expect(seen).toEqual([
      ["received", "received", "received"],
      ["accepted", "accepted", "accepted"],
      ["delivered_digitally", "sent_to_print", "not_delivered"],
      ["read", "printed", "not_delivered"],
      ["read", "printed", "not_delivered"],
    ]);
  });

  it.each([
    ["MANUELT_HANDTERT", "manually_handled"],
    ["SENDT_DIGITALT", "delivered_digitally"],
    ["SENDT_SDP", "accepted"],
    ["AVVIST", "not_delivered"],
    ["SOMETHING_NEW", "unknown"],
  ])("%s -> %s", async (protocolStatus, expected) => {
    const client = createSvarUtClient(config());
    const { forsendelseId } = await client.send(letter());
    standIn.setStatus(forsendelseId, protocolStatus);
    expect((await client.status([forsendelseId])).get(forsendelseId)?.status).toBe(expected);
  });

  it("an id SvarUt does not know, or another account's, is 'unknown'; no ids asks nothing", async () => {
    const other = await createSvarUtClient(config({ ...OTHER_ACCOUNT })).send(letter());
    const client = createSvarUtClient(config());
    const unknown = randomUUID();
    const result = await client.status([unknown, other.forsendelseId]);
    expect(result.get(unknown)).toEqual({ status: "unknown", changedAt: null });
    expect(result.get(other.forsendelseId)).toEqual({ status: "unknown", changedAt: null });
    expect((await createSvarUtClient(config({ baseUrl: "http://127.0.0.1:1" })).status([])).size).toBe(0);
  });

  it("status with a wrong password -> unauthorized", async () => {
    const error = await expectSvarUtError(createSvarUtClient(config({ integrationPassword: "feil" })).status([randomUUID()]));
    expect(error.code).toBe("unauthorized");
  });

  it("advanceAfterMs moves statuses on by themselves", async () => {
    const timed = await startSvarUtStandIn({ authorize: async (h) => h === "Bearer good-token", accounts: [ACCOUNT], advanceAfterMs: 20 });
    try {
      const client = createSvarUtClient(config({ baseUrl: timed.url }));
      const { forsendelseId } = await client.send(letter());
      await vi.waitFor(async () => expect((await client.status([forsendelseId])).get(forsendelseId)?.status).toBe("read"), { timeout: 3_000, interval: 20 });
      expect(timed.list()[0]!.statusHistory.map((s) => s.status)).toEqual(["MOTTATT", "AKSEPTERT", "LEVERT_SDP", "LEST"]);
    } finally {
      await timed.close();
    }
  });
});

describe("demo read endpoints", () => {
  it("the list shows masked national ids only, and the document endpoint serves the PDF", async () => {
    const l = letter();
    const { forsendelseId } = await createSvarUtClient(config()).send(l);
    const response = await fetch(`${standIn.url}/_standin/forsendelser`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(DIGITAL_PERSON);
    expect(text).not.toContain(PRINT_PERSON);
    expect(text).not.toContain("Kari Testperson");
    expect(text).not.toContain("Storgata");
    const entry = (JSON.parse(text) as { id: string; recipientNationalIdMasked: string; statusHistory: { status: string }[] }[]).find((f) => f.id === forsendelseId);
    expect(entry?.recipientNationalIdMasked).toBe("158591*****");
    expect(entry?.statusHistory[0]?.status).toBe("MOTTATT");

    const doc = await fetch(`${standIn.url}/_standin/forsendelser/${forsendelseId}/dokumenter/0`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await doc.arrayBuffer())).toEqual(PDF);
    expect((await fetch(`${standIn.url}/_standin/forsendelser/${forsendelseId}/dokumenter/1`)).status).toBe(404);
  });
});

async function bareServer(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
