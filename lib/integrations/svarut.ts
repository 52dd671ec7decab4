/**
 * SvarUt (KS Fiks) client: sends a letter as a forsendelse and reads its status back.
 *
 * Protocol (REST v2, as used by KS's own client ks-no/fiks-svarut-klient and its OpenAPI files
 * openapi/forsendelse-send-api-v2.json, forsendelse-eksternref-api-v1.json and
 * forsendelse-status-api-v1.json, which describe the /api/v2 paths):
 * - every call carries `Authorization: Bearer <Maskinporten token, scope ks:fiks>`, `IntegrasjonId`
 *   and `IntegrasjonPassord` (IntegrasjonAuthenticationStrategy.kt);
 * - send: `POST {base}/api/v2/kontoer/{kontoId}/forsendelser/`, multipart/form-data with one part
 *   `forsendelse` (the JSON) and one part `filer` per document whose file name is the document's
 *   `filnavn`; answers `{ "id": "<uuid>" }`;
 * - lookup: `GET {base}/api/v2/kontoer/{kontoId}/forsendelser/?eksternRef=...` answers
 *   `{ "forsendelseIds": [...] }`;
 * - status: `POST {base}/api/v2/kontoer/{kontoId}/forsendelser/status-sok` with
 *   `{ "forsendelseIds": [...] }` answers `{ "statuser": [{ id, status, sisteStatusEndring }] }`;
 * - errors answer a JSON ErrorMessage (`status`, `error`, `errorId`, `message`, `errorCode`, ...).
 * `baseUrl` is the host, e.g. https://svarut.ks.no (production) or https://test.svarut.ks.no.
 *
 * The v2 forsendelse model differs from v1 (ks-no/svarut-rest-klient json/forsendelse.json): the
 * recipient is one flat `mottaker` address with `navn`, `digitalId` (fødselsnummer) and
 * `adresselinje1-3`/`postnummer`/`poststed`/`land` instead of v1's `digitalAdresse.fodselsNummer`
 * plus `postAdresse`; Noark fields are lower case (`saksaar`, `journalsekvensnummer`).
 *
 * Never logs or puts into an error message a national id, name or address (see `safeMessage`).
 */
import { z } from "zod";
import { logger } from "@/lib/log";

/** Maskinporten scope SvarUt requires (IntegrasjonAuthenticationStrategy.kt in fiks-svarut-klient). */
export const SVARUT_SCOPE = "ks:fiks";

/** Path prefix of the REST v2 API under `baseUrl` (BASE_PATH in fiks-svarut-klient's v2 clients). */
export const SVARUT_API_PATH = "/api/v2";

export type SvarUtConfig = {
  baseUrl: string;
  accountId: string;
  integrationId: string;
  integrationPassword: string;
  accessToken: () => Promise<string>;
};

export type SvarUtLetter = {
  /** -> eksternReferanse (max 100 characters); the portal's idempotency key. */
  externalReference: string;
  /** No personal data: e.g. "Svar på innsynsbegjæring BRG-2026-0042". */
  title: string;
  recipient: {
    nationalId: string;
    name: string;
    postAddress?: { lines: string[]; postalCode: string; city: string; country?: string };
  };
  /** A PDF. */
  document: { fileName: string; bytes: Uint8Array };
  /** krevNiva4Innlogging. */
  requireLevel4Login: boolean;
  /** kunDigitalLevering: never printed. */
  onlyDigital?: boolean;
  /** Noark metadata about the sender's case -> metadataFraAvleverendeSystem. */
  caseReference?: { caseYear?: number; caseSequence?: number; journalYear?: number; journalSequence?: number };
};

export type SvarUtDeliveryStatus =
  | "received"
  | "accepted"
  | "delivered_digitally"
  | "read"
  | "sent_to_print"
  | "printed"
  | "manually_handled"
  | "not_delivered"
  | "unknown";

export type SvarUtErrorCode = "unavailable" | "unauthorized" | "refused" | "not_found";

