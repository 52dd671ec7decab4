// A small Fiks IO client: send over HTTP, receive over AMQP. KS ships Java and .NET clients only;
// the protocol facts below were read in ks-no/fiks-io-send-klient, ks-no/fiks-io-klient-java,
// ks-no/fiks-io-commons and ks-no/fiks-io-send-client-dotnet.
//
// Send: POST {api}/fiks-io/api/v1/send, multipart/form-data with part "metadata" (JSON:
//   avsenderKontoId, mottakerKontoId, meldingType, svarPaMelding, ttl in ms, headere) and, when the
//   message has files, part "data" (the encrypted ASiC-E). Headers: Authorization: Bearer <Maskinporten
//   token, scope ks:fiks>, IntegrasjonId, IntegrasjonPassord. Answer: JSON with meldingId, ...
// Receiver's key: GET {api}/fiks-io/katalog/api/v1/kontoer/{kontoId}/offentligNokkel -> { nokkel: PEM }
//   (unauthenticated in KS's .NET send client).
// Receive: AMQP (io.fiks.ks.no:5671, TLS), username = integration id, password = "<integration
//   password> <Maskinporten token>", consume queue fiksio.konto.<kontoId>, manual ack. Message headers:
//   melding-id, type, avsender-id, avsender-navn, svar-til, egendefinert-header.<name> (klientMeldingId
//   travels as the custom header "klientMeldingId"); TTL as the AMQP expiration.
// Unverified (closest documented behaviour chosen): the HTTP status codes of refusals. We read 401/403
//   as unauthorized, 404 as unknown account, other 4xx as refused, 5xx and network errors as unavailable.
import amqp, { type Channel, type ChannelModel, type ConsumeMessage, type Options } from "amqplib";
import { z } from "zod";
import { logger } from "@/lib/log";
import { buildAsice, decryptWithKey, encryptForCertificate, readAsice } from "@/lib/integrations/asice";

/** The Maskinporten scope of the Fiks platform (IntegrasjonAuthenticationStrategy in fiks-io-send-klient). */
export const FIKS_IO_SCOPE = "ks:fiks";
export const FIKS_IO_SEND_PATH = "/fiks-io/api/v1/send";
export const FIKS_IO_CATALOGUE_PATH = "/fiks-io/katalog/api/v1";
export const FIKS_IO_QUEUE_PREFIX = "fiksio.konto.";
/** AMQP header names (FiksIOHeaders in fiks-io-commons). */
export const FIKS_IO_HEADERS = {
  messageId: "melding-id",
  messageType: "type",
  senderAccountId: "avsender-id",
  senderName: "avsender-navn",
  replyTo: "svar-til",
  customPrefix: "egendefinert-header.",
} as const;
/** The custom header KS's clients use for the sender's idempotency key. */
export const KLIENT_MELDING_ID = "klientMeldingId";

export function accountQueueName(accountId: string): string {
  return FIKS_IO_QUEUE_PREFIX + accountId;
}

export type FiksIoConfig = {
  /** https://api.fiks.ks.no (test: https://api.fiks.test.ks.no) or the stand-in's url. */
  apiUrl: string;
  /**
   * amqps://io.fiks.ks.no:5671 (test: io.fiks.test.ks.no). Without credentials in the url the client
   * logs in as Fiks IO expects (integration id / "password token"); with credentials in the url (the
   * local stand-in's broker) it uses those.
   */
  amqpUrl: string;
  accountId: string;
  integrationId: string;
  integrationPassword: string;
  accessToken: () => Promise<string>;
  /** The own account's key pair: replies and requests to us are encrypted to this certificate. */
  privateKeyPem: string;
  certificatePem: string;
};

export type FiksIoFile = { name: string; bytes: Uint8Array };

export type FiksIoOutgoing = {
  toAccountId: string;
  messageType: string;
  files: FiksIoFile[];
  /** svarPaMelding: the message id this answers. */
  replyTo?: string;
  /** klientMeldingId: our idempotency key, seen by the receiver. KS's clients expect a UUID. */
  clientMessageId?: string;
  ttlMs?: number;
};

export type FiksIoIncoming = {
  messageId: string;
  messageType: string;
  senderAccountId: string;
  replyTo: string | null;
  clientMessageId: string | null;
  files: FiksIoFile[];
};

export type FiksIoErrorCode = "unavailable" | "unauthorized" | "refused" | "unknown_account";

export class FiksIoError extends Error {
  constructor(
    public code: FiksIoErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "FiksIoError";
  }
}

const sendAnswer = z.object({ meldingId: z.string().min(1) });
const publicKeyAnswer = z.object({ nokkel: z.string().min(1) });

const CERTIFICATE_CACHE_MS = 60 * 60 * 1000;

