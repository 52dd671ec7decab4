// The Maskinporten client against the local stand-in over real HTTP (port 0 on 127.0.0.1), and the
// stand-in's own checks with hand-made grants.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPublicKey, generateKeyPairSync, randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { maskinportenTokenSource, MaskinportenError, type MaskinportenConfig } from "@/lib/integrations/maskinporten";
import { startMaskinportenStandIn, type MaskinportenStandIn } from "@/lib/dev/maskinporten-stand-in";
import { accessTokenVerifier } from "@/lib/dev/access-token-verifier";

function rsaKeys() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    privateKeyPkcs1Pem: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKey,
  };
}

const portal = rsaKeys();
const other = rsaKeys();
const SCOPE_A = "krr:global/kontaktinformasjon.read";
const SCOPE_B = "krr:global/digitalpost.read";
const SCOPE_FORBIDDEN = "ks:fiks";

/** A clock both sides share, so a test can move time forward. */
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

let mp: MaskinportenStandIn;
const started: MaskinportenStandIn[] = [];

function config(overrides: Partial<MaskinportenConfig> = {}): MaskinportenConfig {
  return {
    tokenEndpoint: mp.tokenEndpoint,
    audience: mp.issuer,
    clientId: "portal-client",
    privateKeyPem: portal.privateKeyPem,
    keyId: "portal-key-1",
    ...overrides,
  };
}

async function expectMaskinportenError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MaskinportenError);
  expect((error as MaskinportenError).code).toBe(code);
  if (message) expect((error as MaskinportenError).message).toMatch(message);
  // Never the key in an error.
  expect(String((error as Error).message)).not.toContain("PRIVATE KEY");
}