export class SvarUtError extends Error {
  constructor(
    public code: SvarUtErrorCode,
    message?: string,
    public retryable: boolean = code === "unavailable",
  ) {
    super(message ?? `SvarUt: ${code}`);
    this.name = "SvarUtError";
  }
}

export type SvarUtClient = {
  send(letter: SvarUtLetter): Promise<{ forsendelseId: string; alreadySent: boolean }>;
  status(forsendelseIds: readonly string[]): Promise<Map<string, { status: SvarUtDeliveryStatus; changedAt: Date | null }>>;
};

/**
 * Protocol status -> portal status. The values are the v2 status enum (forsendelse-status-api-v1.json,
 * v3 adds SLETTET and SENDT_NHN); v1's schema spells the first one MOTTAT. Anything else is "unknown".
 * SENDT_SDP only means handed to the digital mailbox, without a receipt yet: still "accepted" until
 * LEVERT_SDP. AVVIST (not validated) ends like IKKE_LEVERT: nobody got the letter.
 */
const STATUS_MAP: Record<string, SvarUtDeliveryStatus> = {
  MOTTATT: "received",
  MOTTAT: "received",
  AKSEPTERT: "accepted",
  SENDT_SDP: "accepted",
  SENDT_DIGITALT: "delivered_digitally",
  LEVERT_SDP: "delivered_digitally",
  VARSLET: "delivered_digitally",
  KLAR_FOR_MOTTAK: "delivered_digitally",
  LEST: "read",
  SENDT_PRINT: "sent_to_print",
  PRINTET: "printed",
  MANUELT_HANDTERT: "manually_handled",
  IKKE_LEVERT: "not_delivered",
  AVVIST: "not_delivered",
};

/** The portal status for a protocol status value ("unknown" for values this client does not know). */
export function mapSvarUtStatus(protocolStatus: string): SvarUtDeliveryStatus {
  return STATUS_MAP[protocolStatus] ?? "unknown";
}

/** The forsendelse JSON (part `forsendelse`) as the v2 send API describes it; only the fields we use. */
export type SvarUtForsendelseJson = {
  tittel: string;
  eksternReferanse: string;
  mottaker: {
    navn: string;
    digitalId: string;
    adresselinje1?: string;
    adresselinje2?: string;
    adresselinje3?: string;
    postnummer?: string;
    poststed?: string;
    land?: string;
  };
  dokumenter: { filnavn: string; mimeType: string }[];
  krevNiva4Innlogging: boolean;
  kunDigitalLevering: boolean;
  avgivendeSystem?: string;
  metadataFraAvleverendeSystem?: {
    saksaar?: number;
    sakssekvensnummer?: number;
    journalaar?: number;
    journalsekvensnummer?: number;
  };
};

const PDF_MIME = "application/pdf";
/** Identifies the portal to SvarUt (statistics and troubleshooting at KS). */
const SENDING_SYSTEM = "Personvernportalen";
/** The status search is a bulk call; keep each one modest (KS documents no limit). */
const STATUS_BATCH = 100;

