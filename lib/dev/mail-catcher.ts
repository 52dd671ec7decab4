// A real SMTP server that accepts every message and hands it to `onMail`. It is the demo mailbox
// when SMTP_URL is not set, and the SMTP server of the integration tests.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export type CaughtMail = {
  /** The Message-ID header ("<id@host>"): the outbox sends a repeat with the same one. */
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: Date;
};

export type MailCatcher = { port: number; url: string; close: () => Promise<void> };

export async function startMailCatcher(options: {
  port: number;
  host?: string;
  onMail: (mail: CaughtMail) => Promise<void> | void;
}): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "Personvernportalen demo mail catcher",
    size: 10 * 1024 * 1024,
    logger: false,
    // A sender may keep a connection open: on close, end it after a moment, not after 30 s.
    closeTimeout: 250,
    // The catcher only hears from this machine: no reverse DNS look-up of the client.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          await options.onMail({
            messageId: parsed.messageId ?? null,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            receivedAt: new Date(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    port,
    url: `smtp://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
