// The browser's proof-of-work solver (components/abuse/solve-proof-of-work.ts) against the server's
// own library: a challenge made with altcha-lib's createChallenge, solved with WebCrypto (Node's is
// the same API as the browser's), is accepted by altcha-lib's verifySolution; a changed key is not.
import { describe, expect, it } from "vitest";
import { createChallenge, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { solveProofOfWork, type AltchaChallenge } from "@/components/abuse/solve-proof-of-work";

const secrets = { hmacSignatureSecret: "a".repeat(64), hmacKeySignatureSecret: "b".repeat(64) };

async function challenge(counter: number) {
  return createChallenge({ algorithm: "PBKDF2/SHA-256", cost: 50, counter, deriveKey, expiresAt: new Date(Date.now() + 60_000), ...secrets });
}

function decode(payload: string) {
  return JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as { challenge: AltchaChallenge; solution: { counter: number; derivedKey: string } };
}

describe("solveProofOfWork", () => {
  for (const counter of [0, 1, 7, 8, 9, 300]) {
    it(`finds counter ${counter} and altcha-lib verifies the payload`, async () => {
      const made = await challenge(counter);
      const payload = await solveProofOfWork(made as unknown as AltchaChallenge, { parallel: 8 });
      expect(payload).not.toBeNull();
      const decoded = decode(payload!);
      // The first counter whose key has the prefix: the secret one, or (rarely) an earlier one.
      expect(decoded.solution.counter).toBeLessThanOrEqual(counter);
      expect(decoded.solution.derivedKey).toMatch(/^[0-9a-f]{64}$/);
      const result = await verifySolution({ challenge: decoded.challenge as never, solution: decoded.solution, deriveKey, ...secrets });
      expect(result.verified).toBe(true);
    });
  }

  it("a tampered key or a changed parameter is refused by the server's check", async () => {
    const made = await challenge(5);
    const decoded = decode((await solveProofOfWork(made as unknown as AltchaChallenge))!);
    const wrongKey = { ...decoded.solution, derivedKey: decoded.solution.derivedKey.replace(/^./, (c) => (c === "0" ? "1" : "0")) };
    expect((await verifySolution({ challenge: decoded.challenge as never, solution: wrongKey, deriveKey, ...secrets })).verified).toBe(false);
    const changed = { ...decoded.challenge, parameters: { ...decoded.challenge.parameters, cost: 1 } };
    expect((await verifySolution({ challenge: changed as never, solution: decoded.solution, deriveKey, ...secrets })).verified).toBe(false);
  });

  it("gives up on an algorithm it does not know, and when aborted", async () => {
    const made = (await challenge(3)) as unknown as AltchaChallenge;
    expect(await solveProofOfWork({ ...made, parameters: { ...made.parameters, algorithm: "SHA-256" } })).toBeNull();
    const abort = new AbortController();
    abort.abort();
    expect(await solveProofOfWork(made, { signal: abort.signal })).toBeNull();
  });
});
