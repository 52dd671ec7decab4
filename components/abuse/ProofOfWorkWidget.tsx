"use client";
// Client half of <ProofOfWork />: loads the `altcha` web component only on pages that show it
// (dynamic import), lets it solve the challenge from /api/altcha/challenge as soon as the page has
// loaded, and reports progress in a polite live region in the page's language. The widget itself is
// invisible (display "invisible"): nothing to click, nothing that takes focus.
import { useEffect, useRef, useState } from "react";
import { PROOF_OF_WORK_FIELD } from "./proof-of-work-field";

export type ProofOfWorkTexts = { checking: string; verified: string; failed: string; label: string };

type Status = "idle" | "checking" | "verified" | "failed";

type AltchaGlobal = {
  i18n: { get(lang: string): Record<string, string> | undefined; set(lang: string, strings: Record<string, string>): void };
};

type AltchaElement = HTMLElement & { verify?: () => Promise<unknown> };

export function ProofOfWorkWidget({ language, texts }: { language: string; texts: ProofOfWorkTexts }) {
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<Status>("idle");
  const textsRef = useRef(texts);

  useEffect(() => {
    let cancelled = false;
    let widget: AltchaElement | undefined;
    import("altcha")
      .then(() => {
        if (cancelled || !container.current) return;
        setStatus("checking");
        const altcha = (globalThis as unknown as { $altcha?: AltchaGlobal }).$altcha;
        const t = textsRef.current;
        // The widget's own strings (mostly hidden in invisible mode) in the page's language.
        altcha?.i18n.set(language, {
          ...(altcha.i18n.get("en") ?? {}),
          label: t.label,
          verifying: t.checking,
          waitAlert: t.checking,
          verified: t.verified,
          error: t.failed,
          verificationRequired: t.checking,
        });
        widget = document.createElement("altcha-widget") as AltchaElement;
        widget.setAttribute("challenge", "/api/altcha/challenge");
        widget.setAttribute("auto", "onload");
        widget.setAttribute("display", "invisible");
        widget.setAttribute("name", PROOF_OF_WORK_FIELD);
        widget.setAttribute("language", language);
        // No pointer/scroll collection ("human interaction signature"): no tracking of any kind.
        widget.setAttribute("configuration", JSON.stringify({ hideFooter: true, hideLogo: true, humanInteractionSignature: false }));
        widget.addEventListener("statechange", (event) => {
          const state = (event as CustomEvent<{ state?: string }>).detail?.state;
          if (state === "verifying") setStatus("checking");
          else if (state === "verified") setStatus("verified");
          else if (state === "error") setStatus("failed");
          else if (state === "expired") {
            // A long stay on the form: fetch and solve a fresh challenge.
            setStatus("checking");
            void widget?.verify?.();
          }
        });
        container.current.appendChild(widget);
      })
      .catch(() => {
        if (!cancelled) setStatus("failed");
      });
    return () => {
      cancelled = true;
      widget?.remove();
    };
  }, [language]);

  return (
    <div className="pv-proof-of-work" data-testid="proof-of-work" data-state={status}>
      <div ref={container} />
      <p role="status" className="ds-paragraph" data-size="sm">
        {status === "idle" ? "" : texts[status]}
      </p>
    </div>
  );
}
