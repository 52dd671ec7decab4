// The one place that talks SMTP. A missing or broken transport is loud: it throws, never returns false.
import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/config/env";

const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * Opens the TCP connection for nodemailer (its `getSocket` hook) with Nagle's algorithm off. With
 * it on, each small SMTP command waited for the server's delayed ACK, about 40 ms a step: four
 * pooled connections sent ~85 mails a second on loopback, with it off ~600. TLS (smtps or
 * STARTTLS) is still nodemailer's: it upgrades the socket it is given.
 */
function openSocket(
  options: { host?: string; port?: number },
  callback: (error: Error | null, socket?: { connection: net.Socket }) => void,
) {
  // keepAlive as on nodemailer's own sockets (its connect path sets it; a given socket keeps its own).
  const socket = net.connect({ host: options.host, port: Number(options.port), noDelay: true, keepAlive: true });
  let done = false;
  const finish = (error: Error | null) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    socket.removeListener("error", finish);
    if (error) {
      socket.destroy();
      callback(error);
    } else callback(null, { connection: socket });
  };
  const timer = setTimeout(() => finish(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })), CONNECTION_TIMEOUT_MS);
  socket.once("error", finish);
  socket.once("connect", () => finish(null));
}

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
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    getSocket: openSocket,
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
