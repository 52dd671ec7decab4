import { StepPage } from "@/components/request/StepPage";
import { WhatForm } from "@/components/request/WhatForm";
import { currentDraft } from "../draft-session";

export const dynamic = "force-dynamic";

export default async function WhatStepPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const [draft, { from }] = await Promise.all([currentDraft(), searchParams]);
  return (
    <StepPage step="what" back="/">
      <WhatForm rights={draft?.data.rights ?? []} returnToSummary={from === "summary"} />
    </StepPage>
  );
}
