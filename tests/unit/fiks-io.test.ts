// Fiks IO client against the local stand-in and a real RabbitMQ broker (started here, private).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash, randomUUID } from "node:crypto";
import amqp from "amqplib";
import { RABBITMQ_MISSING_MESSAGE, startRabbitMq, type RabbitMq } from "@/lib/dev/rabbitmq";
import { startFiksIoStandIn, type FiksIoStandIn } from "@/lib/dev/fiks-io-stand-in";
import { startArchiveStandIn } from "@/lib/dev/archive-stand-in";
import { createArchiveCore } from "@/lib/archive/archive-core";
import { buildCaseFolderWithIncoming, FIKS_ARKIV } from "@/lib/archive/arkivmelding";
import { parseErrorReply, parseOpprettKvittering } from "@/lib/archive/receipts";
import { decryptWithKey, generateTestCertificate, readAsice } from "@/lib/integrations/asice";
import {
  FIKS_IO_SCOPE,
  FiksIoError,
  accountQueueName,
  createFiksIoClient,
  type FiksIoConfig,
  type FiksIoIncoming,
} from "@/lib/integrations/fiks-io";

const TOKEN = "test-maskinporten-token";
const names = ["portal", "archive", "peek", "retry", "late", "reconnect", "arkiv"] as const;
type Name = (typeof names)[number];
type Account = { accountId: string; integrationId: string; integrationPassword: string; certificatePem: string; privateKeyPem: string; name: string };

let broker: RabbitMq;
let dataDir: string;
let standIn: FiksIoStandIn;
const accounts = {} as Record<Name, Account>;
let brokerStartMs = 0;

function configFor(account: Account, overrides: Partial<FiksIoConfig> = {}): FiksIoConfig {
  return {
    apiUrl: standIn.url,
    amqpUrl: broker.amqpUrl,
    accountId: account.accountId,
    integrationId: account.integrationId,
    integrationPassword: account.integrationPassword,
    accessToken: async () => TOKEN,
    privateKeyPem: account.privateKeyPem,
    certificatePem: account.certificatePem,
    ...overrides,
  };
}

function client(name: Name, overrides: Partial<FiksIoConfig> = {}) {
  return createFiksIoClient(configFor(accounts[name], overrides), { redeliveryDelayMs: 100, reconnectDelayMs: 200 });
}

/** Collects what a subscription receives; `next` waits for a message matching the predicate. */
function inbox() {
  const received: FiksIoIncoming[] = [];
  const waiters: { match: (m: FiksIoIncoming) => boolean; resolve: (m: FiksIoIncoming) => void }[] = [];
  return {
    received,
    push(message: FiksIoIncoming) {
      received.push(message);
      for (const w of [...waiters]) {
        if (w.match(message)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(message);
        }
      }
    },
    next(match: (m: FiksIoIncoming) => boolean, timeoutMs = 15_000): Promise<FiksIoIncoming> {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no matching message in time")), timeoutMs);
        waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
  };
}

async function startStandIn() {
  return startFiksIoStandIn({
    amqpUrl: broker.amqpUrl,
    authorize: async (header, scope) => header === `Bearer ${TOKEN}` && scope === FIKS_IO_SCOPE,
    accounts: Object.values(accounts),
  });
}

const text = (s: string) => new TextEncoder().encode(s);
const decoded = (b: Uint8Array) => new TextDecoder().decode(b);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "fiks-io-test-"));
  const started = await startRabbitMq({ dataDir });
  // CI installs rabbitmq-server: its absence is a failure, not a skip.
  if (!started) throw new Error(RABBITMQ_MISSING_MESSAGE);
  broker = started;
  brokerStartMs = started.startedInMs;
  for (const name of names) {
    const keys = await generateTestCertificate(`Fiks IO test ${name}`);
    accounts[name] = { accountId: randomUUID(), integrationId: randomUUID(), integrationPassword: `pw-${name}-${randomUUID()}`, name: `Test ${name}`, ...keys };
  }
  standIn = await startStandIn();
}, 90_000);

