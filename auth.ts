// Staff authentication (next-auth v5): e-mail magic link, database sessions.
// The magic link goes through our transactional outbox like every other mail.
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import { logger } from "@/lib/log";

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
  providers: [
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
    async signIn({ user, email }) {
      if (email?.verificationRequest) return true;
      return Boolean(user.email && (await activeStaffByEmail(user.email)));
    },
    session({ session, user }) {
      session.user.id = user.id;
      return session;
    },
  },
}));
