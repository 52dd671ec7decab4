import { getTranslations } from "next-intl/server";
import { NotFoundBody } from "@/components/layout/NotFoundBody";

/** notFound() on a citizen page (e.g. a case that is not yours): inside the citizen frame. */
export default async function CitizenNotFound() {
  const t = await getTranslations("errors");
  return <NotFoundBody heading={t("notFoundHeading")} body={t("notFoundBody")} link={t("toFrontPage")} href="/" />;
}