afterAll(async () => {
  await standIn?.close();
  await broker?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe("Fiks IO over the stand-in and a real broker", { timeout: 30_000 }, () => {
  it("starts the broker in reasonable time", () => {
    console.log(`rabbitmq started in ${brokerStartMs} ms`);
    expect(brokerStartMs).toBeGreaterThan(0);
    expect(brokerStartMs).toBeLessThan(60_000);
  });

  it("delivers A's message to B with files, type, sender and clientMessageId; B's reply reaches A with replyTo", async () => {
    const portal = client("portal");
    const archive = client("archive");
    const portalInbox = inbox();
    const archiveInbox = inbox();
    const subPortal = await portal.subscribe(async (m) => portalInbox.push(m));
    const subArchive = await archive.subscribe(async (m) => archiveInbox.push(m));
    try {
      const clientMessageId = randomUUID();
      const { messageId } = await portal.send({
        toAccountId: accounts.archive.accountId,
        messageType: "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett",
        files: [
          { name: "arkivmelding.xml", bytes: text("<arkivmelding>æøå</arkivmelding>") },
          { name: "brev.pdf", bytes: new Uint8Array([37, 80, 68, 70, 0, 255]) },
        ],
        clientMessageId,
      });
      const got = await archiveInbox.next((m) => m.messageId === messageId);
      expect(got.messageType).toBe("no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett");
      expect(got.senderAccountId).toBe(accounts.portal.accountId);
      expect(got.clientMessageId).toBe(clientMessageId);
      expect(got.replyTo).toBeNull();
      expect(got.files.map((f) => f.name)).toEqual(["arkivmelding.xml", "brev.pdf"]);
      expect(decoded(got.files[0]!.bytes)).toBe("<arkivmelding>æøå</arkivmelding>");
      expect([...got.files[1]!.bytes]).toEqual([37, 80, 68, 70, 0, 255]);

      const answer = await archive.reply(got, "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering", [
        { name: "arkivmelding-kvittering.xml", bytes: text("<kvittering/>") },
      ]);
      const receipt = await portalInbox.next((m) => m.messageId === answer.messageId);
      expect(receipt.replyTo).toBe(messageId);
      expect(receipt.senderAccountId).toBe(accounts.archive.accountId);
      expect(decoded(receipt.files[0]!.bytes)).toBe("<kvittering/>");

      // A reply without files (e.g. ...mottatt) travels with an empty body.
      const ack = await archive.reply(got, "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.mottatt");
      const mottatt = await portalInbox.next((m) => m.messageId === ack.messageId);
      expect(mottatt.files).toEqual([]);
      expect(mottatt.replyTo).toBe(messageId);

      expect(standIn.sent()).toContainEqual({
        messageId,
        messageType: "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett",
        from: accounts.portal.accountId,
        to: accounts.archive.accountId,
        clientMessageId,
      });
    } finally {
      await subPortal.close();
      await subArchive.close();
    }
  });

  it("puts Fiks IO's headers on the queue message and a payload only the receiver can decrypt", async () => {
    const clientMessageId = randomUUID();
    const { messageId } = await client("portal").send({
      toAccountId: accounts.peek.accountId,
      messageType: "test.peek",
      files: [{ name: "a.xml", bytes: text("<a/>") }],
      replyTo: randomUUID(),
      clientMessageId,
      ttlMs: 60_000,
    });
    const connection = await amqp.connect(broker.amqpUrl);
    try {
      const channel = await connection.createChannel();
      const raw = await channel.get(accountQueueName(accounts.peek.accountId), { noAck: false });
      if (!raw) throw new Error("nothing on the queue");
      const headers = raw.properties.headers ?? {};
      expect(String(headers["melding-id"])).toBe(messageId);
      expect(String(headers["type"])).toBe("test.peek");
      expect(String(headers["avsender-id"])).toBe(accounts.portal.accountId);
      expect(String(headers["avsender-navn"])).toBe("Test portal");
      expect(headers["svar-til"]).toBeTruthy();
      expect(String(headers["egendefinert-header.klientMeldingId"])).toBe(clientMessageId);
      expect(raw.properties.expiration).toBe("60000");
      expect(raw.properties.deliveryMode).toBe(2);
      const plain = await decryptWithKey(raw.content, accounts.peek.privateKeyPem, accounts.peek.certificatePem);
      expect(readAsice(plain).map((f) => f.name)).toEqual(["a.xml"]);
      await expect(decryptWithKey(raw.content, accounts.portal.privateKeyPem, accounts.portal.certificatePem)).rejects.toThrow();
      channel.ack(raw);
      await channel.close();
    } finally {
      await connection.close();
    }
  });

  it("declares the account queues durable", async () => {
    const connection = await amqp.connect(broker.amqpUrl);
    try {
      const channel = await connection.createChannel();
      // Redeclaring with other properties fails: this passes only if the queue is durable.
      await expect(channel.assertQueue(accountQueueName(accounts.late.accountId), { durable: true })).resolves.toBeTruthy();
      const other = await connection.createChannel();
      other.on("error", () => {});
      await expect(other.assertQueue(accountQueueName(accounts.late.accountId), { durable: false })).rejects.toThrow(/PRECONDITION/);
    } finally {
      await connection.close().catch(() => {});
    }
  });

  it("answers a wrong integration password or a bad token with unauthorized", async () => {
    const message = { toAccountId: accounts.archive.accountId, messageType: "test.auth", files: [{ name: "a.xml", bytes: text("<a/>") }] };
    await expect(client("portal", { integrationPassword: "wrong" }).send(message)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(client("portal", { accessToken: async () => "forged" }).send(message)).rejects.toMatchObject({ code: "unauthorized" });
    // Another integration's valid credentials may not send as this account.
    await expect(
      client("portal", { integrationId: accounts.archive.integrationId, integrationPassword: accounts.archive.integrationPassword }).send(message),
    ).rejects.toMatchObject({ code: "unauthorized" });
    expect(standIn.sent().some((s) => s.messageType === "test.auth")).toBe(false);
  });

  it("refuses an unknown receiver account with unknown_account, with and without files", async () => {
    const unknown = randomUUID();
    const withFiles = client("portal").send({ toAccountId: unknown, messageType: "test.unknown", files: [{ name: "a.xml", bytes: text("<a/>") }] });
    await expect(withFiles).rejects.toBeInstanceOf(FiksIoError);
    await expect(withFiles).rejects.toMatchObject({ code: "unknown_account" });
    await expect(client("portal").send({ toAccountId: unknown, messageType: "test.unknown", files: [] })).rejects.toMatchObject({
      code: "unknown_account",
    });
  });

  it("reports an unreachable API as unavailable", async () => {
    const c = createFiksIoClient(configFor(accounts.portal, { apiUrl: "http://127.0.0.1:1" }));
    await expect(c.send({ toAccountId: accounts.archive.accountId, messageType: "x", files: [] })).rejects.toMatchObject({ code: "unavailable" });
  });

  it("gives a message back when the handler throws, and delivers it again", async () => {
    const receiver = client("retry");
    let attempts = 0;
    const done = inbox();
    const sub = await receiver.subscribe(async (m) => {
      attempts += 1;
      if (attempts === 1) throw new Error("archive down for a moment");
      done.push(m);
    });
    try {
      const { messageId } = await client("portal").send({
        toAccountId: accounts.retry.accountId,
        messageType: "test.retry",
        files: [{ name: "a.xml", bytes: text("<a/>") }],
      });
      const got = await done.next((m) => m.messageId === messageId);
      expect(attempts).toBe(2);
      expect(decoded(got.files[0]!.bytes)).toBe("<a/>");
    } finally {
      await sub.close();
    }
    // Acknowledged after the second attempt: the queue is empty now.
    const connection = await amqp.connect(broker.amqpUrl);
    const channel = await connection.createChannel();
    const check = await channel.checkQueue(accountQueueName(accounts.retry.accountId));
    await connection.close();
    expect(check.messageCount).toBe(0);
  });

  it("keeps a message sent while nobody listens until the receiver subscribes", async () => {
    const { messageId } = await client("portal").send({
      toAccountId: accounts.late.accountId,
      messageType: "test.late",
      files: [{ name: "a.xml", bytes: text("<late/>") }],
    });
    await new Promise((r) => setTimeout(r, 300));
    const late = inbox();
    const sub = await client("late").subscribe(async (m) => late.push(m));
    try {
      const got = await late.next((m) => m.messageId === messageId);
      expect(decoded(got.files[0]!.bytes)).toBe("<late/>");
    } finally {
      await sub.close();
    }
  });

  it("archives an arkivmelding end to end through the archive stand-in and answers mottatt + kvittering", async () => {
    const archive = await startArchiveStandIn({ fiksIo: configFor(accounts.arkiv), core: createArchiveCore({ year: () => 2031 }) });
    const portal = client("portal");
    const replies = inbox();
    const sub = await portal.subscribe(async (m) => replies.push(m));
    try {
      const pdf = text("%PDF-1.7 begjæring");
      const xml = buildCaseFolderWithIncoming({
        system: "Personvernportalen",
        organisation: { orgNumber: "921234567", name: "Eksempel kommune" },
        caseKey: "case-e2e",
        createdBy: "Personvernportalen",
        caseTitle: "Innsynsbegjæring",
        publicCaseTitle: "Innsynsbegjæring etter personvernforordningen art. 15",
        receivedAt: new Date("2031-02-03T10:00:00Z"),
        journalKey: "case-e2e:request",
        requester: { name: "Test Testesen" },
        document: { fileName: "request.pdf", title: "Begjæring", mimeType: "application/pdf", sha256: createHash("sha256").update(pdf).digest("hex") },
      });
      const { messageId } = await portal.send({
        toAccountId: accounts.arkiv.accountId,
        messageType: FIKS_ARKIV.opprett,
        files: [
          { name: "arkivmelding.xml", bytes: text(xml) },
          { name: "request.pdf", bytes: pdf },
        ],
        clientMessageId: randomUUID(),
      });
      const mottatt = await replies.next((m) => m.replyTo === messageId && m.messageType === FIKS_ARKIV.opprettMottatt);
      expect(mottatt.files).toEqual([]);
      expect(mottatt.senderAccountId).toBe(accounts.arkiv.accountId);
      const kvittering = await replies.next((m) => m.replyTo === messageId && m.messageType === FIKS_ARKIV.opprettKvittering);
      expect(kvittering.files.map((f) => f.name)).toEqual(["arkivmelding-kvittering.xml"]);
      const receipt = parseOpprettKvittering(decoded(kvittering.files[0]!.bytes));
      expect(receipt.caseFolder?.caseNumber).toBe("2031/1");
      expect(receipt.journalEntry?.entryReference).toBe("2031/1-1");
      const entry = archive.core.entry(receipt.journalEntry!.systemId);
      expect(entry?.files).toEqual([{ fileName: "request.pdf", bytes: pdf }]);

      // A payload the archive cannot accept comes back as ugyldigforespoersel with feilmelding.xml.
      const bad = await portal.send({
        toAccountId: accounts.arkiv.accountId,
        messageType: FIKS_ARKIV.opprett,
        files: [{ name: "arkivmelding.xml", bytes: text("<ikke-arkivmelding/>") }],
      });
      const refusal = await replies.next((m) => m.replyTo === bad.messageId && m.messageType === FIKS_ARKIV.ugyldigforespoersel);
      expect(refusal.files.map((f) => f.name)).toEqual(["feilmelding.xml"]);
      expect(parseErrorReply(decoded(refusal.files[0]!.bytes)).message).toBeTruthy();
      expect(archive.core.folders()).toHaveLength(1);
    } finally {
      await sub.close();
      await archive.close();
    }
  });

  it("reconnects when the broker goes away and comes back", async () => {
    const got = inbox();
    const sub = await client("reconnect").subscribe(async (m) => got.push(m));
    try {
      const { port } = broker;
      await standIn.close();
      await broker.stop();
      const again = await startRabbitMq({ dataDir, port });
      if (!again) throw new Error(RABBITMQ_MISSING_MESSAGE);
      broker = again;
      standIn = await startStandIn();
      const { messageId } = await client("portal").send({
        toAccountId: accounts.reconnect.accountId,
        messageType: "test.reconnect",
        files: [{ name: "a.xml", bytes: text("<again/>") }],
      });
      const message = await got.next((m) => m.messageId === messageId, 30_000);
      expect(decoded(message.files[0]!.bytes)).toBe("<again/>");
    } finally {
      await sub.close();
    }
  }, 90_000);
});
