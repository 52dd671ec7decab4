// The municipality's (or its DPO's) contact channels as a list: whatever the profile has of e-mail,
// phone, visiting and postal address. The footer and the statement pages share it.
import { getTranslations } from "next-intl/server";
import { currentMunicipality } from "@/lib/config/current";

export async function MunicipalityContact({ who = "municipality" }: { who?: "municipality" | "dpo" }) {
  const t = await getTranslations("layout");
  const m = currentMunicipality();
  const lines =
    who === "dpo"
      ? [m.dpo.name, m.dpo.email && t("footerEmail", { email: m.dpo.email }), m.dpo.phone && t("footerPhone", { phone: m.dpo.phone }), m.dpo.postalAddress && t("footerPostal", { address: m.dpo.postalAddress })]
      : [
          m.postmottakEmail && t("footerEmail", { email: m.postmottakEmail }),
          m.phone && t("footerPhone", { phone: m.phone }),
          m.visitingAddress && t("footerVisiting", { address: m.visitingAddress }),
          t("footerPostal", { address: m.postalAddress }),
        ];
  return (
    <ul className="ds-list mt-2">
      {lines.filter((line): line is string => Boolean(line)).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
