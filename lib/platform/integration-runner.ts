// Runs the integration outbox in this process (the app by default, or `npm run worker`): polls,
// drains, reads SvarUt's status back, and listens for the archive's replies on the portal's own
// Fiks IO account. Several processes may run it: rows are claimed with SKIP LOCKED and replies are
// matched to the row they answer, so whichever process takes a reply records it once.
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { configuredHandlers, handleArchiveReply, refreshSvarUtStatuses } from "./deliveries";
import { drainIntegrations } from "./integration-worker";
import { platformClients } from "./clients";

type RunnerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean; stopped: boolean; replies?: { close(): Promise<void> }; statusReadAt: number };

/** SvarUt's status is read back at most this often (SVARUT_STATUS_POLL_MS, a minute by default): not on every outbox poll. */
function statusPollMs(): number {
  const value = Number(process.env.SVARUT_STATUS_POLL_MS ?? 60_000);
  return Number.isFinite(value) && value >= 100 ? value : 60_000;
}
const globalForRunner = globalThis as unknown as { __integrationRunner?: RunnerState };

async function round(state: RunnerState) {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      const handlers = configuredHandlers();
      if (Object.keys(handlers).length > 0) await drainIntegrations(handlers, () => state.stopped);
      if (Date.now() - state.statusReadAt >= statusPollMs()) {
        state.statusReadAt = Date.now();
        await refreshSvarUtStatuses();
      }
    } while (state.again && !state.stopped);
  } catch (error) {
    logger.error("integration.round_failed", { error: (error as Error).name });
  } finally {
    state.running = false;
  }
}

async function listenForArchiveReplies(state: RunnerState) {
  const fiksIo = platformClients().fiksIo;
  if (!fiksIo) return;
  try {
    state.replies = await fiksIo.subscribe(async (message) => {
      await handleArchiveReply(message);
      // A reply may free the rows that waited for it (a letter's entry waits for its folder).
      void round(state);
    });
  } catch (error) {
    logger.error("integration.replies_unavailable", { error: (error as Error).name });
    if (!state.stopped) setTimeout(() => void listenForArchiveReplies(state), 10_000).unref();
  }
}

/** Starts the runner in this process (idempotent). */
export function startIntegrationRunner(options: { keepAlive?: boolean } = {}) {
  if (globalForRunner.__integrationRunner) return;
  const state: RunnerState = { running: false, again: false, stopped: false, statusReadAt: 0 };
  globalForRunner.__integrationRunner = state;
  state.timer = setInterval(() => void round(state), env().OUTBOX_POLL_MS);
  if (!options.keepAlive) state.timer.unref();
  void listenForArchiveReplies(state);
  void round(state);
}

/** Asks the runner to look now (after a commit that queued integration messages). */
export function kickIntegrations() {
  const state = globalForRunner.__integrationRunner;
  if (state && !state.stopped) void round(state);
}

export async function stopIntegrationRunner() {
  const state = globalForRunner.__integrationRunner;
  if (!state) return;
  state.stopped = true;
  clearInterval(state.timer);
  await state.replies?.close().catch(() => undefined);
  globalForRunner.__integrationRunner = undefined;
}