/** Posts a hand-made grant straight to the stand-in. */
async function postGrant(assertion: string, grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer") {
  const res = await fetch(mp.tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: grantType, assertion }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function grant(claims: Record<string, unknown> = {}, opts: { iat?: number; exp?: number; key?: typeof portal.privateKey; iss?: string; aud?: string } = {}) {
  const iat = opts.iat ?? Math.floor(clock().getTime() / 1000);
  return new SignJWT({ scope: SCOPE_A, ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "k" })
    .setIssuer(opts.iss ?? "portal-client")
    .setAudience(opts.aud ?? mp.issuer)
    .setIssuedAt(iat)
    .setExpirationTime(opts.exp ?? iat + 100)
    .setJti(randomUUID())
    .sign(opts.key ?? portal.privateKey);
}

beforeAll(async () => {
  mp = await startMaskinportenStandIn({
    clients: [{ clientId: "portal-client", publicKeyPem: portal.publicKeyPem, scopes: [SCOPE_A, SCOPE_B], orgNumber: "123456785" }],
    tokenLifetimeSeconds: 120,
    now: clock,
  });
  started.push(mp);
});

afterEach(() => {
  offsetMs = 0;
});

afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

describe("stand-in metadata", () => {
  it("publishes issuer, token endpoint and JWKS like Maskinporten's well-known endpoint", async () => {
    const meta = (await (await fetch(`${mp.url}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    expect(meta.issuer).toBe(mp.issuer);
    expect(meta.token_endpoint).toBe(mp.tokenEndpoint);
    expect(meta.jwks_uri).toBe(mp.jwksUri);
    expect(mp.issuer.endsWith("/")).toBe(true);
    const jwks = (await (await fetch(mp.jwksUri)).json()) as { keys: { kty: string; kid: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]!.kty).toBe("RSA");
    expect(jwks.keys[0]!.d).toBeUndefined(); // public part only
  });
});

describe("maskinportenTokenSource", () => {
  it("gets an access token: a JWT from the stand-in's issuer with the scopes and the consumer", async () => {
    const token = await maskinportenTokenSource(config(), { now: clock })([SCOPE_A]);
    const claims = decodeJwt(token);
    expect(claims.iss).toBe(mp.issuer);
    expect(claims.client_id).toBe("portal-client");
    expect(claims.scope).toBe(SCOPE_A);
    expect(claims.consumer).toEqual({ authority: "iso6523-actorid-upis", ID: "0192:123456785" });
    expect(claims.exp! - claims.iat!).toBe(120);
    expect(typeof claims.jti).toBe("string");
  });

  it("sends a grant as Digdir specifies: form-encoded jwt-bearer, RS256, kid, iss/aud/scope/iat/exp<=120 s/jti", async () => {
    const seen: URLSearchParams[] = [];
    // Records what goes over the wire, then lets the real request through.
    const recordingFetch: typeof fetch = async (input, init) => {
      seen.push(new URLSearchParams(String(init?.body)));
      expect(new Headers(init?.headers).get("content-type")).toBe("application/x-www-form-urlencoded");
      return fetch(input, init);
    };
    const source = maskinportenTokenSource(config({ resource: "https://api.example/letters" }), { fetch: recordingFetch, now: clock });
    const token = await source([SCOPE_B, SCOPE_A]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    const assertion = seen[0]!.get("assertion")!;
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: "RS256", kid: "portal-key-1" });
    const claims = decodeJwt(assertion);
    expect(claims.iss).toBe("portal-client");
    expect(claims.aud).toBe(mp.issuer);
    expect(claims.scope).toBe(`${SCOPE_B} ${SCOPE_A}`);
    expect(claims.resource).toEqual(["https://api.example/letters"]);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(120);
    expect(claims.exp! - claims.iat!).toBeGreaterThan(0);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    // An audience-restricted token carries the resource as aud.
    expect(decodeJwt(token).aud).toBe("https://api.example/letters");
  });

  it("accepts a PKCS#1 private key too", async () => {
    const token = await maskinportenTokenSource(config({ privateKeyPem: portal.privateKeyPkcs1Pem }), { now: clock })([SCOPE_A]);
    expect(decodeJwt(token).scope).toBe(SCOPE_A);
  });

  it("caches per scope set (order and duplicates do not matter) and shares one request among concurrent callers", async () => {
    const source = maskinportenTokenSource(config(), { now: clock });
    const before = mp.tokenRequests();
    const tokens = await Promise.all([source([SCOPE_A, SCOPE_B]), source([SCOPE_B, SCOPE_A]), source([SCOPE_A, SCOPE_B, SCOPE_A]), source([SCOPE_A, SCOPE_B])]);
    expect(mp.tokenRequests() - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);

    expect(await source([SCOPE_B, SCOPE_A])).toBe(tokens[0]);
    expect(mp.tokenRequests() - before).toBe(1);

    // Another scope set is another token.
    const onlyA = await source([SCOPE_A]);
    expect(mp.tokenRequests() - before).toBe(2);
    expect(onlyA).not.toBe(tokens[0]);
  });

  it("keeps the token until 60 s before it expires, then fetches a new one", async () => {
    const source = maskinportenTokenSource(config(), { now: clock });
    const before = mp.tokenRequests();
    const first = await source([SCOPE_A]);

    offsetMs = 59_000; // expires_in 120: still more than 60 s left
    expect(await source([SCOPE_A])).toBe(first);
    expect(mp.tokenRequests() - before).toBe(1);

    offsetMs = 61_000; // less than 60 s left
    const second = await source([SCOPE_A]);
    expect(mp.tokenRequests() - before).toBe(2);
    expect(second).not.toBe(first);
    expect(decodeJwt(second).iat).toBeGreaterThan(decodeJwt(first).iat!);
  });

  it("does not cache a refusal: the next call asks again", async () => {
    const source = maskinportenTokenSource(config(), { now: clock });
    const before = mp.tokenRequests();
    await expectMaskinportenError(source([SCOPE_FORBIDDEN]), "invalid_scope");
    await expectMaskinportenError(source([SCOPE_FORBIDDEN]), "invalid_scope");
    expect(mp.tokenRequests() - before).toBe(2);
  });

  it("refuses a grant signed with another key (invalid_grant)", async () => {
    await expectMaskinportenError(maskinportenTokenSource(config({ privateKeyPem: other.privateKeyPem }), { now: clock })([SCOPE_A]), "invalid_grant");
  });

  it("refuses a scope not registered on the client (invalid_scope)", async () => {
    await expectMaskinportenError(maskinportenTokenSource(config(), { now: clock })([SCOPE_A, SCOPE_FORBIDDEN]), "invalid_scope", /invalid scopes/);
  });

  it("refuses an unknown client (invalid_client)", async () => {
    await expectMaskinportenError(maskinportenTokenSource(config({ clientId: "nobody" }), { now: clock })([SCOPE_A]), "invalid_client");
  });

  it("refuses a grant for another audience, e.g. the token endpoint URL (invalid_grant)", async () => {
    await expectMaskinportenError(maskinportenTokenSource(config({ audience: mp.tokenEndpoint }), { now: clock })([SCOPE_A]), "invalid_grant", /aud/);
  });

  it("refuses an expired assertion (client clock 5 minutes behind)", async () => {
    const lateClock = () => new Date(Date.now() - 5 * 60_000);
    await expectMaskinportenError(maskinportenTokenSource(config(), { now: lateClock })([SCOPE_A]), "invalid_grant", /expired/);
  });

  it("sends x5c (DER base64 of each certificate) when no keyId is given", { skip: !hasOpenssl() }, async () => {
    const { keyPem, certPem, publicKeyPem } = selfSignedCertificate();
    const x5cStandIn = await startMaskinportenStandIn({ clients: [{ clientId: "cert-client", publicKeyPem, scopes: [SCOPE_A] }] });
    started.push(x5cStandIn);
    const seen: string[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      seen.push(new URLSearchParams(String(init?.body)).get("assertion")!);
      return fetch(input, init);
    };
    const source = maskinportenTokenSource(
      { tokenEndpoint: x5cStandIn.tokenEndpoint, audience: x5cStandIn.issuer, clientId: "cert-client", privateKeyPem: keyPem, certificateChainPem: [certPem] },
      { fetch: recordingFetch },
    );
    const token = await source([SCOPE_A]);
    expect(decodeJwt(token).client_amr).toBe("virksomhetssertifikat");
    const header = decodeProtectedHeader(seen[0]!);
    expect(header.kid).toBeUndefined();
    expect(header.x5c).toEqual([certPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, "")]);

    // The stand-in trusts the registered key only: a certificate for another key is refused.
    const stranger = selfSignedCertificate();
    const wrongCert = maskinportenTokenSource({
      tokenEndpoint: x5cStandIn.tokenEndpoint,
      audience: x5cStandIn.issuer,
      clientId: "cert-client",
      privateKeyPem: stranger.keyPem,
      certificateChainPem: [stranger.certPem],
    });
    await expectMaskinportenError(wrongCert([SCOPE_A]), "invalid_grant", /certificate/);
  });

  it("fails fast on a configuration without kid or x5c, or with an unreadable key", () => {
    expect(() => maskinportenTokenSource(config({ keyId: undefined }))).toThrow(MaskinportenError);
    expect(() => maskinportenTokenSource(config({ privateKeyPem: "not a key" }))).toThrow(/privateKeyPem/);
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => maskinportenTokenSource(config({ privateKeyPem: ec }))).toThrow(/RSA/);
  });

  it("refuses empty scope lists and scopes with spaces before any request", async () => {
    const source = maskinportenTokenSource(config(), { now: clock });
    const before = mp.tokenRequests();
    await expectMaskinportenError(source([]), "invalid_scope");
    await expectMaskinportenError(source(["a b"]), "invalid_scope");
    expect(mp.tokenRequests()).toBe(before);
  });

  it("reports an unreachable endpoint, a timeout and a broken answer as errors with codes", async () => {
    const closed = await startMaskinportenStandIn({ clients: [] });
    const closedEndpoint = closed.tokenEndpoint;
    await closed.close();
    await expectMaskinportenError(maskinportenTokenSource(config({ tokenEndpoint: closedEndpoint }))([SCOPE_A]), "unavailable");

    // A server that accepts the request and never answers.
    const hanging = http.createServer(() => {});
    await new Promise<void>((r) => hanging.listen(0, "127.0.0.1", r));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/token`;
    // A server that answers 200 without a token, and one that answers 502 with an HTML page.
    const broken = http.createServer((req, res) => {
      if (req.url === "/bad-gateway") {
        res.writeHead(502, { "content-type": "text/html" });
        res.end("<html>Bad gateway</html>");
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ token_type: "Bearer" }));
      }
    });
    await new Promise<void>((r) => broken.listen(0, "127.0.0.1", r));
    const brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      await expectMaskinportenError(maskinportenTokenSource(config({ tokenEndpoint: hangingUrl }), { timeoutMs: 200 })([SCOPE_A]), "unavailable", /in time/);
      expect(Date.now() - started).toBeLessThan(5_000);
      await expectMaskinportenError(maskinportenTokenSource(config({ tokenEndpoint: `${brokenUrl}/token` }))([SCOPE_A]), "invalid_response");
      await expectMaskinportenError(maskinportenTokenSource(config({ tokenEndpoint: `${brokenUrl}/bad-gateway` }))([SCOPE_A]), "unavailable");
    } finally {
      hanging.closeAllConnections();
      broken.closeAllConnections();
      await new Promise((r) => hanging.close(r));
      await new Promise((r) => broken.close(r));
    }
  });
});

