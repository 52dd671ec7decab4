import { redirect } from "next/navigation";
import { StepPage } from "@/components/request/StepPage";
import { DetailsForm } from "@/components/request/DetailsForm";
import { getLocale } from "next-intl/server";
import { listRequestUnits } from "@/lib/admin/unit-choices";
import { canOpenStep, draftDetailsInput } from "@/lib/requests/draft";
import { currentDraft } from "../draft-session";

export const dynamic = "force-dynamic";

export default async function DetailsStepPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const [draft, { from }] = await Promise.all([currentDraft(), searchParams]);
  if (!draft || !draft.data.rights?.length || !canOpenStep(draft.data, "details")) redirect("/request/what");
  const units = await listRequestUnits(await getLocale());
  const { rights, ...rest } = draftDetailsInput(draft.data);
  const values = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  return (
    <StepPage step="details" back="/request/what">
      <DetailsForm rights={rights} values={values} units={units} returnToSummary={from === "summary"} />
    </StepPage>
  );
}
