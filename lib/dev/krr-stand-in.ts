// A local stand-in for KRR's Oppslagstjenesten REST, for development and tests only. Same path and
// shape as the real service (docs.digdir.no "Oppslagstjenesten REST", "Attributter i KRR"):
// POST /rest/v1/personer, Bearer token, body { "personidentifikatorer": [1..1000 numbers] }, answer
// { "personer": [...] } with one entry per distinct number asked for, in the order asked.
// - Which fields come back depends on the token's scopes, like the real service: the reservation
//   and status always; kontaktinformasjon, varslingsstatus and spraak with
//   krr:global/kontaktinformasjon.read; digital_post with krr:global/digitalpost.read. A token with
//   neither is refused with 401.
// - SLETTET persons come without contact details, mailbox or reservation; an unknown number is
//   answered { personidentifikator, status: "IKKE_REGISTRERT" } (v1; v2's inkluderIkkeRegistrerte
//   flag is not modelled).
// - failNext(count, status) answers the next requests with an error (default 503) to simulate an
//   outage; lookups() counts the requests that reached the endpoint.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { KRR_TEST_PERSONS, type KrrRawPerson } from "./krr-test-persons";

const PATH = "/rest/v1/personer";
const MAX_PER_REQUEST = 1000;
const MAX_BODY_BYTES = 1024 * 1024;
const SCOPE_CONTACT = "krr:global/kontaktinformasjon.read";
const SCOPE_DIGITAL_POST = "krr:global/digitalpost.read";

const requestSchema = z.object({
  personidentifikatorer: z.array(z.string().regex(/^\d{11}$/)).min(1).max(MAX_PER_REQUEST),
});

export type KrrStandIn = {
  url: string;
  close(): Promise<void>;
  failNext(count: number, status?: number): void;
  lookups(): number;
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The record as the real service would hand it out for the granted scopes. */
function answerFor(person: KrrRawPerson | undefined, id: string, scopes: { contact: boolean; digitalPost: boolean }): KrrRawPerson {
  if (!person || person.status === "IKKE_REGISTRERT") return { personidentifikator: id, status: "IKKE_REGISTRERT" };
  if (person.status === "SLETTET") return { personidentifikator: id, status: "SLETTET" };
  const out: KrrRawPerson = { personidentifikator: id, status: person.status, reservasjon: person.reservasjon ?? "NEI" };
  if (scopes.contact) {
    if (person.varslingsstatus) out.varslingsstatus = person.varslingsstatus;
    if (person.kontaktinformasjon) out.kontaktinformasjon = { ...person.kontaktinformasjon };
    if (person.spraak) out.spraak = person.spraak;
    if (person.spraak_oppdatert) out.spraak_oppdatert = person.spraak_oppdatert;
  }
  if (scopes.digitalPost && person.digital_post) out.digital_post = { ...person.digital_post };
  return out;
}

export async function startKrrStandIn(options: {
  port?: number;
  host?: string;
  authorize: (authorizationHeader: string | undefined, scope: string) => Promise<boolean>;
  persons?: typeof KRR_TEST_PERSONS;
}): Promise<KrrStandIn> {
  const host = options.host ?? "127.0.0.1";
  const register = new Map((options.persons ?? KRR_TEST_PERSONS).map((p) => [p.personidentifikator, p]));
  let failures: { remaining: number; status: number } = { remaining: 0, status: 503 };
  let lookupCount = 0;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    if (path !== PATH) return send(res, 404, { error: "not_found" });
    if (req.method !== "POST") return send(res, 405, { error: "method_not_allowed" }, { allow: "POST" });
    lookupCount++;
    const body = await readBody(req);

    if (failures.remaining > 0) {
      failures.remaining--;
      return send(res, failures.status, { error: "service_unavailable" });
    }

    const header = req.headers.authorization;
    const [contact, digitalPost] = await Promise.all([options.authorize(header, SCOPE_CONTACT), options.authorize(header, SCOPE_DIGITAL_POST)]);
    if (!contact && !digitalPost) {
      return send(res, 401, { error: "invalid_token" }, { "www-authenticate": 'Bearer error="invalid_token"' });
    }

    if (body === null) return send(res, 413, { error: "payload_too_large" });
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
      return send(res, 415, { error: "unsupported_media_type" });
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return send(res, 400, { error: "bad_request", error_description: "Body is not JSON" });
    }
    const parsed = requestSchema.safeParse(json);
    if (!parsed.success) {
      return send(res, 400, { error: "bad_request", error_description: "personidentifikatorer must hold 1 to 1000 numbers of 11 digits" });
    }

    const ids = [...new Set(parsed.data.personidentifikatorer)];
    send(res, 200, { personer: ids.map((id) => answerFor(register.get(id), id, { contact, digitalPost })) });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: "server_error" });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    failNext(count, status = 503) {
      failures = { remaining: count, status };
    },
    lookups: () => lookupCount,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
