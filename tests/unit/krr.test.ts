// The KRR client against the KRR stand-in over real HTTP, authorised by real tokens from the
// Maskinporten stand-in (both on port 0, 127.0.0.1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createKrrClient, KrrError, KRR_SCOPES, type KrrPerson } from "@/lib/integrations/krr";
import { maskinportenTokenSource, MaskinportenError, type AccessTokenSource } from "@/lib/integrations/maskinporten";
import { startMaskinportenStandIn, type MaskinportenStandIn } from "@/lib/dev/maskinporten-stand-in";
import { accessTokenVerifier } from "@/lib/dev/access-token-verifier";
import { startKrrStandIn, type KrrStandIn } from "@/lib/dev/krr-stand-in";
import { KRR_TEST_PERSONS, type KrrRawPerson } from "@/lib/dev/krr-test-persons";
import { TEST_PERSONS } from "@/lib/dev/test-persons";
import { isValidNationalId } from "@/lib/domain/national-id";

const SCOPE_CONTACT = "krr:global/kontaktinformasjon.read";
const SCOPE_DIGITAL_POST = "krr:global/digitalpost.read";
const UNKNOWN = "30868345035"; // valid synthetic number, in no register

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const privateKeyPem = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const publicKeyPem = keys.publicKey.export({ type: "spki", format: "pem" }).toString();

let mp: MaskinportenStandIn;
let krr: KrrStandIn;
let tokens: AccessTokenSource;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  mp = await startMaskinportenStandIn({
    clients: [{ clientId: "portal", publicKeyPem, scopes: [SCOPE_CONTACT, SCOPE_DIGITAL_POST, "other:scope"] }],
  });
  closers.push(() => mp.close());
  krr = await startKrrStandIn({ authorize: accessTokenVerifier({ issuer: mp.issuer, jwksUri: mp.jwksUri }) });
  closers.push(() => krr.close());
  tokens = maskinportenTokenSource({ tokenEndpoint: mp.tokenEndpoint, audience: mp.issuer, clientId: "portal", privateKeyPem, keyId: "k1" });
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function krrError(promise: Promise<unknown>): Promise<KrrError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KrrError);
  return error as KrrError;
}

