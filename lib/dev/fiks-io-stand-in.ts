// A local Fiks IO for tests and demo mode. It speaks the protocol our client speaks to the real
// service (see lib/integrations/fiks-io.ts): the HTTP send API and the catalogue's public-key
// endpoint here, delivery through a real RabbitMQ broker (lib/dev/rabbitmq.ts) to the durable queue
// fiksio.konto.<kontoId> with Fiks IO's headers.
//
// Differences from the real service, on purpose: receivers log in to the broker with the broker's own
// users (guest over loopback), not with integration id and "password token" as on io.fiks.ks.no; no
// Dokumentlager for large payloads; no serverfeil message to the sender after three unacknowledged
// deliveries; the error bodies are our own JSON.
import http from "node:http";
import { randomUUID, X509Certificate } from "node:crypto";
import amqp, { type ChannelModel, type ConfirmChannel } from "amqplib";
import { z } from "zod";
import { logger } from "@/lib/log";
import {
  FIKS_IO_CATALOGUE_PATH,
  FIKS_IO_HEADERS,
  FIKS_IO_SCOPE,
  FIKS_IO_SEND_PATH,
  accountQueueName,
  KLIENT_MELDING_ID,
} from "@/lib/integrations/fiks-io";

export type FiksIoStandInAccount = {
  accountId: string;
  integrationId: string;
  integrationPassword: string;
  certificatePem: string;
  name?: string;
};

export type SentRecord = { messageId: string; messageType: string; from: string; to: string; clientMessageId: string | null };

export type FiksIoStandIn = { url: string; close(): Promise<void>; sent(): SentRecord[] };

const MAX_BODY_BYTES = 100 * 1024 * 1024;
// The service's default lifetime of a message (KS's Fiks IO documentation: 7 days).
const DEFAULT_TTL_MS = 7 * 24 * 3600 * 1000;

const metadataSchema = z.object({
  avsenderKontoId: z.string().min(1),
  mottakerKontoId: z.string().min(1),
  meldingType: z.string().min(1).max(500),
  svarPaMelding: z.string().min(1).nullish(),
  ttl: z.number().int().positive().nullish(),
  headere: z.record(z.string(), z.string()).nullish(),
});

