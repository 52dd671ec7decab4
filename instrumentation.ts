// Runs once when the Next.js server starts: the outbox worker lives in the app process by default.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.OUTBOX_WORKER === "off") return;
  const { startOutboxWorker } = await import("@/lib/mail/outbox-worker");
  startOutboxWorker();
}
