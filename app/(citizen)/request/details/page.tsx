import { redirect } from "next/navigation";
import { StepPage } from "@/components/request/StepPage";
import { DetailsForm } from "@/components/request/DetailsForm";
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { canOpenStep, draftDetailsInput } from "@/lib/requests/draft";
import { currentDraft } from "../draft-session";

export const dynamic = "force-dynamic";

export default async function DetailsStepPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const [draft, { from }] = await Promise.all([currentDraft(), searchParams]);
  if (!draft || !draft.data.rights?.length || !canOpenStep(draft.data, "details")) redirect("/request/what");
  const units = await db().unit.findMany({
    where: { municipalityId: currentMunicipality().id, active: true },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
  const { rights, ...rest } = draftDetailsInput(draft.data);
  const values = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  return (
    <StepPage step="details" back="/request/what">
      <DetailsForm rights={rights} values={values} units={units} returnToSummary={from === "summary"} />
    </StepPage>
  );
}