class HttpProblem extends Error {
  constructor(
    public status: number,
    public errorCode: string,
  ) {
    super(errorCode);
  }
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpProblem(413, "PAYLOAD_TOO_LARGE"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function json(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

function headerValue(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export async function startFiksIoStandIn(options: {
  port?: number;
  host?: string;
  amqpUrl: string;
  authorize: (authorizationHeader: string | undefined, scope: string) => Promise<boolean>;
  accounts: FiksIoStandInAccount[];
}): Promise<FiksIoStandIn> {
  const accounts = new Map(options.accounts.map((a) => [a.accountId, a]));
  const sent: SentRecord[] = [];

  const connection: ChannelModel = await amqp.connect(options.amqpUrl);
  connection.on("error", () => {});
  const channel: ConfirmChannel = await connection.createConfirmChannel();
  for (const account of options.accounts) {
    await channel.assertQueue(accountQueueName(account.accountId), { durable: true });
  }

  async function handleSend(request: http.IncomingMessage, response: http.ServerResponse) {
    if (!(await options.authorize(headerValue(request, "authorization"), FIKS_IO_SCOPE))) {
      throw new HttpProblem(401, "UNAUTHORIZED");
    }
    const integrationId = headerValue(request, "IntegrasjonId");
    const integrationPassword = headerValue(request, "IntegrasjonPassord");
    const body = await readBody(request);
    let form: FormData;
    try {
      form = await new Request("http://stand-in/", {
        method: "POST",
        headers: { "content-type": headerValue(request, "content-type") ?? "" },
        body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>,
      }).formData();
    } catch {
      throw new HttpProblem(400, "INVALID_MULTIPART");
    }
    const metadataPart = form.get("metadata");
    const metadataText = typeof metadataPart === "string" ? metadataPart : metadataPart ? await metadataPart.text() : null;
    let metadataJson: unknown = null;
    try {
      metadataJson = metadataText ? JSON.parse(metadataText) : null;
    } catch {
      // handled below
    }
    const metadata = metadataSchema.safeParse(metadataJson);
    if (!metadata.success) throw new HttpProblem(400, "INVALID_METADATA");
    const sender = accounts.get(metadata.data.avsenderKontoId);
    // The integration must be the one that may act for the sending account.
    if (!sender || sender.integrationId !== integrationId || sender.integrationPassword !== integrationPassword) {
      throw new HttpProblem(401, "UNAUTHORIZED");
    }
    const receiver = accounts.get(metadata.data.mottakerKontoId);
    if (!receiver) throw new HttpProblem(404, "MOTTAKER_KONTO_FINNES_IKKE");
    const dataPart = form.get("data");
    const payload = dataPart && typeof dataPart !== "string" ? Buffer.from(await dataPart.arrayBuffer()) : Buffer.alloc(0);

    const messageId = randomUUID();
    const ttl = metadata.data.ttl ?? DEFAULT_TTL_MS;
    const headere = metadata.data.headere ?? {};
    const headers: Record<string, string> = {
      [FIKS_IO_HEADERS.messageId]: messageId,
      [FIKS_IO_HEADERS.messageType]: metadata.data.meldingType,
      [FIKS_IO_HEADERS.senderAccountId]: sender.accountId,
    };
    if (sender.name) headers[FIKS_IO_HEADERS.senderName] = sender.name;
    if (metadata.data.svarPaMelding) headers[FIKS_IO_HEADERS.replyTo] = metadata.data.svarPaMelding;
    for (const [key, value] of Object.entries(headere)) headers[FIKS_IO_HEADERS.customPrefix + key] = value;

    // Publish with confirmation before answering: once the sender has a meldingId, the message is
    // on the (durable) queue.
    await new Promise<void>((resolve, reject) => {
      channel.sendToQueue(
        accountQueueName(receiver.accountId),
        payload,
        { persistent: true, headers, expiration: String(ttl), messageId, contentType: "application/octet-stream" },
        (error) => (error ? reject(new HttpProblem(503, "BROKER_REFUSED")) : resolve()),
      );
    });
    const clientMessageId = headere[KLIENT_MELDING_ID] ?? null;
    sent.push({ messageId, messageType: metadata.data.meldingType, from: sender.accountId, to: receiver.accountId, clientMessageId });
    logger.info("fiks_io_stand_in_delivered", { messageId, messageType: metadata.data.meldingType, to: receiver.accountId });
    json(response, 200, {
      meldingId: messageId,
      meldingType: metadata.data.meldingType,
      avsenderKontoId: sender.accountId,
      mottakerKontoId: receiver.accountId,
      ttl,
      dokumentlagerId: null,
      svarPaMelding: metadata.data.svarPaMelding ?? null,
      headere,
    });
  }

  function handlePublicKey(accountId: string, response: http.ServerResponse) {
    const account = accounts.get(accountId);
    if (!account) throw new HttpProblem(404, "KONTO_FINNES_IKKE");
    const certificate = new X509Certificate(account.certificatePem);
    json(response, 200, {
      nokkel: account.certificatePem,
      serial: certificate.serialNumber,
      issuerDN: certificate.issuer,
      subjectDN: certificate.subject,
      validFrom: new Date(certificate.validFrom).toISOString(),
      validTo: new Date(certificate.validTo).toISOString(),
    });
  }

  function handleAccount(accountId: string, response: http.ServerResponse) {
    const account = accounts.get(accountId);
    if (!account) throw new HttpProblem(404, "KONTO_FINNES_IKKE");
    json(response, 200, { kontoId: account.accountId, kontoNavn: account.name ?? account.accountId, isGyldigAvsender: true, isGyldigMottaker: true });
  }

  const accountPath = new RegExp(`^${FIKS_IO_CATALOGUE_PATH}/kontoer/([^/]+)(/offentligNokkel)?$`);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const work = async () => {
      if (request.method === "POST" && url.pathname === FIKS_IO_SEND_PATH) return handleSend(request, response);
      const match = accountPath.exec(url.pathname);
      if (request.method === "GET" && match) {
        const accountId = decodeURIComponent(match[1] ?? "");
        return match[2] ? handlePublicKey(accountId, response) : handleAccount(accountId, response);
      }
      throw new HttpProblem(404, "NOT_FOUND");
    };
    work().catch((error: unknown) => {
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, "SERVER_ERROR");
      if (!(error instanceof HttpProblem)) logger.error("fiks_io_stand_in_error", { reason: error instanceof Error ? error.message : "unknown" });
      if (!response.headersSent) {
        json(response, problem.status, { status: problem.status, errorCode: problem.errorCode, path: url.pathname });
      } else response.end();
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  logger.info("fiks_io_stand_in_started", { port, accounts: options.accounts.length });

  return {
    url: `http://${host}:${port}`,
    sent: () => sent.map((s) => ({ ...s })),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close().catch(() => {});
    },
  };
}
