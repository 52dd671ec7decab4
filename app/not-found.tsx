import { getTranslations } from "next-intl/server";
import { CitizenShell } from "@/components/layout/CitizenShell";
import { NotFoundBody } from "@/components/layout/NotFoundBody";

/** An address that matches no page: the citizen frame (the root layout has none of its own). */
export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <CitizenShell>
      <NotFoundBody heading={t("notFoundHeading")} body={t("notFoundBody")} link={t("toFrontPage")} href="/" />
    </CitizenShell>
  );
}
