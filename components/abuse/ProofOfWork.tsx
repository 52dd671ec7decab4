// The ALTCHA proof-of-work check, placed inside a <form>: the browser solves a small puzzle in the
// background (no task for the person, no third party, no cookies) and the solution is posted in the
// field PROOF_OF_WORK_FIELD. The server checks it with verifyProofOfWork() from "@/lib/abuse".
// Render it from a server component (it reads its texts with next-intl there); inside a client
// component it needs a NextIntlClientProvider that carries the "abuse" messages, or pass `texts`.
// Without JavaScript nothing is posted: the caller decides what to do (see lib/abuse/index.ts).
import { useTranslations } from "next-intl";
import { ProofOfWorkWidget, type ProofOfWorkTexts } from "./ProofOfWorkWidget";
import { PROOF_OF_WORK_FIELD } from "./proof-of-work-field";

export { PROOF_OF_WORK_FIELD };
export type { ProofOfWorkTexts };

export function ProofOfWork({ texts }: { texts?: Partial<ProofOfWorkTexts> } = {}) {
  const t = useTranslations("abuse.proofOfWork");
  return (
    <ProofOfWorkWidget
      texts={{ checking: t("checking"), verified: t("verified"), failed: t("failed"), label: t("label"), ...texts }}
    />
  );
}
