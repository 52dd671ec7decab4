/**
 * A local SvarUt for tests and demo mode: a real HTTP server that speaks the REST v2 protocol that
 * lib/integrations/svarut.ts talks (paths, headers, multipart parts and JSON field names are
 * described there). It keeps forsendelser in memory and moves their status on when told to
 * (`advanceAll`) or on a timer (`advanceAfterMs`).
 *
 * What it checks like the real service: the Maskinporten bearer (`authorize`, scope ks:fiks), the
 * IntegrasjonId/IntegrasjonPassord of the account in the path, the forsendelse JSON (title,
 * recipient, documents, fødselsnummer, PDF, post address unless digital only) and that every
 * document has its `filer` part. The errorCode values are this stand-in's own: KS documents the
 * ErrorMessage shape, not its codes.
 *
 * It stores only a masked national id, never the recipient's name or address. The demo read
 * endpoints (/_standin/...) have no authentication: bind them to 127.0.0.1 (the default).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { SVARUT_API_PATH, SVARUT_SCOPE } from "@/lib/integrations/svarut";
import { isValidNationalId, maskNationalId } from "@/lib/domain/national-id";

export type StandInForsendelse = {
  id: string;
  accountId: string;
  externalReference: string;
  title: string;
  /** e.g. "150591*****" */
  recipientNationalIdMasked: string;
  requireLevel4Login: boolean;
  onlyDigital: boolean;
  channel: "digital" | "print";
  /** Protocol values, e.g. MOTTATT, oldest first. */
  statusHistory: { status: string; at: Date }[];
  documents: { fileName: string; mimeType: string; size: number }[];
  receivedAt: Date;
  /** metadataFraAvleverendeSystem as received (Noark case and journal numbers), if any. */
  caseReference: { caseYear?: number; caseSequence?: number; journalYear?: number; journalSequence?: number } | null;
};

export type SvarUtStandIn = {
  url: string;
  close(): Promise<void>;
  list(): StandInForsendelse[];
  document(id: string, index: number): { fileName: string; mimeType: string; bytes: Uint8Array } | null;
  /** One step for every forsendelse not at its last status. */
  advanceAll(): void;
  /** Sets a status directly (e.g. MANUELT_HANDTERT), for tests and demos of the unhappy paths. */
  setStatus(id: string, status: string): void;
  /** Answer 503 (or `status`) to the next `count` send calls. */
  failNext(count: number, status?: number): void;
  /** Store the next forsendelse, then destroy the socket without answering. */
  dropAfterAcceptNext(): void;
  /** Forsendelser actually stored. */
  sendCount(): number;
};

type Account = { accountId: string; integrationId: string; integrationPassword: string };

// The real service's flows, shortened to the statuses a sender sees (forsendelseStatus.json).
const DIGITAL_FLOW = ["MOTTATT", "AKSEPTERT", "LEVERT_SDP", "LEST"] as const;
const PRINT_FLOW = ["MOTTATT", "AKSEPTERT", "SENDT_PRINT", "PRINTET"] as const;
/** Digital only, but the recipient has no digital mailbox: SvarUt gives up. */
const UNDELIVERABLE_FLOW = ["MOTTATT", "AKSEPTERT", "IKKE_LEVERT"] as const;

const MAX_BODY_BYTES = 25 * 1024 * 1024;
const NORWAY = /^(no|nor|norge|noreg|norway)?$/i;

type Stored = StandInForsendelse & {
  flow: readonly string[];
  files: { fileName: string; mimeType: string; bytes: Uint8Array }[];
};