describe("stand-in grant checks (hand-made grants)", () => {
  it("issues a token for a well-formed grant, once: the same grant again is refused", async () => {
    const assertion = await grant();
    const first = await postGrant(assertion);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: "Bearer", expires_in: 120, scope: SCOPE_A });
    const again = await postGrant(assertion);
    expect(again).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "Grant is used before" } });
  });

  it("refuses exp - iat over 120 s, iat far from its clock, undocumented claims, wrong grant type, missing scope", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await postGrant(await grant({}, { iat: now, exp: now + 121 }))).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await postGrant(await grant({}, { iat: now + 60, exp: now + 120 }))).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await postGrant(await grant({ sub: "someone" }))).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await postGrant(await grant(), "client_credentials")).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
    expect(await postGrant(await grant({ scope: " " }))).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
    expect(await postGrant("not-a-jwt")).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });

  it("a grant within the limits (exp - iat = 120 s exactly) is accepted", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await postGrant(await grant({}, { iat: now, exp: now + 120 }))).status).toBe(200);
  });
});

describe("accessTokenVerifier", () => {
  it("accepts a valid token with the scope and refuses everything else", async () => {
    const verify = accessTokenVerifier({ issuer: mp.issuer, jwksUri: mp.jwksUri });
    const token = await maskinportenTokenSource(config(), { now: clock })([SCOPE_A]);

    expect(await verify(`Bearer ${token}`, SCOPE_A)).toBe(true);
    expect(await verify(`Bearer ${token}`, SCOPE_B)).toBe(false); // scope not granted
    expect(await verify(`Bearer ${token}`, "krr:global")).toBe(false); // no prefix matching
    expect(await verify(undefined, SCOPE_A)).toBe(false);
    expect(await verify(token, SCOPE_A)).toBe(false); // no Bearer
    expect(await verify("Bearer garbage", SCOPE_A)).toBe(false);
    // Tampered payload: the signature no longer matches.
    const [h, , s] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), scope: `${SCOPE_A} ${SCOPE_B}` })).toString("base64url");
    expect(await verify(`Bearer ${h}.${forged}.${s}`, SCOPE_B)).toBe(false);
    // Right issuer name, wrong verifier issuer.
    expect(await accessTokenVerifier({ issuer: "https://maskinporten.no/", jwksUri: mp.jwksUri })(`Bearer ${token}`, SCOPE_A)).toBe(false);
  });

  it("refuses a token from another Maskinporten (other key) and an expired token", async () => {
    const verify = accessTokenVerifier({ issuer: mp.issuer, jwksUri: mp.jwksUri });

    const foreign = await startMaskinportenStandIn({ clients: [{ clientId: "portal-client", publicKeyPem: portal.publicKeyPem, scopes: [SCOPE_A] }] });
    started.push(foreign);
    const foreignToken = await maskinportenTokenSource({ ...config(), tokenEndpoint: foreign.tokenEndpoint, audience: foreign.issuer })([SCOPE_A]);
    expect(await verify(`Bearer ${foreignToken}`, SCOPE_A)).toBe(false);
    expect(await accessTokenVerifier({ issuer: foreign.issuer, jwksUri: foreign.jwksUri })(`Bearer ${foreignToken}`, SCOPE_A)).toBe(true);

    // A stand-in whose clock is an hour behind issues a token that expired (by the real clock) long ago.
    const pastClock = () => new Date(Date.now() - 3_600_000);
    const past = await startMaskinportenStandIn({ clients: [{ clientId: "portal-client", publicKeyPem: portal.publicKeyPem, scopes: [SCOPE_A] }], tokenLifetimeSeconds: 120, now: pastClock });
    started.push(past);
    const expired = await maskinportenTokenSource({ ...config(), tokenEndpoint: past.tokenEndpoint, audience: past.issuer }, { now: pastClock })([SCOPE_A]);
    expect(await accessTokenVerifier({ issuer: past.issuer, jwksUri: past.jwksUri })(`Bearer ${expired}`, SCOPE_A)).toBe(false);
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A throw-away self-signed certificate (stands in for a test virksomhetssertifikat). */
function selfSignedCertificate() {
  const out = execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "-", "-out", "-", "-subj", "/CN=stand-in test", "-days", "1"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
  const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(out)![0];
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(out)![0];
  const publicKeyPem = createPublicKey(keyPem).export({ type: "spki", format: "pem" }).toString();
  return { keyPem, certPem, publicKeyPem };
}
