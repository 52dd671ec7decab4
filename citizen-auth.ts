// Citizen authentication (next-auth v5), a second instance next to the staff one in auth.ts:
// basePath /api/citizen-auth, JWT sessions backed by a server-side row (30 minutes idle, 120 at
// most), cookies named pv-citizen.*, so the two never read each other's cookies. Two ways in:
//   - "idporten": ID-porten over OpenID Connect (PKCE + state + nonce). The id_token's `pid` and
//     `acr` decide who and how strongly; in dev/tests the issuer is the local test ID-porten.
//   - "email-code": a one-time code sent by e-mail (lib/citizen-auth/email-code.ts).
// The JWT holds only { identityId, method, level, sessionId }: never the fødselsnummer or the address.
// sessionId names a server-side row (citizen_session, lib/citizen-auth/citizen-session.ts) made at
// sign-in and checked on every request (lib/citizen-auth/session.ts): signing out ends the row, so
// the cookie, and every copy of it, stops working at once, before it would expire.
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { decode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { endCitizenSession, startCitizenSession } from "@/lib/citizen-auth/citizen-session";
import { CITIZEN_SESSION_ABSOLUTE_MS } from "@/lib/domain/citizen-session";
import { isValidNationalId } from "@/lib/domain/national-id";
import { verifyEmailCode, type VerifyEmailCodeFailure } from "@/lib/citizen-auth/email-code";
import {
  allowSyntheticNationalIdsFromEnv,
  levelForAcr,
  upsertEmailIdentity,
  upsertIdPortenIdentity,
  type SignedInIdentity,
} from "@/lib/citizen-auth/upsert-identity";
import { logger } from "@/lib/log";

export const CITIZEN_AUTH_BASE_PATH = "/api/citizen-auth";
/**
 * The cookie's (and its JWT's) own expiry: the session's absolute limit, 120 minutes from sign-in.
 * next-auth renews it only on its /session endpoint, which nothing here calls, so this is fixed at
 * sign-in. The 30 idle minutes, and signing out, are enforced by the server-side row.
 */
export const CITIZEN_SESSION_MAX_AGE_SECONDS = CITIZEN_SESSION_ABSOLUTE_MS / 1000;
export const ACR_SUBSTANTIAL = "idporten-loa-substantial";
export const ACR_HIGH = "idporten-loa-high";

/** Thrown by the e-mail-code provider; the sign-in action maps `failure` to a message. */
export class EmailCodeSignInError extends CredentialsSignin {
  readonly failure: VerifyEmailCodeFailure;
  constructor(failure: VerifyEmailCodeFailure) {
    super(failure.reason);
    this.failure = failure;
    this.code = failure.reason;
  }
}

/** What the cookie says: who, how, and which server-side session (still to be checked). */
export type CitizenSessionClaim = SignedInIdentity & { sessionId: string };
export type CitizenAuthSession = Session & { citizen?: CitizenSessionClaim };

function isSignedInIdentity(value: unknown): value is SignedInIdentity {
  const v = value as Partial<SignedInIdentity> | null;
  return (
    typeof v?.identityId === "string" &&
    (v.method === "idporten" || v.method === "email_code") &&
    (v.level === "email_code" || v.level === "idporten_substantial" || v.level === "idporten_high")
  );
}

function isSessionClaim(value: unknown): value is CitizenSessionClaim {
  return isSignedInIdentity(value) && typeof (value as Partial<CitizenSessionClaim>).sessionId === "string";
}

const COOKIE_PREFIX = "pv-citizen";
const SESSION_COOKIE = `${COOKIE_PREFIX}.session-token`;

/**
 * At sign-in: the session this browser had until now, from its old cookie (null if none or not
 * readable). It is ended when the new one starts, so a copy of the old cookie dies with it.
 */
async function previousSessionId(): Promise<string | null> {
  try {
    const token = (await cookies()).get(SESSION_COOKIE)?.value;
    const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
    if (!token || !secret) return null;
    const payload = await decode({ token, secret, salt: SESSION_COOKIE });
    return typeof payload?.sessionId === "string" ? payload.sessionId : null;
  } catch {
    return null;
  }
}

/** A new server-side session for `identity`; the claim that goes into the cookie. */
async function signedInClaim(identity: SignedInIdentity): Promise<CitizenSessionClaim> {
  const sessionId = await startCitizenSession({ identity, replaces: await previousSessionId() });
  logger.info("citizen_auth.signed_in", { identityId: identity.identityId, identityLevel: identity.level, sessionId });
  return { identityId: identity.identityId, method: identity.method, level: identity.level, sessionId };
}

/**
 * @auth/core keeps module-wide flags in its config check: once the staff instance (which has an
 * e-mail provider) has handled a request, every instance in the process must have an adapter, or it
 * fails with MissingAdapter. Citizens are persisted by our own callbacks (citizen_identity), so this
 * adapter deliberately stores nothing; it only satisfies the check and the OAuth callback's calls.
 */
const statelessCitizenAdapter: Adapter = {
  createUser: async (user) => ({ ...user, id: randomUUID(), emailVerified: null }),
  getUser: async () => null,
  getUserByEmail: async () => null,
  getUserByAccount: async () => null,
  updateUser: async (user) => ({ emailVerified: null, email: "", ...user }) as AdapterUser,
  linkAccount: async () => undefined,
  createVerificationToken: async () => {
    throw new Error("citizens do not sign in with e-mail links");
  },
  useVerificationToken: async () => null,
};

export const {
  handlers,
  auth: citizenAuth,
  signIn: citizenSignIn,
  signOut: citizenSignOut,
} = NextAuth(() => ({
  basePath: CITIZEN_AUTH_BASE_PATH,
  trustHost: true,
  adapter: statelessCitizenAdapter,
  session: { strategy: "jwt", maxAge: CITIZEN_SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: CITIZEN_SESSION_MAX_AGE_SECONDS },
  cookies: {
    sessionToken: { name: SESSION_COOKIE },
    callbackUrl: { name: `${COOKIE_PREFIX}.callback-url` },
    csrfToken: { name: `${COOKIE_PREFIX}.csrf-token` },
    pkceCodeVerifier: { name: `${COOKIE_PREFIX}.pkce.code_verifier` },
    state: { name: `${COOKIE_PREFIX}.state` },
    nonce: { name: `${COOKIE_PREFIX}.nonce` },
    webauthnChallenge: { name: `${COOKIE_PREFIX}.challenge` },
  },
  pages: { signIn: "/login", error: "/login" },
  // next-auth would print errors with their details; we log the kind only (no addresses, no codes).
  logger: {
    error: (error: Error) => {
      const type = (error as { type?: string }).type ?? error.name;
      if (type !== "CredentialsSignin") logger.warn("citizen_auth.error", { type });
    },
    warn: (code: string) => logger.warn("citizen_auth.warning", { code }),
    debug: () => {},
  },
  providers: [
    {
      id: "idporten",
      name: "ID-porten",
      type: "oidc",
      issuer: process.env.IDPORTEN_ISSUER,
      clientId: process.env.IDPORTEN_CLIENT_ID,
      clientSecret: process.env.IDPORTEN_CLIENT_SECRET,
      checks: ["pkce", "state", "nonce"],
      // Step-up: citizenSignIn("idporten", …, { acr_values: ACR_HIGH }) overrides this per request.
      authorization: { params: { scope: "openid profile", acr_values: ACR_SUBSTANTIAL } },
      profile: (profile) => ({ id: String(profile.sub) }),
    },
    Credentials({
      id: "email-code",
      name: "E-postkode",
      credentials: { email: {}, code: {} },
      async authorize(credentials) {
        const result = await verifyEmailCode({ email: String(credentials.email ?? ""), code: String(credentials.code ?? "") });
        if (!result.ok) throw new EmailCodeSignInError(result);
        const identity = await upsertEmailIdentity({ email: result.email });
        return { id: identity.identityId, ...identity };
      },
    }),
  ],
  callbacks: {
    signIn({ account, profile }) {
      if (account?.provider !== "idporten") return true;
      // Refuse an id_token without a valid fødselsnummer/D-nummer or with an unknown level.
      const ok =
        typeof profile?.pid === "string" &&
        isValidNationalId(profile.pid, { allowSynthetic: allowSyntheticNationalIdsFromEnv() }) &&
        levelForAcr(profile.acr) !== null;
      if (!ok) logger.warn("citizen_auth.idporten_rejected", { acrKnown: levelForAcr(profile?.acr) !== null });
      return ok;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "idporten") {
        return signedInClaim(await upsertIdPortenIdentity({ pid: String(profile?.pid), acr: String(profile?.acr) }));
      }
      if (account?.provider === "email-code" && isSignedInIdentity(user)) {
        return signedInClaim({ identityId: user.identityId, method: user.method, level: user.level });
      }
      return token;
    },
    session({ session, token }) {
      const citizen = { identityId: token.identityId, method: token.method, level: token.level, sessionId: token.sessionId };
      return { expires: session.expires, citizen: isSessionClaim(citizen) ? citizen : undefined } as unknown as CitizenAuthSession;
    },
  },
  events: {
    // Also for a sign-out posted straight to /api/citizen-auth/signout; the sign-out action
    // (app/(citizen)/login/actions.ts) has ended the session itself before it gets here.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      await endCitizenSession({ sessionId: token?.sessionId, reason: "signed_out" });
    },
  },
}));
