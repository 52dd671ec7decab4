import { getTranslations } from "next-intl/server";

export default async function CheckEmailPage() {
  const t = await getTranslations("staff");
  return (
    <div className="max-w-prose">
      <h1 className="ds-heading" data-size="lg">
        {t("checkEmailHeading")}
      </h1>
      <p className="ds-paragraph mt-2">{t("checkEmailBody")}</p>
    </div>
  );
}