function errorForStatus(status: number, what: string): FiksIoError {
  if (status === 401 || status === 403) return new FiksIoError("unauthorized", `${what}: HTTP ${status}`);
  if (status === 404) return new FiksIoError("unknown_account", `${what}: HTTP ${status}`);
  if (status >= 400 && status < 500) return new FiksIoError("refused", `${what}: HTTP ${status}`);
  return new FiksIoError("unavailable", `${what}: HTTP ${status}`);
}

function headerString(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  return String(value);
}

export type FiksIoClient = ReturnType<typeof createFiksIoClient>;

export function createFiksIoClient(
  config: FiksIoConfig,
  options?: { fetch?: typeof fetch; redeliveryDelayMs?: number; reconnectDelayMs?: number; prefetch?: number },
) {
  const doFetch = options?.fetch ?? fetch;
  const apiUrl = config.apiUrl.replace(/\/+$/, "");
  const redeliveryDelayMs = options?.redeliveryDelayMs ?? 2_000;
  const reconnectDelayMs = options?.reconnectDelayMs ?? 1_000;
  const certificates = new Map<string, { pem: string; fetchedAt: number }>();

  async function call(url: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      throw new FiksIoError("unavailable", `${what}: ${error instanceof Error ? error.message : "network error"}`);
    }
  }

  async function receiverCertificate(accountId: string): Promise<string> {
    const cached = certificates.get(accountId);
    if (cached && Date.now() - cached.fetchedAt < CERTIFICATE_CACHE_MS) return cached.pem;
    const url = `${apiUrl}${FIKS_IO_CATALOGUE_PATH}/kontoer/${encodeURIComponent(accountId)}/offentligNokkel`;
    const response = await call(url, { headers: { accept: "application/json" } }, "catalogue");
    if (!response.ok) throw errorForStatus(response.status, "catalogue");
    const parsed = publicKeyAnswer.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new FiksIoError("unknown_account", "catalogue: no public key for the account");
    certificates.set(accountId, { pem: parsed.data.nokkel, fetchedAt: Date.now() });
    return parsed.data.nokkel;
  }

  async function send(message: FiksIoOutgoing): Promise<{ messageId: string }> {
    const headere: Record<string, string> = {};
    if (message.clientMessageId) headere[KLIENT_MELDING_ID] = message.clientMessageId;
    const metadata = {
      avsenderKontoId: config.accountId,
      mottakerKontoId: message.toAccountId,
      meldingType: message.messageType,
      svarPaMelding: message.replyTo ?? null,
      ttl: message.ttlMs ?? null,
      headere,
    };
    const form = new FormData();
    form.append("metadata", new Blob([JSON.stringify(metadata)], { type: "application/json" }));
    if (message.files.length > 0) {
      // Looked up before anything is posted: an unknown receiver fails here, as in KS's clients.
      const certificate = await receiverCertificate(message.toAccountId);
      const encrypted = await encryptForCertificate(buildAsice(message.files), certificate);
      form.append("data", new Blob([encrypted as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }), "melding.asice.cms");
    }
    const token = await config.accessToken();
    const response = await call(
      `${apiUrl}${FIKS_IO_SEND_PATH}`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          IntegrasjonId: config.integrationId,
          IntegrasjonPassord: config.integrationPassword,
          accept: "application/json",
        },
        body: form,
      },
      "send",
    );
    if (!response.ok) {
      await response.body?.cancel();
      throw errorForStatus(response.status, "send");
    }
    const parsed = sendAnswer.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new FiksIoError("unavailable", "send: answer without meldingId");
    logger.info("fiks_io_sent", {
      messageId: parsed.data.meldingId,
      messageType: message.messageType,
      toAccountId: message.toAccountId,
    });
    return { messageId: parsed.data.meldingId };
  }

  async function reply(to: FiksIoIncoming, messageType: string, files: FiksIoFile[] = []): Promise<{ messageId: string }> {
    return send({ toAccountId: to.senderAccountId, messageType, files, replyTo: to.messageId });
  }

  async function connectUrl(): Promise<string | Options.Connect> {
    const url = new URL(config.amqpUrl);
    if (url.username) return config.amqpUrl;
    // Fiks IO's own login: the password is the integration password and a fresh token, space-separated.
    const token = await config.accessToken();
    return {
      protocol: url.protocol.replace(":", ""),
      hostname: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === "amqps:" ? 5671 : 5672,
      username: config.integrationId,
      password: `${config.integrationPassword} ${token}`,
      vhost: url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : "/",
      heartbeat: 30,
    };
  }

  async function decode(message: ConsumeMessage): Promise<FiksIoIncoming> {
    const headers = message.properties.headers ?? {};
    const messageId = headerString(headers[FIKS_IO_HEADERS.messageId]);
    const messageType = headerString(headers[FIKS_IO_HEADERS.messageType]);
    const senderAccountId = headerString(headers[FIKS_IO_HEADERS.senderAccountId]);
    if (!messageId || !messageType || !senderAccountId) throw new Error("Fiks IO message without melding-id/type/avsender-id");
    const files =
      message.content.length > 0
        ? readAsice(await decryptWithKey(message.content, config.privateKeyPem, config.certificatePem))
        : [];
    return {
      messageId,
      messageType,
      senderAccountId,
      replyTo: headerString(headers[FIKS_IO_HEADERS.replyTo]),
      clientMessageId: headerString(headers[FIKS_IO_HEADERS.customPrefix + KLIENT_MELDING_ID]),
      files,
    };
  }

  async function subscribe(onMessage: (message: FiksIoIncoming) => Promise<void>): Promise<{ close(): Promise<void> }> {
    const queue = accountQueueName(config.accountId);
    let closed = false;
    let connection: ChannelModel | null = null;
    let activeChannel: Channel | null = null;
    let reconnectTimer: NodeJS.Timeout | null = null;
    const inFlight = new Set<Promise<void>>();

    const handle = async (channel: Channel, message: ConsumeMessage) => {
      const messageId = headerString(message.properties.headers?.[FIKS_IO_HEADERS.messageId]);
      let incoming: FiksIoIncoming;
      try {
        incoming = await decode(message);
      } catch (error) {
        // A message we can never read (not for our key, broken container): retrying cannot help.
        // Fiks IO tells the sender when a message is dropped unacknowledged.
        logger.error("fiks_io_undecodable", { messageId, reason: error instanceof Error ? error.message : "unknown" });
        try {
          channel.nack(message, false, false);
        } catch {
          // The channel is gone; the broker redelivers.
        }
        return;
      }
      try {
        await onMessage(incoming);
        channel.ack(message);
      } catch (error) {
        logger.warn("fiks_io_handler_failed", {
          messageId: incoming.messageId,
          messageType: incoming.messageType,
          redelivered: message.fields.redelivered,
          reason: error instanceof Error ? error.name : "unknown",
        });
        // Hold it a moment before giving it back, so a failing handler does not spin.
        await new Promise((r) => setTimeout(r, redeliveryDelayMs));
        try {
          channel.nack(message, false, true);
        } catch {
          // The channel closed meanwhile: the broker requeues unacknowledged messages itself.
        }
      }
    };

    const connectOnce = async () => {
      const conn = await amqp.connect(await connectUrl());
      try {
        const channel = await conn.createChannel();
        await channel.prefetch(options?.prefetch ?? 10);
        await channel.consume(queue, (message) => {
          if (!message) return; // consumer cancelled by the broker; the close handler reconnects
          const job = handle(channel, message).finally(() => inFlight.delete(job));
          inFlight.add(job);
        });
        const onGone = () => {
          if (connection !== conn) return;
          connection = null;
          if (!closed) {
            logger.warn("fiks_io_amqp_lost", { accountId: config.accountId });
            scheduleReconnect(reconnectDelayMs);
          }
        };
        conn.on("close", onGone);
        conn.on("error", () => {
          // "close" follows; an unhandled "error" event would crash the process.
        });
        channel.on("error", () => {});
        channel.on("close", () => {
          // A closed channel (e.g. queue deleted) leaves the connection open: close it to reconnect.
          if (connection === conn && !closed) conn.close().catch(() => {});
        });
        connection = conn;
        activeChannel = channel;
      } catch (error) {
        await conn.close().catch(() => {});
        throw error;
      }
    };

    const scheduleReconnect = (delay: number) => {
      if (closed || reconnectTimer) return;
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null;
        connectOnce()
          .then(() => logger.info("fiks_io_amqp_reconnected", { accountId: config.accountId }))
          .catch(() => scheduleReconnect(Math.min(delay * 2, 30_000)));
      }, delay);
    };

    try {
      await connectOnce();
    } catch (error) {
      throw new FiksIoError("unavailable", `amqp: ${error instanceof Error ? error.message : "cannot connect"}`);
    }
    logger.info("fiks_io_subscribed", { accountId: config.accountId });

    return {
      async close() {
        closed = true;
        if (reconnectTimer) clearTimeout(reconnectTimer);
        reconnectTimer = null;
        const conn = connection;
        const channel = activeChannel;
        connection = null;
        activeChannel = null;
        // Let handlers finish (their ack/nack needs the channel), then close.
        await Promise.allSettled([...inFlight]);
        // Channel first: its close handshake follows the acks on the same channel, whereas amqplib may
        // write the connection's close (channel 0) ahead of acks still buffered for the channel.
        if (channel) await channel.close().catch(() => {});
        if (conn) await conn.close().catch(() => {});
      },
    };
  }

  return { send, subscribe, reply };
}
