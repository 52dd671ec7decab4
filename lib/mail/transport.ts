// The one place that talks SMTP. A missing or broken transport is loud: it throws, never returns false.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/config/env";

let transporter: Transporter | undefined;

function transportOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    // One connection per mail, on purpose. Pooled connections (with Nagle's delay turned off)
    // sent ten times faster, but after the mail server went away and came back under load
    // (npm run test:faults) the pool left sends waiting, and the outbox stalled until a restart.
    // A hung mail server must not hold an outbox row lock for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

export function mailTransport(): Transporter {
  transporter ??= nodemailer.createTransport(transportOptions(env().SMTP_URL));
  return transporter;
}

/** No send may keep the outbox waiting longer than this, whatever the mail server does. */
const SEND_DEADLINE_MS = 60_000;

/**
 * Sends one mail. `messageId` is the outbox row's own ("<row id@host>"): a repeat after a crash
 * carries the same Message-ID header, so the receiver can tell it is the same mail.
 */
export async function sendMail(message: { to: string; subject: string; text: string; html: string; messageId: string }) {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("SMTP send took too long"), { code: "ESENDTIMEOUT" })), SEND_DEADLINE_MS);
  });
  try {
    await Promise.race([mailTransport().sendMail({ from: env().MAIL_FROM, ...message }), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** For tests and config reloads. */
export function resetMailTransport() {
  transporter?.close();
  transporter = undefined;
}
