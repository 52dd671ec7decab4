// The one place that talks SMTP. A missing or broken transport is loud: it throws, never returns false.
import net from "node:net";
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
    // Keep connections open between mails, as many as the outbox sends at once (outbox-worker.ts,
    // LANES): a new connection costs a greeting (smtp-server waits 100 ms before it) and EHLO.
    pool: true,
    maxConnections: 4,
    maxMessages: 100,
    // No Nagle delay: SMTP is a conversation of small writes, and each mail waited for the
    // server's delayed ACK (about 45 ms a mail on a pooled connection, 2 ms without). The socket
    // is connected here; nodemailer takes it over (and starts TLS on it for smtps or STARTTLS).
    getSocket: (_options: unknown, callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void) => {
      const socket = net.connect({ host: url.hostname, port: url.port ? Number(url.port) : secure ? 465 : 587 });
      socket.setNoDelay(true);
      const timer = setTimeout(() => socket.destroy(new Error("SMTP connection timeout")), 10_000);
      socket.once("connect", () => {
        clearTimeout(timer);
        callback(null, { connection: socket });
      });
      socket.once("error", (error) => {
        clearTimeout(timer);
        callback(error);
      });
    },
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

/**
 * Sends one mail. `messageId` is the outbox row's own ("<row id@host>"): a repeat after a crash
 * carries the same Message-ID header, so the receiver can tell it is the same mail.
 */
export async function sendMail(message: { to: string; subject: string; text: string; html: string; messageId: string }) {
  await mailTransport().sendMail({ from: env().MAIL_FROM, ...message });
}

/** For tests and config reloads. */
export function resetMailTransport() {
  transporter?.close();
  transporter = undefined;
}