/** Builds the v2 forsendelse JSON for a letter (exported for the stand-in's tests and for review). */
export function toForsendelseJson(letter: SvarUtLetter): SvarUtForsendelseJson {
  const address = letter.recipient.postAddress;
  // v2 has three address lines; a longer address keeps its last lines together on the third.
  const lines = address ? address.lines.map((l) => l.trim()).filter((l) => l !== "") : [];
  const packed = lines.length > 3 ? [lines[0]!, lines[1]!, lines.slice(2).join(", ")] : lines;
  const c = letter.caseReference;
  const metadata = c
    ? {
        ...(c.caseYear !== undefined ? { saksaar: c.caseYear } : {}),
        ...(c.caseSequence !== undefined ? { sakssekvensnummer: c.caseSequence } : {}),
        ...(c.journalYear !== undefined ? { journalaar: c.journalYear } : {}),
        ...(c.journalSequence !== undefined ? { journalsekvensnummer: c.journalSequence } : {}),
      }
    : undefined;
  return {
    tittel: letter.title,
    eksternReferanse: letter.externalReference,
    mottaker: {
      navn: letter.recipient.name,
      digitalId: letter.recipient.nationalId,
      ...(packed[0] !== undefined ? { adresselinje1: packed[0] } : {}),
      ...(packed[1] !== undefined ? { adresselinje2: packed[1] } : {}),
      ...(packed[2] !== undefined ? { adresselinje3: packed[2] } : {}),
      ...(address ? { postnummer: address.postalCode, poststed: address.city } : {}),
      ...(address?.country ? { land: address.country } : {}),
    },
    dokumenter: [{ filnavn: letter.document.fileName, mimeType: PDF_MIME }],
    krevNiva4Innlogging: letter.requireLevel4Login,
    kunDigitalLevering: letter.onlyDigital ?? false,
    avgivendeSystem: SENDING_SYSTEM,
    ...(metadata && Object.keys(metadata).length > 0 ? { metadataFraAvleverendeSystem: metadata } : {}),
  };
}

const errorBodySchema = z.object({ message: z.string().nullish(), errorCode: z.string().nullish() }).passthrough();
const sendResponseSchema = z.object({ id: z.string().min(1) });
const lookupResponseSchema = z.object({ forsendelseIds: z.array(z.string()) });
const statusResponseSchema = z.object({
  statuser: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      // v2 sends ISO date-time; v1 sent epoch milliseconds.
      sisteStatusEndring: z.union([z.string(), z.number()]).nullish(),
    }),
  ),
});

/**
 * SvarUt's message text for an error, if it cannot contain personal data: not when it holds any of
 * the letter's personal values, a run of 6+ digits (a national id or part of one) or is long.
 */
function safeMessage(text: string | null | undefined, personal: readonly string[]): string | null {
  if (!text) return null;
  const t = text.trim();
  if (t === "" || t.length > 300 || /\d{6,}/.test(t)) return null;
  const lower = t.toLowerCase();
  for (const p of personal) {
    const v = p.trim().toLowerCase();
    if (v.length >= 2 && lower.includes(v)) return null;
  }
  return t;
}

function personalValues(letter: SvarUtLetter | undefined): string[] {
  if (!letter) return [];
  const a = letter.recipient.postAddress;
  return [
    letter.recipient.nationalId,
    letter.recipient.name,
    ...letter.recipient.name.split(/\s+/).filter((w) => w.length >= 3),
    ...(a ? [...a.lines, a.city] : []),
  ];
}

function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, "") + path;
}

