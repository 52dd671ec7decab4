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
    // Pooled: up to four connections (the outbox sends four at a time), each reused for up to 100
    // mails, so a mail no longer waits for a new connection and the server's greeting. A pool alone
    // stalled once: after the mail server went away and came back under load (npm run test:faults)
    // its sends kept waiting. So every failed or overdue send throws the whole pool away (sendMail),
    // and the next send starts a fresh one.
    pool: true,
    maxConnections: 4,
    maxMessages: 100,
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
const SEND_DEADLINE_MS = 30_000;

/** Closes a pool that failed a send, unless a fresh one has replaced it meanwhile. */
function discard(failed: Transporter) {
  if (transporter !== failed) return;
  transporter = undefined;
  failed.close();
}

/**
 * Sends one mail. `messageId` is the outbox row's own ("<row id@host>"): a repeat after a crash
 * carries the same Message-ID header, so the receiver can tell it is the same mail.
 */
export async function sendMail(message: { to: string; subject: string; text: string; html: string; messageId: string }) {
  const transport = mailTransport();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("SMTP send took too long"), { code: "ESENDTIMEOUT" })), SEND_DEADLINE_MS);
  });
  try {
    await Promise.race([transport.sendMail({ from: env().MAIL_FROM, ...message }), deadline]);
  } catch (error) {
    // Whatever went wrong may have left the pool's connections broken or waiting: start over.
    discard(transport);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** For tests and config reloads. */
export function resetMailTransport() {
  transporter?.close();
  transporter = undefined;
}