const optionalText = z.string().nullish();
const optionalInt = z.number().int().nullish();
const forsendelseSchema = z.object({
  tittel: z.string().trim().min(1).max(1000),
  eksternReferanse: z.string().max(100).nullish(),
  mottaker: z.object({
    navn: z.string().trim().min(1),
    digitalId: optionalText,
    adresselinje1: optionalText,
    adresselinje2: optionalText,
    adresselinje3: optionalText,
    postnummer: optionalText,
    poststed: optionalText,
    land: optionalText,
  }),
  dokumenter: z
    .array(
      z.object({
        filnavn: z.string().min(1).max(226).regex(/^[^*:"\\/<>|?]+$/),
        mimeType: z.string().min(1),
      }),
    )
    .min(1),
  krevNiva4Innlogging: z.boolean().nullish(),
  kunDigitalLevering: z.boolean().nullish(),
  metadataFraAvleverendeSystem: z
    .object({ saksaar: optionalInt, sakssekvensnummer: optionalInt, journalaar: optionalInt, journalsekvensnummer: optionalInt })
    .nullish(),
});
const statusSearchSchema = z.object({ forsendelseIds: z.array(z.string()).max(1000) });

class HttpError extends Error {
  constructor(
    public status: number,
    public errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  413: "Payload Too Large",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Constant-time comparison, so the stand-in does not teach callers a timing shortcut. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: http.ServerResponse, path: string, error: HttpError): void {
  // The ErrorMessage shape of the v2 OpenAPI files.
  sendJson(res, error.status, {
    timestamp: Date.now(),
    status: error.status,
    error: REASON[error.status] ?? "Error",
    errorId: randomUUID(),
    path,
    originalPath: path,
    message: error.message,
    errorCode: error.errorCode,
  });
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "FOR_STOR", "Forespørselen er for stor.");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
}

/** A short, value-free description of what is wrong (messages never echo what was sent). */
function describeIssues(error: z.ZodError): string {
  const paths = [...new Set(error.issues.map((i) => i.path.join(".") || "forsendelse"))];
  return `Ugyldig forsendelse: ${paths.slice(0, 5).join(", ")} mangler eller er ugyldig.`;
}

export async function startSvarUtStandIn(options: {
  port?: number;
  host?: string;
  authorize: (authorizationHeader: string | undefined, scope: string) => Promise<boolean>;
  accounts: Account[];
  recipientChannel?: (nationalId: string) => "digital" | "print";
  advanceAfterMs?: number;
}): Promise<SvarUtStandIn> {
  const host = options.host ?? "127.0.0.1";
  const store: Stored[] = [];
  let failures = { count: 0, status: 503 };
  let dropNext = false;

  function step(f: Stored, status: string, at = new Date()): void {
    f.statusHistory.push({ status, at });
  }

  function advance(f: Stored): void {
    const current = f.statusHistory[f.statusHistory.length - 1]!.status;
    const index = f.flow.indexOf(current);
    // A status set from outside the flow (setStatus) is final.
    if (index < 0 || index >= f.flow.length - 1) return;
    step(f, f.flow[index + 1]!);
  }

  async function checkAuth(req: http.IncomingMessage, accountId: string): Promise<Account> {
    let allowed = false;
    try {
      allowed = await options.authorize(header(req, "authorization"), SVARUT_SCOPE);
    } catch {
      throw new HttpError(500, "SYSTEMFEIL", "Kunne ikke kontrollere tilgangstoken.");
    }
    if (!allowed) throw new HttpError(401, "UGYLDIG_TOKEN", "Mangler eller ugyldig Maskinporten-token.");
    const integrationId = header(req, "integrasjonid") ?? "";
    const password = header(req, "integrasjonpassord") ?? "";
    const account = options.accounts.find((a) => a.accountId === accountId);
    // One answer for an unknown account, a wrong integration and a wrong password: no probing.
    if (!account || !sameSecret(account.integrationId, integrationId) || !sameSecret(account.integrationPassword, password)) {
      throw new HttpError(403, "INGEN_TILGANG", "Integrasjonen har ikke tilgang til kontoen.");
    }
    return account;
  }

  async function receive(req: http.IncomingMessage, body: Buffer, account: Account): Promise<Stored> {
    const contentType = header(req, "content-type") ?? "";
    if (!/^multipart\/form-data/i.test(contentType)) {
      throw new HttpError(400, "UGYLDIG_FORMAT", "Forventet multipart/form-data.");
    }
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new HttpError(400, "UGYLDIG_FORMAT", "Kunne ikke lese multipart-innholdet.");
    }
    const part = form.get("forsendelse");
    if (part === null) throw new HttpError(400, "MANGLER_FORSENDELSE", "Mangler delen forsendelse.");
    const jsonText = typeof part === "string" ? part : await part.text();
    let json: unknown;
    try {
      json = JSON.parse(jsonText);
    } catch {
      throw new HttpError(400, "UGYLDIG_JSON", "Forsendelsen er ikke gyldig JSON.");
    }
    const parsed = forsendelseSchema.safeParse(json);
    if (!parsed.success) throw new HttpError(400, "VALIDERINGSFEIL", describeIssues(parsed.error));
    const f = parsed.data;
    const onlyDigital = f.kunDigitalLevering ?? false;
    const digitalId = f.mottaker.digitalId ?? null;

    // Synthetic (Tenor) numbers are accepted: SvarUt's test environment uses synthetic persons.
    if (digitalId !== null && !isValidNationalId(digitalId, { allowSynthetic: true })) {
      throw new HttpError(400, "UGYLDIG_FODSELSNUMMER", "mottaker.digitalId er ikke et gyldig fødselsnummer.");
    }
    if (onlyDigital && digitalId === null) {
      throw new HttpError(400, "VALIDERINGSFEIL", "mottaker.digitalId er påkrevd ved kun digital levering.");
    }
    if (!onlyDigital) {
      // The v2 API: poststed is required unless digital only, postnummer for a Norwegian address.
      const norwegian = NORWAY.test((f.mottaker.land ?? "").trim());
      if (!f.mottaker.poststed?.trim() || (norwegian && !/^\d{4}$/.test(f.mottaker.postnummer ?? ""))) {
        throw new HttpError(400, "MANGLER_POSTADRESSE", "mottaker må ha postadresse når forsendelsen ikke er kun digital.");
      }
    }

    const names = f.dokumenter.map((d) => d.filnavn);
    if (new Set(names).size !== names.length) throw new HttpError(400, "VALIDERINGSFEIL", "dokumenter: filnavn må være unike.");
    const parts = form.getAll("filer").filter((p): p is File => typeof p !== "string");
    const files: Stored["files"] = [];
    for (const [i, d] of f.dokumenter.entries()) {
      const file = parts.find((p) => p.name === d.filnavn);
      if (!file) throw new HttpError(400, "MANGLER_FIL", `dokumenter[${i}]: mangler filen i delen filer.`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      // This portal only sends letters that may be printed: one PDF.
      if (d.mimeType !== "application/pdf" || !isPdf(bytes)) {
        throw new HttpError(400, "UGYLDIG_DOKUMENT", `dokumenter[${i}]: dokumentet må være en PDF (application/pdf).`);
      }
      files.push({ fileName: d.filnavn, mimeType: d.mimeType, bytes });
    }

    const mailbox = digitalId === null ? "print" : (options.recipientChannel?.(digitalId) ?? "digital");
    const flow = onlyDigital ? (mailbox === "digital" ? DIGITAL_FLOW : UNDELIVERABLE_FLOW) : mailbox === "digital" ? DIGITAL_FLOW : PRINT_FLOW;
    const m = f.metadataFraAvleverendeSystem;
    const caseReference = m
      ? {
          ...(m.saksaar != null ? { caseYear: m.saksaar } : {}),
          ...(m.sakssekvensnummer != null ? { caseSequence: m.sakssekvensnummer } : {}),
          ...(m.journalaar != null ? { journalYear: m.journalaar } : {}),
          ...(m.journalsekvensnummer != null ? { journalSequence: m.journalsekvensnummer } : {}),
        }
      : null;
    const now = new Date();
    const stored: Stored = {
      id: randomUUID(),
      accountId: account.accountId,
      externalReference: f.eksternReferanse ?? "",
      title: f.tittel,
      recipientNationalIdMasked: digitalId === null ? "" : maskNationalId(digitalId),
      requireLevel4Login: f.krevNiva4Innlogging ?? false,
      onlyDigital,
      channel: onlyDigital ? "digital" : mailbox,
      statusHistory: [{ status: flow[0]!, at: now }],
      documents: files.map((x) => ({ fileName: x.fileName, mimeType: x.mimeType, size: x.bytes.length })),
      receivedAt: now,
      caseReference,
      flow,
      files,
    };
    store.push(stored);
    return stored;
  }

  function view(f: Stored): StandInForsendelse {
    return {
      id: f.id,
      accountId: f.accountId,
      externalReference: f.externalReference,
      title: f.title,
      recipientNationalIdMasked: f.recipientNationalIdMasked,
      requireLevel4Login: f.requireLevel4Login,
      onlyDigital: f.onlyDigital,
      channel: f.channel,
      statusHistory: f.statusHistory.map((s) => ({ status: s.status, at: new Date(s.at) })),
      documents: f.documents.map((d) => ({ ...d })),
      receivedAt: new Date(f.receivedAt),
      caseReference: f.caseReference ? { ...f.caseReference } : null,
    };
  }

  function documentOf(id: string, index: number) {
    const file = store.find((f) => f.id === id)?.files[index];
    return file ? { fileName: file.fileName, mimeType: file.mimeType, bytes: new Uint8Array(file.bytes) } : null;
  }

  const accountRoute = new RegExp(`^${SVARUT_API_PATH}/kontoer/([^/]+)/forsendelser(/status-sok)?/?$`);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const path = url.pathname;
    const method = req.method ?? "GET";

    if (method === "GET" && path === "/_standin/forsendelser") {
      sendJson(res, 200, store.map(view));
      return;
    }
    const docMatch = /^\/_standin\/forsendelser\/([^/]+)\/dokumenter\/(\d+)$/.exec(path);
    if (method === "GET" && docMatch) {
      const doc = documentOf(decodeURIComponent(docMatch[1]!), Number(docMatch[2]));
      if (!doc) throw new HttpError(404, "IKKE_FUNNET", "Fant ikke dokumentet.");
      res.writeHead(200, {
        "content-type": doc.mimeType,
        "content-length": doc.bytes.length,
        "content-disposition": `inline; filename="${encodeURIComponent(doc.fileName)}"`,
      });
      res.end(Buffer.from(doc.bytes));
      return;
    }

    const match = accountRoute.exec(path);
    if (!match) throw new HttpError(404, "IKKE_FUNNET", "Ukjent adresse.");
    const accountId = decodeURIComponent(match[1]!);
    const isStatus = match[2] !== undefined;

    if (method === "POST" && !isStatus) {
      const body = await readBody(req);
      if (failures.count > 0) {
        failures = { ...failures, count: failures.count - 1 };
        throw new HttpError(failures.status, "SIMULERT_FEIL", "Simulert feil i SvarUt.");
      }
      const account = await checkAuth(req, accountId);
      const stored = await receive(req, body, account);
      if (dropNext) {
        dropNext = false;
        // Stored, but the sender never hears of it: like a crash between accept and answer.
        req.socket.destroy();
        return;
      }
      sendJson(res, 200, { id: stored.id });
      return;
    }

    if (method === "GET" && !isStatus) {
      await checkAuth(req, accountId);
      const ref = url.searchParams.get("eksternRef");
      if (ref === null) throw new HttpError(400, "VALIDERINGSFEIL", "Mangler parameteren eksternRef.");
      const ids = store.filter((f) => f.accountId === accountId && f.externalReference === ref).map((f) => f.id);
      sendJson(res, 200, { forsendelseIds: ids });
      return;
    }

    if (method === "POST" && isStatus) {
      const body = await readBody(req);
      await checkAuth(req, accountId);
      let json: unknown;
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        throw new HttpError(400, "UGYLDIG_JSON", "Forespørselen er ikke gyldig JSON.");
      }
      const parsed = statusSearchSchema.safeParse(json);
      if (!parsed.success) throw new HttpError(400, "VALIDERINGSFEIL", "forsendelseIds mangler eller er ugyldig.");
      const wanted = new Set(parsed.data.forsendelseIds);
      const statuser = store
        .filter((f) => f.accountId === accountId && wanted.has(f.id))
        .map((f) => {
          const last = f.statusHistory[f.statusHistory.length - 1]!;
          return { id: f.id, status: last.status, sisteStatusEndring: last.at.toISOString() };
        });
      sendJson(res, 200, { statuser });
      return;
    }

    throw new HttpError(404, "IKKE_FUNNET", "Ukjent adresse.");
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const httpError = error instanceof HttpError ? error : new HttpError(500, "SYSTEMFEIL", "Uventet feil.");
      if (res.headersSent || req.socket.destroyed) return;
      // Drain what the sender still sends, so it reads our answer instead of a reset.
      req.resume();
      sendError(res, new URL(req.url ?? "/", "http://stand-in").pathname, httpError);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let timer: ReturnType<typeof setInterval> | undefined;
  const advanceAfterMs = options.advanceAfterMs;
  if (advanceAfterMs !== undefined && advanceAfterMs > 0) {
    // Each forsendelse moves on once its current status is advanceAfterMs old.
    timer = setInterval(
      () => {
        const now = Date.now();
        for (const f of store) {
          const last = f.statusHistory[f.statusHistory.length - 1]!;
          if (now - last.at.getTime() >= advanceAfterMs) advance(f);
        }
      },
      Math.max(5, Math.min(advanceAfterMs / 2, 1000)),
    );
    timer.unref();
  }

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (timer) clearInterval(timer);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    list: () => store.map(view),
    document: documentOf,
    advanceAll: () => store.forEach(advance),
    setStatus: (id, status) => {
      const f = store.find((x) => x.id === id);
      if (!f) throw new Error(`SvarUt stand-in: unknown forsendelse ${id}`);
      step(f, status);
    },
    failNext: (count, status = 503) => {
      failures = { count, status };
    },
    dropAfterAcceptNext: () => {
      dropNext = true;
    },
    sendCount: () => store.length,
  };
}
