// Checks a Maskinporten access token the way an API provider does (docs.digdir.no, "/token
// endpoint" > access token validation): an RS256 JWT signed by a key from the issuer's JWKS, the
// right issuer, not expired, and the scope claim granting the scope the endpoint needs. The local
// stand-ins (KRR, SvarUt, Fiks IO) take the returned function as their `authorize` option.
import { createRemoteJWKSet, jwtVerify } from "jose";

export function accessTokenVerifier(options: {
  issuer: string;
  jwksUri: string;
}): (authorizationHeader: string | undefined, requiredScope: string) => Promise<boolean> {
  // Fetched lazily and cached by jose; a token with an unknown kid triggers a refetch.
  const jwks = createRemoteJWKSet(new URL(options.jwksUri));

  return async (authorizationHeader, requiredScope) => {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorizationHeader ?? "");
    if (!match) return false;
    try {
      const { payload } = await jwtVerify(match[1]!, jwks, {
        issuer: options.issuer,
        algorithms: ["RS256"],
        requiredClaims: ["exp", "scope"],
      });
      return typeof payload.scope === "string" && payload.scope.split(/\s+/).includes(requiredScope);
    } catch {
      return false;
    }
  };
}
