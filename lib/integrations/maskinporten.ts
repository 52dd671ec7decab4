// Maskinporten (Digdir) client: machine-to-machine access tokens by the OAuth 2.0 JWT bearer grant
// (RFC 7523), as Digdir documents it ("JWT grant" and "/token endpoint" in docs.digdir.no):
// - the grant is a JWT signed RS256 with the organisation's key; header `kid` (a key registered on the
//   client) or `x5c` (the business certificate chain), body iss = client id, aud = the Maskinporten
//   issuer (not the token endpoint URL), scope (space-separated), iat, exp (at most 120 s after iat),
//   jti (a grant can be used once), and optionally `resource` (audience-restricted tokens, an array);
// - it is POSTed form-encoded as grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=...;
// - the answer is { access_token, token_type, expires_in, scope }; errors are RFC 6749 JSON
//   { error, error_description }.
// The access token is opaque to us: we pass it on and never inspect it.
import { createPrivateKey, randomUUID, type KeyObject } from "node:crypto";
import { SignJWT, type JWTHeaderParameters } from "jose";
import { z } from "zod";

export type AccessTokenSource = (scopes: readonly string[]) => Promise<string>;

export type MaskinportenConfig = {
  tokenEndpoint: string;
  /** The Maskinporten issuer (e.g. https://maskinporten.no/), used as the grant's aud. */
  audience: string;
  clientId: string;
  /** RSA private key, PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY"). */
  privateKeyPem: string;
  /** Key id of a key registered on the client (header kid). Takes precedence over the certificate. */
  keyId?: string;
  /** Business certificate chain, leaf first, as PEM; sent as x5c (DER, base64). */
  certificateChainPem?: string[];
  /** Audience-restricted token for this API (grant claim `resource`). */
  resource?: string;
};

export class MaskinportenError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message ?? `Maskinporten: ${code}`);
    this.name = "MaskinportenError";
  }
}

export type MaskinportenOptions = {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Request timeout in ms (default 10 000). */
  timeoutMs?: number;
};

const GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** Digdir allows at most 120 s between iat and exp; stay a little below for clock skew. */
const ASSERTION_LIFETIME_SECONDS = 110;
/** Refresh this long before the token expires, so a token never dies on its way to the API. */
const REFRESH_MARGIN_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
});
const errorResponseSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** DER base64 of one PEM certificate (x5c wants standard base64, not base64url). */
function pemToDerBase64(pem: string): string {
  const body = pem
    .replace(/-----BEGIN CERTIFICATE-----/, "")
    .replace(/-----END CERTIFICATE-----/, "")
    .replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+=*$/.test(body)) throw new MaskinportenError("invalid_config", "certificateChainPem is not PEM");
  return body;
}

function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes)].sort().join(" ");
}

/** Error descriptions come from Maskinporten (no key material); keep them short and on one line. */
function shortDescription(text: string | undefined): string {
  return text ? `: ${text.replace(/\s+/g, " ").slice(0, 200)}` : "";
}

export function maskinportenTokenSource(config: MaskinportenConfig, options: MaskinportenOptions = {}): AccessTokenSource {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  // Parse the key once, at start-up: a broken key should fail fast, not on the first letter.
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: config.privateKeyPem, format: "pem" });
  } catch {
    throw new MaskinportenError("invalid_config", "privateKeyPem is not a readable private key");
  }
  if (key.asymmetricKeyType !== "rsa") throw new MaskinportenError("invalid_config", "privateKeyPem must be an RSA key");

  const header: JWTHeaderParameters = { alg: "RS256" };
  if (config.keyId) header.kid = config.keyId;
  else if (config.certificateChainPem && config.certificateChainPem.length > 0) header.x5c = config.certificateChainPem.map(pemToDerBase64);
  else throw new MaskinportenError("invalid_config", "either keyId or certificateChainPem is required");

  const cache = new Map<string, { token: string; refreshAt: number }>();
  const inFlight = new Map<string, Promise<string>>();

  async function createAssertion(scope: string): Promise<string> {
    const iat = Math.floor(now().getTime() / 1000);
    const claims: Record<string, unknown> = { scope };
    if (config.resource) claims.resource = [config.resource];
    return new SignJWT(claims)
      .setProtectedHeader(header)
      .setIssuer(config.clientId)
      .setAudience(config.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(key);
  }

  async function requestToken(scope: string): Promise<{ token: string; expiresIn: number }> {
    const assertion = await createAssertion(scope);
    let response: Response;
    try {
      response = await doFetch(config.tokenEndpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ grant_type: GRANT_TYPE, assertion }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new MaskinportenError("unavailable", timedOut ? "Maskinporten did not answer in time" : "Maskinporten could not be reached");
    }

    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }

    if (!response.ok) {
      const parsed = errorResponseSchema.safeParse(body);
      // Only a well-formed OAuth error code becomes the code; anything else (a proxy page) is an outage.
      if (parsed.success && /^[a-z_]{1,64}$/.test(parsed.data.error)) {
        throw new MaskinportenError(parsed.data.error, `Maskinporten refused the grant (HTTP ${response.status}) ${parsed.data.error}${shortDescription(parsed.data.error_description)}`);
      }
      throw new MaskinportenError(response.status >= 500 ? "unavailable" : "invalid_response", `Maskinporten answered HTTP ${response.status}`);
    }

    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new MaskinportenError("invalid_response", "Maskinporten's answer has no access_token/expires_in");
    return { token: parsed.data.access_token, expiresIn: parsed.data.expires_in };
  }

  return async function getToken(scopes: readonly string[]): Promise<string> {
    if (scopes.length === 0 || scopes.some((s) => s.length === 0 || /\s/.test(s))) {
      throw new MaskinportenError("invalid_scope", "scopes must be non-empty strings without spaces");
    }
    const scope = scopeKey(scopes);

    const cached = cache.get(scope);
    if (cached && now().getTime() < cached.refreshAt) return cached.token;

    // Concurrent callers for the same scopes share one grant: a burst of letters costs one request.
    const pending = inFlight.get(scope);
    if (pending) return pending;

    const request = (async () => {
      try {
        const { token, expiresIn } = await requestToken(scope);
        cache.set(scope, { token, refreshAt: now().getTime() + expiresIn * 1000 - REFRESH_MARGIN_MS });
        return token;
      } finally {
        inFlight.delete(scope);
      }
    })();
    inFlight.set(scope, request);
    return request;
  };
}