export function createSvarUtClient(
  config: SvarUtConfig,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): SvarUtClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const accountPath = `${SVARUT_API_PATH}/kontoer/${encodeURIComponent(config.accountId)}/forsendelser`;

  async function headers(): Promise<Record<string, string>> {
    let token: string;
    try {
      token = await config.accessToken();
    } catch (error) {
      if (error instanceof SvarUtError) throw error;
      // Maskinporten down or misconfigured: the letter can be sent later.
      throw new SvarUtError("unavailable", "SvarUt: no Maskinporten access token");
    }
    return {
      authorization: `Bearer ${token}`,
      integrasjonid: config.integrationId,
      integrasjonpassord: config.integrationPassword,
      accept: "application/json",
    };
  }

  /** One HTTP call; every failure becomes a SvarUtError. Returns the parsed JSON of a 2xx answer. */
  async function call(operation: string, path: string, init: RequestInit, letter?: SvarUtLetter): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(joinUrl(config.baseUrl, path), {
        ...init,
        headers: { ...(await headers()), ...(init.headers as Record<string, string> | undefined) },
        // The integration password is a custom header that fetch would carry along to another host.
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error instanceof SvarUtError) throw error;
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      logger.warn("svarut.call_failed", { operation, reason: timedOut ? "timeout" : "network" });
      throw new SvarUtError("unavailable", `SvarUt ${operation}: ${timedOut ? "timed out" : "network error"}`);
    }

    const text = await response.text().catch(() => "");
    if (response.ok) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // A 200 we cannot read: for a send the lookup on retry finds it, so it is safe to retry.
        throw new SvarUtError("unavailable", `SvarUt ${operation}: unreadable answer (HTTP ${response.status})`);
      }
    }

    let body: z.infer<typeof errorBodySchema> | null = null;
    try {
      const parsed = errorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) body = parsed.data;
    } catch {
      body = null;
    }
    const status = response.status;
    const errorCode = body?.errorCode && /^[\w.-]{1,80}$/.test(body.errorCode) ? body.errorCode : null;
    const detail = safeMessage(body?.message, personalValues(letter)) ?? errorCode ?? `HTTP ${status}`;
    logger.warn("svarut.call_refused", { operation, httpStatus: status, errorCode });
    const message = `SvarUt ${operation}: HTTP ${status}: ${detail}`;
    if (status >= 500 || status === 408 || status === 429) throw new SvarUtError("unavailable", message);
    if (status === 401 || status === 403) throw new SvarUtError("unauthorized", message);
    if (status === 404) throw new SvarUtError("not_found", message);
    if (status >= 400) throw new SvarUtError("refused", message);
    // A redirect means a wrong baseUrl: retrying will not help.
    throw new SvarUtError("unavailable", message, false);
  }

  function parse<T>(schema: z.ZodType<T>, data: unknown, operation: string): T {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new SvarUtError("unavailable", `SvarUt ${operation}: unexpected answer`);
    return parsed.data;
  }

  async function findByExternalReference(externalReference: string): Promise<string[]> {
    const query = new URLSearchParams({ eksternRef: externalReference });
    const data = await call("lookup", `${accountPath}/?${query.toString()}`, { method: "GET" });
    return parse(lookupResponseSchema, data, "lookup").forsendelseIds;
  }

  return {
    async send(letter) {
      const ref = letter.externalReference.trim();
      // Without a reference the look-up below cannot prevent a second letter.
      if (ref === "" || ref.length > 100) {
        throw new SvarUtError("refused", "SvarUt send: externalReference must be 1-100 characters");
      }

      const existing = await findByExternalReference(letter.externalReference);
      if (existing.length > 0) {
        if (existing.length > 1) logger.warn("svarut.duplicate_reference", { count: existing.length });
        return { forsendelseId: existing[0]!, alreadySent: true };
      }

      const form = new FormData();
      // A plain string part, as KS's client sends it (no file name).
      form.append("forsendelse", JSON.stringify(toForsendelseJson(letter)));
      form.append("filer", new Blob([letter.document.bytes as Uint8Array<ArrayBuffer>], { type: PDF_MIME }), letter.document.fileName);
      const data = await call("send", `${accountPath}/`, { method: "POST", body: form }, letter);
      const { id } = parse(sendResponseSchema, data, "send");
      logger.info("svarut.sent", { forsendelseId: id });
      return { forsendelseId: id, alreadySent: false };
    },

    async status(forsendelseIds) {
      const result = new Map<string, { status: SvarUtDeliveryStatus; changedAt: Date | null }>();
      const ids = [...new Set(forsendelseIds)];
      for (let i = 0; i < ids.length; i += STATUS_BATCH) {
        const batch = ids.slice(i, i + STATUS_BATCH);
        const data = await call("status", `${accountPath}/status-sok`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ forsendelseIds: batch }),
        });
        for (const s of parse(statusResponseSchema, data, "status").statuser) {
          if (!batch.includes(s.id)) continue;
          const changed = s.sisteStatusEndring == null ? null : new Date(s.sisteStatusEndring);
          result.set(s.id, {
            status: mapSvarUtStatus(s.status),
            changedAt: changed && !Number.isNaN(changed.getTime()) ? changed : null,
          });
        }
      }
      // A bulk search leaves out ids it does not know: every asked id gets an answer.
      for (const id of ids) if (!result.has(id)) result.set(id, { status: "unknown", changedAt: null });
      return result;
    },
  };
}
