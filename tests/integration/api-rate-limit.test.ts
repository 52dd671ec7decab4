// The JSON API is limited per API key, also when no trusted proxy names the client's address (the
// default, where the per-IP rule counts nothing): one misbehaving integration cannot flood the
// queue, and the others go on.
import { afterAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { POST } from "@/app/api/v1/requests/route";

const noisy = { name: `noisy-${randomUUID().slice(0, 8)}`, key: randomBytes(32).toString("base64url") };
const quiet = { name: `quiet-${randomUUID().slice(0, 8)}`, key: randomBytes(32).toString("base64url") };
const saved = { keys: process.env.API_KEYS, limits: process.env.RATE_LIMITS, proxy: process.env.TRUST_PROXY };
process.env.API_KEYS = `${noisy.name}:${noisy.key},${quiet.name}:${quiet.key}`;
process.env.RATE_LIMITS = "submit_api_key=3/3600";
delete process.env.TRUST_PROXY;

afterAll(async () => {
  for (const [name, value] of [["API_KEYS", saved.keys], ["RATE_LIMITS", saved.limits], ["TRUST_PROXY", saved.proxy]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await disconnectDb();
});

function post(apiKey: string, email: string) {
  return POST(
    new Request("http://localhost/api/v1/requests", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ rights: ["access"], name: "Api Grense", email, unit: "skole", description: "", submissionKey: randomUUID() }),
    }),
  );
}

describe("the JSON API's per-key limit", () => {
  it("lets the limit through, then answers 429 with Retry-After and stores nothing more; another key goes on", async () => {
    const email = `api-limit-${randomUUID().slice(0, 8)}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(noisy.key, email)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const refused = await post(noisy.key, email);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await refused.json()).toEqual({ error: "rate_limited", retryAfterSeconds: retryAfter });
    expect(await db().requester.count({ where: { email } })).toBe(3);

    expect((await post(quiet.key, email)).status).toBe(201);
    expect(await db().requester.count({ where: { email } })).toBe(4);
  });
});
