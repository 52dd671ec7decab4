// The municipality's (or its DPO's) contact channels as a list: whatever the profile has of e-mail,
// phone, visiting and postal address, with the admin's values in place of the shipped ones
// (municipalityContact, lib/admin/profile-contact.ts). The footer and the statement pages share it.
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { currentMunicipality } from "@/lib/config/current";
import { municipalityContact } from "@/lib/admin/profile-contact";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

/**
 * The profile with the admin's contact values, once per request (the footer shows both lists), for
 * every page that prints contact details. With the database away: the shipped profile, so error
 * pages still show a way to get in touch.
 */
export const pageMunicipalityContact = cache(async () => {
  try {
    return await municipalityContact();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return currentMunicipality();
    throw error;
  }
});

export async function MunicipalityContact({ who = "municipality" }: { who?: "municipality" | "dpo" }) {
  const [t, tContact, m] = await Promise.all([getTranslations("layout"), getTranslations("contactAdmin.public"), pageMunicipalityContact()]);
  const lines =
    who === "dpo"
      ? [m.dpo.name, m.dpo.email && t("footerEmail", { email: m.dpo.email }), m.dpo.phone && t("footerPhone", { phone: m.dpo.phone }), m.dpo.postalAddress && t("footerPostal", { address: m.dpo.postalAddress })]
      : [
          m.postmottakEmail && t("footerEmail", { email: m.postmottakEmail }),
          m.phone && t("footerPhone", { phone: m.phone }),
          m.visitingAddress && t("footerVisiting", { address: m.visitingAddress }),
          // Trondheim's statement: "Trondheim kommune / (navn på enhet) / Postboks 2300 Torgarden / 7004 Trondheim".
          m.postalAddressUnitLine ? tContact("postalWithUnit", { name: m.name, address: m.postalAddress }) : t("footerPostal", { address: m.postalAddress }),
        ];
  return (
    <ul className="ds-list mt-2">
      {lines.filter((line): line is string => Boolean(line)).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
