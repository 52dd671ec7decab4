"use client";
// Client half of <ProofOfWork />: fetches a challenge from /api/altcha/challenge as soon as the page
// has loaded, solves it in the background (solve-proof-of-work.ts, WebCrypto), puts the solution in a
// hidden field and reports progress in a polite live region in the page's language. Nothing to click,
// nothing that takes focus. Shortly before the challenge expires (a long stay on the form) it solves
// a fresh one.
import { useEffect, useState } from "react";
import { PROOF_OF_WORK_FIELD } from "./proof-of-work-field";
import { solveProofOfWork, type AltchaChallenge } from "./solve-proof-of-work";

export type ProofOfWorkTexts = { checking: string; verified: string; failed: string; label: string };

type Status = "idle" | "checking" | "verified" | "failed";

/** Solve again this long before the challenge expires, so a posted solution is never stale. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;

export function ProofOfWorkWidget({ texts }: { texts: ProofOfWorkTexts }) {
  const [status, setStatus] = useState<Status>("idle");
  const [payload, setPayload] = useState("");

  useEffect(() => {
    const abort = new AbortController();
    let renew: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      setStatus("checking");
      try {
        const response = await fetch("/api/altcha/challenge", { cache: "no-store", signal: abort.signal });
        if (!response.ok) throw new Error(`challenge: HTTP ${response.status}`);
        const challenge = (await response.json()) as AltchaChallenge;
        const solved = await solveProofOfWork(challenge, { signal: abort.signal });
        if (abort.signal.aborted) return;
        if (!solved) throw new Error("challenge not solved");
        setPayload(solved);
        setStatus("verified");
        const expiresAt = Number(challenge.parameters.expiresAt) * 1000;
        if (Number.isFinite(expiresAt)) renew = setTimeout(() => void run(), Math.max(5_000, expiresAt - Date.now() - RENEW_BEFORE_EXPIRY_MS));
      } catch {
        if (!abort.signal.aborted) setStatus("failed");
      }
    };
    void run();
    return () => {
      abort.abort();
      clearTimeout(renew);
    };
  }, []);

  return (
    <div className="pv-proof-of-work" data-testid="proof-of-work" data-state={status}>
      <input type="hidden" name={PROOF_OF_WORK_FIELD} value={payload} />
      <p role="status" className="ds-paragraph" data-size="sm">
        {status === "idle" ? "" : texts[status]}
      </p>
    </div>
  );
}
