import { getTranslations } from "next-intl/server";
import { NotFoundBody } from "@/components/layout/NotFoundBody";

/** notFound() on a staff page (a case outside the person's units): inside the staff frame. */
export default async function StaffNotFound() {
  const t = await getTranslations("errors");
  return <NotFoundBody heading={t("notFoundHeading")} body={t("notFoundBody")} link={t("toQueue")} href="/staff" />;
}