async function startServer(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("test register", () => {
  it("holds the four ID-porten test persons and only valid synthetic numbers", () => {
    const ids = KRR_TEST_PERSONS.map((p) => p.personidentifikator);
    for (const person of TEST_PERSONS) expect(ids).toContain(person.pid);
    for (const id of [...ids, UNKNOWN]) {
      expect(isValidNationalId(id, { allowSynthetic: true })).toBe(true);
      expect(isValidNationalId(id)).toBe(false); // synthetic: never a real person's number
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(UNKNOWN);
  });
});

describe("KRR client against the stand-in", () => {
  it("uses the verified scope names", () => {
    expect(KRR_SCOPES).toEqual([SCOPE_CONTACT, SCOPE_DIGITAL_POST]);
  });

  it("maps every test person, and an unknown number to not_registered", async () => {
    const client = createKrrClient({ baseUrl: krr.url, accessToken: tokens });
    const ids = [...KRR_TEST_PERSONS.map((p) => p.personidentifikator), UNKNOWN];
    const result = await client.lookup(ids);
    expect([...result.keys()].sort()).toEqual([...ids].sort());

    const expected: Record<string, Omit<KrrPerson, "nationalId">> = {
      "15859110190": { status: "active", reserved: false, hasDigitalMailbox: true, language: "nb" }, // A
      "03917810019": { status: "active", reserved: true, hasDigitalMailbox: false, language: "nb" }, // B
      "22870510083": { status: "active", reserved: false, hasDigitalMailbox: true, language: "nn" }, // C
      "09836410073": { status: "active", reserved: false, hasDigitalMailbox: true, language: "en" }, // D
      "12848740088": { status: "deleted", reserved: false, hasDigitalMailbox: false, language: null },
      "27895230052": { status: "active", reserved: false, hasDigitalMailbox: false, language: "nb" },
      "05929920017": { status: "active", reserved: false, hasDigitalMailbox: true, language: "se" },
      "18817010160": { status: "active", reserved: true, hasDigitalMailbox: true, language: null },
      [UNKNOWN]: { status: "not_registered", reserved: false, hasDigitalMailbox: false, language: null },
    };
    for (const [id, facts] of Object.entries(expected)) expect(result.get(id)).toEqual({ nationalId: id, ...facts });
  });

  it("keeps no e-mail, mobile or mailbox address (and the stand-in did send them)", async () => {
    // The raw answer, straight from the stand-in, carries contact details ...
    const token = await tokens(KRR_SCOPES);
    const raw = await (
      await fetch(`${krr.url}/rest/v1/personer`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ personidentifikatorer: ["15859110190"] }),
      })
    ).text();
    expect(raw).toContain("epostadresse");
    expect(raw).toContain("15859110190-test@krr.example");
    expect(raw).toContain("mobiltelefonnummer");
    expect(raw).toContain("testperson.a#1A2B");

    // ... the client's result does not.
    const result = await createKrrClient({ baseUrl: krr.url, accessToken: tokens }).lookup(KRR_TEST_PERSONS.map((p) => p.personidentifikator));
    const json = JSON.stringify([...result.values()]);
    expect(json).not.toContain("@");
    expect(json).not.toMatch(/epost|mobil|postkasse|varsling|\+47|#/);
    for (const person of KRR_TEST_PERSONS) {
      const c = person.kontaktinformasjon;
      if (c?.epostadresse) expect(json).not.toContain(c.epostadresse);
      if (c?.mobiltelefonnummer) expect(json).not.toContain(c.mobiltelefonnummer);
      if (person.digital_post) expect(json).not.toContain(person.digital_post.postkasseadresse);
    }
    for (const person of result.values()) expect(Object.keys(person).sort()).toEqual(["hasDigitalMailbox", "language", "nationalId", "reserved", "status"]);
  });

  it("a token with only one KRR scope gets only that part of the answer", async () => {
    const id = "15859110190";
    const contactOnly = await createKrrClient({ baseUrl: krr.url, accessToken: tokens, scopes: [SCOPE_CONTACT] }).lookup([id]);
    expect(contactOnly.get(id)).toMatchObject({ status: "active", hasDigitalMailbox: false, language: "nb" });
    const postOnly = await createKrrClient({ baseUrl: krr.url, accessToken: tokens, scopes: [SCOPE_DIGITAL_POST] }).lookup([id]);
    expect(postOnly.get(id)).toMatchObject({ status: "active", hasDigitalMailbox: true, language: null });
  });

  it("an empty list asks nothing; duplicates are asked once", async () => {
    const client = createKrrClient({ baseUrl: krr.url, accessToken: tokens });
    const before = krr.lookups();
    expect((await client.lookup([])).size).toBe(0);
    expect(krr.lookups()).toBe(before);
    const result = await client.lookup(["22870510083", "22870510083"]);
    expect(result.size).toBe(1);
    expect(krr.lookups()).toBe(before + 1);
  });

  it("splits more than 1000 numbers into requests of at most 1000", async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => String(10_000_000_000 + i));
    ids.push("09836410073");
    const before = krr.lookups();
    const result = await createKrrClient({ baseUrl: krr.url, accessToken: tokens }).lookup(ids);
    expect(krr.lookups() - before).toBe(2);
    expect(result.size).toBe(1501);
    expect(result.get("09836410073")?.language).toBe("en");
    expect(result.get("10000000000")?.status).toBe("not_registered");
  });

  it("refuses numbers that are not 11 digits without naming them, before any request", async () => {
    const before = krr.lookups();
    const error = await krrError(createKrrClient({ baseUrl: krr.url, accessToken: tokens }).lookup(["1585911019", "15859110190"]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).not.toContain("1585911019");
    expect(krr.lookups()).toBe(before);
  });

  it("an outage is KrrError unavailable; the next look-up works again", async () => {
    const client = createKrrClient({ baseUrl: krr.url, accessToken: tokens });
    krr.failNext(1);
    const error = await krrError(client.lookup(["15859110190"]));
    expect(error.code).toBe("unavailable");
    expect(error.message).not.toContain("15859110190");
    krr.failNext(1, 500);
    expect((await krrError(client.lookup(["15859110190"]))).code).toBe("unavailable");
    expect((await client.lookup(["15859110190"])).get("15859110190")?.status).toBe("active");
  });

  it("unreachable and hanging services are unavailable too", async () => {
    const closed = await startKrrStandIn({ authorize: async () => true });
    const closedUrl = closed.url;
    await closed.close();
    expect((await krrError(createKrrClient({ baseUrl: closedUrl, accessToken: tokens }).lookup(["15859110190"]))).code).toBe("unavailable");

    const hangingUrl = await startServer(() => {});
    const error = await krrError(createKrrClient({ baseUrl: hangingUrl, accessToken: tokens }, { timeoutMs: 200 }).lookup(["15859110190"]));
    expect(error.code).toBe("unavailable");
    expect(error.message).toMatch(/in time/);
  });

  it("without a valid token: unauthorized (no token, junk, another issuer's token, wrong scope)", async () => {
    const noHeader = await fetch(`${krr.url}/rest/v1/personer`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personidentifikatorer: ["15859110190"] }),
    });
    expect(noHeader.status).toBe(401);
    expect(await noHeader.text()).not.toContain("15859110190");

    const junk = createKrrClient({ baseUrl: krr.url, accessToken: async () => "junk" });
    expect((await krrError(junk.lookup(["15859110190"]))).code).toBe("unauthorized");

    const foreign = await startMaskinportenStandIn({ clients: [{ clientId: "portal", publicKeyPem, scopes: KRR_SCOPES as string[] }] });
    closers.push(() => foreign.close());
    const foreignTokens = maskinportenTokenSource({ tokenEndpoint: foreign.tokenEndpoint, audience: foreign.issuer, clientId: "portal", privateKeyPem, keyId: "k1" });
    expect((await krrError(createKrrClient({ baseUrl: krr.url, accessToken: foreignTokens }).lookup(["15859110190"]))).code).toBe("unauthorized");

    const wrongScope = createKrrClient({ baseUrl: krr.url, accessToken: tokens, scopes: ["other:scope"] });
    expect((await krrError(wrongScope.lookup(["15859110190"]))).code).toBe("unauthorized");
  });

  it("a failing token source: unauthorized, or unavailable when Maskinporten is down", async () => {
    const refused = createKrrClient({ baseUrl: krr.url, accessToken: async () => Promise.reject(new MaskinportenError("invalid_scope")) });
    expect((await krrError(refused.lookup(["15859110190"]))).code).toBe("unauthorized");
    const down = createKrrClient({ baseUrl: krr.url, accessToken: async () => Promise.reject(new MaskinportenError("unavailable")) });
    expect((await krrError(down.lookup(["15859110190"]))).code).toBe("unavailable");
  });

  it("sends the real request shape: POST /rest/v1/personer, Bearer token, { personidentifikatorer }", async () => {
    let seen: { method?: string; url?: string; auth?: string; type?: string; body?: unknown } = {};
    const url = await startServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen = { method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers["content-type"], body: JSON.parse(body) };
        res.writeHead(200, { "content-type": "application/json" });
        // An answer that leaves one person out.
        res.end(JSON.stringify({ personer: [{ personidentifikator: "15859110190", reservasjon: "NEI", status: "AKTIV", spraak: "NN" }] }));
      });
    });
    const result = await createKrrClient({ baseUrl: `${url}/`, accessToken: async () => "tok" }).lookup(["15859110190", "22870510083"]);
    expect(seen).toEqual({ method: "POST", url: "/rest/v1/personer", auth: "Bearer tok", type: "application/json", body: { personidentifikatorer: ["15859110190", "22870510083"] } });
    // Case-insensitive language; the missing person is not_registered.
    expect(result.get("15859110190")).toEqual({ nationalId: "15859110190", status: "active", reserved: false, hasDigitalMailbox: false, language: "nn" });
    expect(result.get("22870510083")).toEqual({ nationalId: "22870510083", status: "not_registered", reserved: false, hasDigitalMailbox: false, language: null });
  });

  it("unknown language codes become null", async () => {
    const persons: KrrRawPerson[] = [
      { personidentifikator: "15859110190", reservasjon: "NEI", status: "AKTIV", spraak: "fr" },
      { personidentifikator: "22870510083", reservasjon: "NEI", status: "AKTIV", spraak: "" },
    ];
    const custom = await startKrrStandIn({ authorize: accessTokenVerifier({ issuer: mp.issuer, jwksUri: mp.jwksUri }), persons });
    closers.push(() => custom.close());
    const result = await createKrrClient({ baseUrl: custom.url, accessToken: tokens }).lookup(["15859110190", "22870510083"]);
    expect(result.get("15859110190")?.language).toBeNull();
    expect(result.get("22870510083")?.language).toBeNull();
  });

  it("a malformed answer is invalid_response, without quoting it", async () => {
    const url = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ personer: [{ personidentifikator: "15859110190", status: "VET_IKKE", kontaktinformasjon: { epostadresse: "x@krr.example" } }] }));
    });
    const error = await krrError(createKrrClient({ baseUrl: url, accessToken: async () => "tok" }).lookup(["15859110190"]));
    expect(error.code).toBe("invalid_response");
    expect(error.message).not.toMatch(/15859110190|@/);
  });
});

describe("KRR stand-in request validation", () => {
  async function post(body: unknown, contentType = "application/json") {
    const token = await tokens(KRR_SCOPES);
    return fetch(`${krr.url}/rest/v1/personer`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": contentType },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  it("400 for more than 1000 numbers, none, malformed ones or a body that is not JSON", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => String(10_000_000_000 + i));
    expect((await post({ personidentifikatorer: many })).status).toBe(400);
    expect((await post({ personidentifikatorer: many.slice(0, 1000) })).status).toBe(200);
    expect((await post({ personidentifikatorer: [] })).status).toBe(400);
    expect((await post({ personidentifikatorer: ["123"] })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ personidentifikatorer: ["15859110190"] }, "text/plain")).status).toBe(415);
  });

  it("answers unknown numbers with status IKKE_REGISTRERT and deleted persons without details", async () => {
    const res = await post({ personidentifikatorer: [UNKNOWN, "12848740088"] });
    expect(await res.json()).toEqual({
      personer: [
        { personidentifikator: UNKNOWN, status: "IKKE_REGISTRERT" },
        { personidentifikator: "12848740088", status: "SLETTET" },
      ],
    });
  });
});
