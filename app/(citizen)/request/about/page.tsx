import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StepPage } from "@/components/request/StepPage";
import { AboutForm } from "@/components/request/AboutForm";
import { DeceasedGuidance } from "@/components/request/DeceasedGuidance";
import { currentCitizen } from "@/lib/citizen-auth/session";
import { maskedIdPortenNationalId } from "@/lib/citizen-auth/own-national-id";
import { allowSyntheticNationalIds } from "@/lib/requests/request-schema";
import { canOpenStep, firstIncompleteStep } from "@/lib/requests/draft";
import { currentDraft } from "../draft-session";
import { osloDateOf } from "@/lib/domain/calendar";
import { now as clockNow } from "@/lib/clock";

export const dynamic = "force-dynamic";

export default async function AboutStepPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const [draft, citizen, { from }] = await Promise.all([currentDraft(), currentCitizen(), searchParams]);
  if (!draft) redirect("/request/what");
  if (!canOpenStep(draft.data, "about")) redirect(`/request/${firstIncompleteStep(draft.data)}`);
  const about = draft.data.about;
  // Signed in with ID-porten: their own number comes from there, so the form does not ask for it.
  const idPortenNationalId = citizen?.method === "idporten" ? await maskedIdPortenNationalId(citizen.identityId) : null;
  const t = await getTranslations();
  const values: Record<string, string | boolean> = {
    name: about?.name ?? citizen?.name ?? "",
    email: about?.email ?? citizen?.email ?? "",
    onBehalfOf: about?.onBehalfOf ?? "",
    subjectName: about?.subjectName ?? "",
    declaration: about?.declaration ?? false,
    answerChannel: about?.answerChannel ?? "",
    postalAddress: about?.postalAddress ?? "",
    nationalId: "",
    subjectNationalId: "",
  };
  return (
    <StepPage step="about" back="/request/details">
      <AboutForm
        values={values}
        savedNationalId={about?.nationalIdMasked}
        idPortenNationalIdText={idPortenNationalId ? t("citizenLink.about.nationalIdFromIdPorten", { masked: idPortenNationalId }) : null}
        savedSubjectNationalId={about?.subjectNationalIdMasked}
        verifiedEmail={citizen?.email ?? null}
        allowSynthetic={allowSyntheticNationalIds()}
        today={osloDateOf(clockNow())}
        returnToSummary={from === "summary"}
        deceasedGuidance={<DeceasedGuidance />}
      />
    </StepPage>
  );
}
