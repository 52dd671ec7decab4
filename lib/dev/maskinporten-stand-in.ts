// A local stand-in for Maskinporten, for development and tests only. It speaks the same protocol as
// the real service (docs.digdir.no: "JWT grant", "/token endpoint", "well-known"):
// - POST /token with grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer and a signed assertion;
// - GET /.well-known/oauth-authorization-server (RFC 8414) and GET /jwk (its signing keys);
// - access tokens are self-contained RS256 JWTs with iss, client_id, scope, consumer, token_type,
//   exp, iat, jti (and aud when `resource` was asked for).
// What it checks, like Maskinporten: a registered client (iss), the signature against that client's
// registered public key (with x5c, the leaf certificate must carry that key), aud = its issuer,
// exp - iat <= 120 s, iat within 10 s of its clock, not expired, no undocumented claims, a grant used
// once only, and every scope registered on the client. Errors are RFC 6749 JSON with HTTP 400.
// Difference: a `kid` is accepted as is (a client has one registered key here).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, createPublicKey, generateKeyPairSync, randomUUID, X509Certificate, type KeyObject } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, exportJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from "jose";

export type MaskinportenStandIn = {
  url: string;
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** POST /token requests received so far (tests count them to see the client's cache at work). */
  tokenRequests(): number;
  close(): Promise<void>;
};

export type MaskinportenStandInClient = {
  clientId: string;
  publicKeyPem: string;
  scopes: string[];
  /** The consumer organisation (9 digits); default 000000000 (no real organisation). */
  orgNumber?: string;
};

export type MaskinportenStandInOptions = {
  port?: number;
  host?: string;
  clients: MaskinportenStandInClient[];
  /** Lifetime of issued tokens (default 120 s, like Maskinporten's default). */
  tokenLifetimeSeconds?: number;
  /** The stand-in's clock (tests move it together with the client's). */
  now?: () => Date;
};

const GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const ALGORITHMS = ["RS256", "RS384", "RS512"];
const MAX_ASSERTION_LIFETIME_SECONDS = 120;
const MAX_IAT_SKEW_SECONDS = 10;
/** Claims Digdir documents for the grant; anything else is refused, as the real service does. */
const GRANT_CLAIMS = new Set(["aud", "iss", "iat", "exp", "jti", "scope", "resource", "consumer_org", "iss_onbehalfof"]);
const MAX_BODY_BYTES = 64 * 1024;

class OAuthError extends Error {
  constructor(
    public error: "invalid_request" | "invalid_grant" | "invalid_scope" | "invalid_client" | "unsupported_grant_type",
    public description: string,
  ) {
    super(description);
  }
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new OAuthError("invalid_request", "Request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sameKey(a: KeyObject, b: KeyObject): boolean {
  const der = (k: KeyObject) => k.export({ type: "spki", format: "der" });
  return der(a).equals(der(b));
}

export async function startMaskinportenStandIn(options: MaskinportenStandInOptions): Promise<MaskinportenStandIn> {
  const host = options.host ?? "127.0.0.1";
  const lifetime = options.tokenLifetimeSeconds ?? 120;
  const now = options.now ?? (() => new Date());

  const clients = new Map(
    options.clients.map((c) => [c.clientId, { ...c, publicKey: createPublicKey({ key: c.publicKeyPem, format: "pem" }) }]),
  );

  // The stand-in's own signing key, new on every start: tokens of an earlier run are worthless.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };

  /** Used grants (by jti, or by hash when a grant has none) until they would have expired anyway. */
  const usedGrants = new Map<string, number>();
  let tokenRequestCount = 0;
  let issuer = "";
  let tokenEndpoint = "";
  let jwksUri = "";

  async function issueToken(form: URLSearchParams) {
    if (form.get("grant_type") !== GRANT_TYPE) throw new OAuthError("unsupported_grant_type", "grant_type must be jwt-bearer");
    const assertion = form.get("assertion");
    if (!assertion) throw new OAuthError("invalid_request", "Missing assertion");

    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(assertion);
      unverified = decodeJwt(assertion);
    } catch {
      throw new OAuthError("invalid_request", "Invalid assertion. Invalid parameter value");
    }
    const client = typeof unverified.iss === "string" ? clients.get(unverified.iss) : undefined;
    if (!client) throw new OAuthError("invalid_client", "Client not found");
    if (!header.alg || !ALGORITHMS.includes(header.alg)) throw new OAuthError("invalid_grant", "Invalid assertion. Unsupported alg");
    if (!header.kid && !header.x5c) throw new OAuthError("invalid_grant", "Invalid assertion. Either kid or x5c is required");
    if (header.x5c) {
      let leafKey: KeyObject;
      try {
        const der = Buffer.from(header.x5c[0] ?? "", "base64");
        leafKey = new X509Certificate(der).publicKey;
      } catch {
        throw new OAuthError("invalid_grant", "Failed to extract certificate from jwt");
      }
      if (!sameKey(leafKey, client.publicKey)) throw new OAuthError("invalid_grant", "Invalid assertion. The JWT is signed with an invalid certificate.");
    }

    const current = now();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(assertion, client.publicKey, {
        algorithms: ALGORITHMS,
        issuer: client.clientId,
        audience: issuer,
        currentDate: current,
        requiredClaims: ["iat", "exp", "scope"],
      }));
    } catch (error) {
      const code = error instanceof Error && "code" in error ? String(error.code) : "";
      if (code === "ERR_JWT_EXPIRED") throw new OAuthError("invalid_grant", "Invalid assertion. JWT is expired");
      if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED" && (error as { claim?: string }).claim === "aud") {
        throw new OAuthError("invalid_grant", "Invalid assertion. Client authentication failed. Invalid JWT claim aud");
      }
      throw new OAuthError("invalid_grant", "Invalid assertion. Client authentication failed.");
    }

    const unknownClaims = Object.keys(payload).filter((c) => !GRANT_CLAIMS.has(c));
    if (unknownClaims.length > 0) throw new OAuthError("invalid_grant", "Invalid assertion. Undocumented claims");
    const iat = payload.iat!;
    const exp = payload.exp!;
    if (exp - iat > MAX_ASSERTION_LIFETIME_SECONDS) throw new OAuthError("invalid_grant", "Invalid assertion. exp - iat exceeds 120 seconds");
    const nowSeconds = Math.floor(current.getTime() / 1000);
    if (Math.abs(iat - nowSeconds) > MAX_IAT_SKEW_SECONDS) throw new OAuthError("invalid_grant", "Invalid assertion. iat is too far from the server clock");

    for (const [id, until] of usedGrants) if (until < nowSeconds) usedGrants.delete(id);
    const grantId = typeof payload.jti === "string" ? `jti:${client.clientId}:${payload.jti}` : `sha:${createHash("sha256").update(assertion).digest("hex")}`;
    if (usedGrants.has(grantId)) throw new OAuthError("invalid_grant", "Grant is used before");
    usedGrants.set(grantId, exp);

    const scope = typeof payload.scope === "string" ? payload.scope.trim() : "";
    const requested = scope.split(/\s+/).filter(Boolean);
    if (requested.length === 0) throw new OAuthError("invalid_scope", "Missing scope");
    if (requested.some((s) => !client.scopes.includes(s))) throw new OAuthError("invalid_scope", "Token request contains invalid scopes for client");

    let audience: string | undefined;
    if (payload.resource !== undefined) {
      const resource = payload.resource;
      if (!Array.isArray(resource) || resource.length !== 1 || typeof resource[0] !== "string") {
        throw new OAuthError("invalid_request", "resource must be an array with one value");
      }
      audience = resource[0];
    }

    const grantedScope = [...new Set(requested)].join(" ");
    const jwt = new SignJWT({
      client_id: client.clientId,
      client_amr: header.x5c ? "virksomhetssertifikat" : "private_key_jwt",
      token_type: "Bearer",
      scope: grantedScope,
      consumer: { authority: "iso6523-actorid-upis", ID: `0192:${client.orgNumber ?? "000000000"}` },
    })
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuer(issuer)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + lifetime)
      .setJti(randomUUID());
    if (audience) jwt.setAudience(audience);
    const accessToken = await jwt.sign(privateKey);
    return { access_token: accessToken, token_type: "Bearer", expires_in: lifetime, scope: grantedScope };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    if (req.method === "GET" && path === "/.well-known/oauth-authorization-server") {
      return send(res, 200, {
        issuer,
        token_endpoint: tokenEndpoint,
        jwks_uri: jwksUri,
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
        grant_types_supported: [GRANT_TYPE],
        token_endpoint_auth_signing_alg_values_supported: ALGORITHMS,
      });
    }
    if (req.method === "GET" && path === "/jwk") return send(res, 200, { keys: [publicJwk] });
    if (path === "/token") {
      if (req.method !== "POST") return send(res, 405, { error: "invalid_request", error_description: "Use POST" });
      tokenRequestCount++;
      try {
        const contentType = req.headers["content-type"] ?? "";
        const body = await readBody(req);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
          throw new OAuthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        return send(res, 200, await issueToken(new URLSearchParams(body)));
      } catch (error) {
        if (error instanceof OAuthError) return send(res, 400, { error: error.error, error_description: error.description });
        return send(res, 500, { error: "server_error" });
      }
    }
    send(res, 404, { error: "not_found" });
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
  const url = `http://${urlHost}:${port}`;
  // Like https://maskinporten.no/, the issuer ends with a slash.
  issuer = `${url}/`;
  tokenEndpoint = `${url}/token`;
  jwksUri = `${url}/jwk`;

  return {
    url,
    issuer,
    tokenEndpoint,
    jwksUri,
    tokenRequests: () => tokenRequestCount,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
