import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("notFoundHeading")}
      </h1>
      <p className="ds-paragraph mt-2">{t("notFoundBody")}</p>
      <p className="mt-4">
        <Link className="ds-link" href="/">
          {t("toFrontPage")}
        </Link>
      </p>
    </>
  );
}
