// The load of `npm run test:faults`: POST /api/v1/requests with bounded concurrency, each request
// with its own submission key and e-mail address, from a client that behaves like a careful
// integration: on a network error, a timeout, 503 or another 5xx it sends the same body with the
// same key again (after Retry-After, shortened to at most `maxRetryAfterMs` so recovery is measured
// to the second), until its deadline. A 2xx is an acknowledgement; any 4xx ends the request.
import { randomUUID } from "node:crypto";
import type { ClientRequest } from "./fault-check";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type LoadRequest = ClientRequest & {
  body: Record<string, unknown>;
  /** When the first 2xx arrived (ms since the epoch). */
  ackedAt: number | null;
  /** A 4xx that ended it, if any. */
  refused: number | null;
};

export type LoadStats = {
  attempts: number;
  networkErrors: number;
  unavailable503: number;
  otherServerErrors: number;
  refused4xx: number;
  /** 200 instead of 201: the case existed already (an earlier attempt was stored, its answer lost). */
  answered200: number;
  /** When each 2xx arrived, for the recovery times. */
  ackTimes: number[];
};

export function newStats(): LoadStats {
  return { attempts: 0, networkErrors: 0, unavailable503: 0, otherServerErrors: 0, refused4xx: 0, answered200: 0, ackTimes: [] };
}

/** `count` fresh requests; the e-mail address is unique per request (a fixed test domain). */
export function makeRequests(scenario: string, count: number): LoadRequest[] {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: count }, (_, i) => {
    const submissionKey = randomUUID();
    const email = `fault-${scenario}-${run}-${i}@example.test`;
    return {
      submissionKey,
      email,
      ack: null,
      ackedAt: null,
      refused: null,
      body: {
        rights: ["access"],
        name: "Feil Testesen",
        email,
        unit: "",
        description: "Innsyn, sendt av feiltesten (npm run test:faults).",
        submissionKey,
      },
    };
  });
}

export type Client = { baseUrl: string; apiKey: string; requestTimeoutMs: number; maxRetryAfterMs: number };

type Answer = { status: number; reference: string | null; retryAfterMs: number | null } | { status: "network" };

async function postOnce(client: Client, body: Record<string, unknown>): Promise<Answer> {
  try {
    const response = await fetch(`${client.baseUrl}/api/v1/requests`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${client.apiKey}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(client.requestTimeoutMs),
    });
    const text = await response.text();
    let reference: string | null = null;
    try {
      const json = JSON.parse(text) as { reference?: unknown };
      if (typeof json.reference === "string") reference = json.reference;
    } catch {
      // not JSON (a proxy's or Next's own error page): no reference
    }
    const retryAfter = Number(response.headers.get("retry-after"));
    return { status: response.status, reference, retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null };
  } catch {
    // Refused, reset, or our own timeout: the request may or may not have been stored.
    return { status: "network" };
  }
}

const jitter = (ms: number) => ms * (0.75 + Math.random() * 0.5);

/**
 * Sends `body` until a 2xx, a 4xx or the deadline. Returns the final answer (2xx or 4xx), or null
 * at the deadline.
 */
export async function sendUntilAnswered(
  client: Client,
  body: Record<string, unknown>,
  deadline: number,
  stats: LoadStats,
): Promise<{ status: number; reference: string | null; at: number } | null> {
  let backoff = 200;
  while (Date.now() < deadline) {
    stats.attempts++;
    const answer = await postOnce(client, body);
    if (answer.status !== "network" && answer.status >= 200 && answer.status < 300) {
      const at = Date.now();
      stats.ackTimes.push(at);
      if (answer.status === 200) stats.answered200++;
      return { status: answer.status, reference: answer.reference, at };
    }
    if (answer.status !== "network" && answer.status >= 400 && answer.status < 500) {
      stats.refused4xx++;
      return { status: answer.status, reference: null, at: Date.now() };
    }
    let wait: number;
    if (answer.status === "network") {
      stats.networkErrors++;
      wait = backoff;
      backoff = Math.min(backoff * 2, 1000);
    } else if (answer.status === 503) {
      stats.unavailable503++;
      wait = Math.min(answer.retryAfterMs ?? 1000, client.maxRetryAfterMs);
    } else {
      stats.otherServerErrors++;
      wait = backoff;
      backoff = Math.min(backoff * 2, 1000);
    }
    await sleep(Math.min(jitter(wait), Math.max(0, deadline - Date.now())));
  }
  return null;
}

/**
 * Runs `requests` with at most `concurrency` in flight, request i starting no earlier than
 * `start + i * spacingMs` (so the load spans the fault), each until acknowledged or `deadline`.
 */
export async function runLoad(
  client: Client,
  requests: LoadRequest[],
  options: { concurrency: number; spacingMs: number; deadline: number; stats: LoadStats },
): Promise<void> {
  const start = Date.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= requests.length) return;
      const request = requests[i]!;
      const notBefore = start + i * options.spacingMs;
      if (Date.now() < notBefore) await sleep(notBefore - Date.now());
      const answer = await sendUntilAnswered(client, request.body, options.deadline, options.stats);
      if (!answer) continue;
      if (answer.status >= 200 && answer.status < 300 && answer.reference) {
        request.ack = { status: answer.status, reference: answer.reference };
        request.ackedAt = answer.at;
      } else {
        request.refused = answer.status;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

/** Sends every request once more with the same key and body; records the answer as `replay`. */
export async function resubmitAll(client: Client, requests: LoadRequest[], options: { concurrency: number; deadline: number; stats: LoadStats }) {
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= requests.length) return;
      const request = requests[i]!;
      const answer = await sendUntilAnswered(client, request.body, options.deadline, options.stats);
      request.replay = answer ? { status: answer.status, reference: answer.reference } : null;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}
