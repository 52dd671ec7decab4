// Admin page: the municipality's and its DPO's contact details as the portal prints them, with
// where each value comes from. Values the municipality's statement does not give are the shipped
// profile's assumptions (lib/config/municipalities.ts): marked "not confirmed by the municipality"
// until an admin saves them. Admins only (the admin layout and the service both answer 404).
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getContactSettings, type ContactField } from "@/lib/admin/profile-contact";
import { hasPermission } from "@/lib/domain/policy";
import { currentMunicipality } from "@/lib/config/current";
import { AdminHistory } from "@/components/staff/admin/AdminHistory";
import { ContactForm, type ContactFormField } from "./ContactForm";
import { setContactAction } from "./actions";

export const dynamic = "force-dynamic";

const ERROR_KEYS = ["email", "phone", "tooLong", "oneLine"] as const;

const INPUT_TYPE: Record<ContactField, ContactFormField["type"]> = {
  postmottakEmail: "email",
  phone: "tel",
  visitingAddress: "text",
  postalAddress: "text",
  dpoName: "text",
  dpoEmail: "email",
  dpoPhone: "tel",
  dpoPostalAddress: "text",
};

const FIELD_ID: Record<ContactField, string> = {
  postmottakEmail: "contact-postmottak-email",
  phone: "contact-phone",
  visitingAddress: "contact-visiting-address",
  postalAddress: "contact-postal-address",
  dpoName: "contact-dpo-name",
  dpoEmail: "contact-dpo-email",
  dpoPhone: "contact-dpo-phone",
  dpoPostalAddress: "contact-dpo-postal-address",
};

export default async function AdminContactPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_units")) notFound();
  const [{ done }, t, settings] = await Promise.all([searchParams, getTranslations("contactAdmin"), getContactSettings(actor)]);
  const m = currentMunicipality();
  const unconfirmed = settings.filter((s) => s.source === "assumption").length;
  const fields: ContactFormField[] = settings.map((s) => ({
    name: s.field,
    id: FIELD_ID[s.field],
    label: t(`fields.${s.field}`),
    help: [
      t(`source.${s.source}`),
      s.shipped === null ? t("shippedNone") : t("shipped", { value: s.shipped }),
      s.field === "postalAddress" && m.postalAddressUnitLine ? t("postalUnitHelp", { name: m.name }) : null,
      t("emptyHelp"),
    ]
      .filter(Boolean)
      .join(" "),
    source: s.source,
    initial: s.value ?? "",
    type: INPUT_TYPE[s.field],
    group: s.field.startsWith("dpo") ? "dpo" : "municipality",
  }));
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      {done === "saved" && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{t("saved")}</p>
        </div>
      )}
      {unconfirmed > 0 && (
        <div className="ds-alert mt-4" data-color="warning">
          <p className="ds-paragraph">{t("source.assumption")}</p>
          <ul className="ds-list">
            {settings
              .filter((s) => s.source === "assumption")
              .map((s) => (
                <li key={s.field}>
                  <a className="ds-link" href={`#${FIELD_ID[s.field]}`}>
                    {t(`fields.${s.field}`)}
                  </a>
                </li>
              ))}
          </ul>
        </div>
      )}
      <p className="ds-paragraph mt-4 max-w-prose">
        <Link className="ds-link" href="/staff/admin/units">
          {t("unitsNote")}
        </Link>
      </p>
      <div className="mt-6">
        <ContactForm
          action={setContactAction}
          fields={fields}
          errorTexts={Object.fromEntries(ERROR_KEYS.map((key) => [key, t(`errors.${key}`)]))}
          labels={{
            submit: t("submit"),
            summaryHeading: t("summaryHeading"),
            unexpected: t("errors.unexpected", { errorId: "{errorId}" }),
            municipalityHeading: t("municipalityHeading"),
            dpoHeading: t("dpoHeading"),
          }}
        />
      </div>
      <AdminHistory actor={actor} targetType="municipality" targetId={currentMunicipality().id} />
    </>
  );
}
