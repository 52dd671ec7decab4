// Staff authentication (next-auth v5), database sessions (a session is revoked by deleting its row).
// Two ways in, both only for staff users an admin has created (no self-registration):
//   - "nodemailer": an e-mail magic link, through our transactional outbox like every other mail.
//   - "staff-oidc": the municipality's own identity provider (Entra ID or any OpenID Connect issuer),
//     when STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET are set (STAFF_OIDC_NAME
//     names the button). In demo mode scripts/serve.ts points it at the local dev provider.
import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import { logger } from "@/lib/log";
import { staffAuthRedirect } from "@/lib/auth/return-to";

export const STAFF_OIDC_PROVIDER_ID = "staff-oidc";

/** The staff OIDC settings from env, or null when the municipality has not configured an issuer. */
export function staffOidcConfig() {
  const issuer = process.env.STAFF_OIDC_ISSUER;
  const clientId = process.env.STAFF_OIDC_CLIENT_ID;
  const clientSecret = process.env.STAFF_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: process.env.STAFF_OIDC_NAME?.trim() || null };
}

/**
 * The e-mail address an id_token vouches for. Entra ID sends `email` only as an optional claim; its
 * `preferred_username` (the UPN) is the work address, managed by the municipality in its own tenant.
 */
function emailFromClaims(claims: Record<string, unknown>): string | null {
  for (const key of ["email", "preferred_username", "upn"]) {
    const value = claims[key];
    if (typeof value === "string" && /^[^\s@]+@[^\s@]+$/.test(value.trim())) return value.trim().toLowerCase();
  }
  return null;
}

function staffOidcProvider(): Provider[] {
  const config = staffOidcConfig();
  if (!config) return [];
  return [
    {
      id: STAFF_OIDC_PROVIDER_ID,
      name: config.name ?? "OpenID Connect",
      type: "oidc",
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
      // Links the OIDC account to the existing staff user with the same address on first sign-in.
      // Safe here, unlike with a public IdP: the issuer is the municipality's own (its admins decide
      // which address an account has), and the signIn callback below lets in only addresses of
      // active staff users that an admin created in the portal. Nobody can sign up this way.
      allowDangerousEmailAccountLinking: true,
      profile(claims) {
        const email = emailFromClaims(claims);
        const name = typeof claims.name === "string" ? claims.name : null;
        return { id: String(claims.sub), email, name };
      },
    },
  ];
}

async function activeStaffByEmail(email: string) {
  return db().user.findFirst({
    where: { email: email.trim().toLowerCase(), active: true },
    select: { id: true },
  });
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  // The generated client is structurally the adapter's PrismaClient; only its import path differs.
  adapter: PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]),
  session: { strategy: "database", maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
  pages: {
    signIn: "/staff/signin",
    verifyRequest: "/staff/signin/check-email",
    error: "/staff/signin",
  },
  // next-auth would log errors with their details; we log the kind only (no addresses).
  logger: {
    error: (error: Error) => logger.warn("auth.error", { type: (error as { type?: string }).type ?? error.name }),
    warn: (code: string) => logger.warn("auth.warning", { code }),
    debug: () => {},
  },
  providers: [
    ...staffOidcProvider(),
    Nodemailer({
      // Not used for sending (see sendVerificationRequest), but the provider requires a server.
      server: process.env.SMTP_URL ?? "smtp://localhost:25",
      from: process.env.MAIL_FROM ?? "ikke-svar@personvern.localhost",
      maxAge: 15 * 60,
      normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
      async sendVerificationRequest({ identifier, url }) {
        // Unknown addresses get no mail and the same "check your e-mail" page: no account probing.
        const staff = await activeStaffByEmail(identifier);
        if (!staff) {
          logger.info("auth.signin_unknown_address");
          return;
        }
        await db().$transaction((tx) =>
          enqueueMail(tx, { to: identifier, template: "staff_signin", locale: DEFAULT_LOCALE, params: { link: url } }),
        );
        kickOutbox();
      },
    }),
  ],
  callbacks: {
    async signIn({ user, email, account, profile }) {
      if (email?.verificationRequest) return true;
      if (account?.provider === STAFF_OIDC_PROVIDER_ID) {
        // Only an active staff user with this address (case-insensitive); never a new user.
        const address = profile ? emailFromClaims(profile as Record<string, unknown>) : null;
        const staff = address ? await activeStaffByEmail(address) : null;
        if (!staff) {
          logger.info("auth.oidc_signin_refused", { reason: address ? "no_active_staff_user" : "no_email_claim" });
          return false;
        }
        // An OIDC account already linked to another staff user must not switch users.
        const linked = await db().account.findUnique({
          where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
          select: { userId: true },
        });
        if (linked && linked.userId !== staff.id) {
          logger.warn("auth.oidc_signin_refused", { reason: "linked_to_other_user", userId: linked.userId });
          return false;
        }
        return true;
      }
      return Boolean(user.email && (await activeStaffByEmail(user.email)));
    },
    // Where next-auth sends the browser after signing in or out: the callbackUrl comes from a form,
    // a magic link's query or a cookie, so it is validated like every return path (under /staff,
    // on this origin; anything else lands on /staff).
    redirect({ url, baseUrl }) {
      return staffAuthRedirect(url, baseUrl);
    },
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
}));
