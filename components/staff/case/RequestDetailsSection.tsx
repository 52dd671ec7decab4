// "Henvendelsen" on the staff case page: what the requester filed (or what the staff member who
// registered it wrote down), so the caseworker reads it in one place: per right the right-specific
// answers, the narrowing (service, period), the unit named at receipt, on whose behalf, contact and
// answer channel. National ids are masked, with a button that shows the full number once (logged).
// Also the special-category mark (Art. 9) with the caseworker's toggle. Server component; the forms
// work without JavaScript.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Translator } from "@/i18n/translator";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { staffGetRequestDetails, type NationalIdOf, type StaffRequestDetailsView } from "@/lib/cases/staff-request-details";
import { formatDateLong } from "@/lib/domain/calendar";
import { unitNameIn } from "@/lib/domain/unit-names";
import { optionCitation, requestFieldType, RIGHTS_CATALOGUE, type Right, type RightField } from "@/lib/domain/rights";
import { answerOption, staffFieldOptionKey, type OptionField } from "@/i18n/request-field-keys";
import { detailFieldsOfRight, type StoredDetails } from "@/lib/requests/stored-details";
import type { Locale } from "@/i18n/locales";
import { revealNationalIdAction, setSpecialCategoryAction } from "@/app/staff/cases/[reference]/request-details-actions";
import { CaseActionForm } from "./CaseActionForm";
import { NationalIdReveal } from "./NationalIdReveal";

type T = Translator<"requestDetails">;

const DL = "mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,16rem)_1fr]";
const TEXT = "whitespace-pre-wrap break-words";

function Row({ label, children, id, testId }: { label: string; children: ReactNode; id?: string; testId?: string }) {
  return (
    <>
      <dt className="font-semibold" id={id}>
        {label}
      </dt>
      <dd className={TEXT} data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

/** A stored answer as the caseworker reads it: an option in their wording, with its article point. */
function detailValue(t: Translator, details: StoredDetails, field: RightField, locale: Locale): ReactNode {
  const value = details[field];
  if (value === undefined) return null;
  const type = requestFieldType(field);
  if (type.kind === "enum" || type.kind === "boolean") {
    const option = answerOption(field as OptionField, value);
    if (!option) return null;
    const citation = optionCitation(field, option);
    return citation ? (
      <>
        {t(staffFieldOptionKey(field as OptionField, option))} <span className="text-sm">({citation})</span>
      </>
    ) : (
      t(staffFieldOptionKey(field as OptionField, option))
    );
  }
  return type.kind === "date" && typeof value === "string" ? formatDateLong(value, locale) : String(value);
}

function RightDetails({ t, tAll, right, details, locale }: { t: T; tAll: Translator; right: Right; details: StoredDetails; locale: Locale }) {
  const fields = detailFieldsOfRight(right, details);
  const values = fields.map((f) => [f, detailValue(tAll, details, f, locale)] as const);
  const headingId = `request-right-${right}`;
  return (
    <section aria-labelledby={headingId} className="mt-4" data-right={right}>
      <h3 id={headingId} className="ds-heading" data-size="xs">
        {t("rightHeading", { right: t(`rights.${right}`), article: RIGHTS_CATALOGUE[right].gdprArticle })}
      </h3>
      {fields.length === 0 ? (
        <p className="ds-paragraph mt-1">{t("accessNothingNeeded")}</p>
      ) : values.every(([, v]) => v === null) ? (
        <p className="ds-paragraph mt-1">{t("noneForRight")}</p>
      ) : (
        <dl className={DL}>
          {values.map(([f, v]) => (
            <Row key={f} label={t(`fields.${f}`)} testId={`detail-${right}-${f}`}>
              {v ?? t("notGiven")}
            </Row>
          ))}
        </dl>
      )}
    </section>
  );
}

export async function RequestDetailsSection(props: {
  actor: StaffActor;
  reference: string;
  locale: Locale;
  search: Record<string, string | undefined>;
}) {
  const view = await staffGetRequestDetails(props.actor, props.reference);
  if (!view) return null;
  const [t, tAll] = await Promise.all([getTranslations("requestDetails"), getTranslations()]);
  const { locale } = props;
  const d = view.details;
  const date = (iso: string) => formatDateLong(iso, locale);
  const period =
    d.scopePeriodFrom && d.scopePeriodTo
      ? t("periodRange", { from: date(d.scopePeriodFrom), to: date(d.scopePeriodTo) })
      : d.scopePeriodFrom
        ? t("periodFrom", { from: date(d.scopePeriodFrom) })
        : d.scopePeriodTo
          ? t("periodTo", { to: date(d.scopePeriodTo) })
          : t("notGiven");
  const revealTexts = {
    reveal: t("nationalId.reveal"),
    help: t("nationalId.help"),
    shown: t("nationalId.shown"),
    none: t("nationalId.none"),
    error: t("nationalId.error", { errorId: "{errorId}" }),
  };
  const nationalId = (of: NationalIdOf, masked: string | null, labelId: string) =>
    masked === null ? (
      t("notGiven")
    ) : view.can.revealNationalId ? (
      <NationalIdReveal action={revealNationalIdAction} reference={view.reference} of={of} masked={masked} labelId={labelId} texts={revealTexts} />
    ) : (
      <span className="font-mono" data-testid={`national-id-${of}`}>
        {masked}
      </span>
    );

  return (
    <section id="request" aria-labelledby="request-heading" data-testid="request-details">
      <h2 id="request-heading" className="ds-heading" data-size="sm">
        {t("heading")}
      </h2>
      <p className="ds-paragraph mt-1">
        {view.channel === "web" ? t("introWeb") : t("introRegistered", { channel: tAll(`channel.${view.channel}`).toLowerCase() })}
      </p>

      {view.rights.map((right) => (
        <RightDetails key={right} t={t} tAll={tAll} right={right} details={d} locale={locale} />
      ))}

      <section aria-labelledby="request-scope-heading" className="mt-6">
        <h3 id="request-scope-heading" className="ds-heading" data-size="xs">
          {t("scopeHeading")}
        </h3>
        <dl className={DL}>
          <Row label={t("scopeService")} testId="detail-scope-service">
            {d.scopeService ?? t("notGiven")}
          </Row>
          <Row label={t("period")} testId="detail-scope-period">
            {period}
          </Row>
          <Row label={t("unitAtReceipt")} testId="detail-unit">
            {view.unitAtReceipt ? unitNameIn(view.unitAtReceipt, locale) : t("unitUnknown")}
          </Row>
          <Row label={t("description")} testId="detail-description">
            {view.description || t("notGiven")}
          </Row>
        </dl>
      </section>

      <section aria-labelledby="request-who-heading" className="mt-6">
        <h3 id="request-who-heading" className="ds-heading" data-size="xs">
          {t("whoHeading")}
        </h3>
        <dl className={DL}>
          <Row label={t("onBehalfOfLabel")} testId="detail-on-behalf-of">
            {t(`onBehalfOf.${view.onBehalfOf}`)}
          </Row>
          {view.onBehalfOf !== "self" && (
            <>
              <Row label={t("subjectName")} testId="detail-subject-name">
                {view.subjectName ?? t("notGiven")}
              </Row>
              <Row label={t("subjectNationalId")} id="request-subject-national-id">
                {nationalId("subject", view.subjectNationalIdMasked, "request-subject-national-id")}
              </Row>
              {view.declarationConfirmed && (
                <Row label={t("declaration")} testId="detail-declaration">
                  {t("declarationGiven")}
                </Row>
              )}
              {view.onBehalfOf === "guardian" && (
                <Row label={t("guardianCheck.label")} testId="detail-guardian-check">
                  <span className="block">{t("guardianCheck.intro")}</span>
                  <ul className="ds-list mt-1">
                    {(["person", "valid", "scope", "heard"] as const).map((item) => (
                      <li key={item}>{t(`guardianCheck.items.${item}`)}</li>
                    ))}
                  </ul>
                  <span className="mt-1 block">{t("guardianCheck.missing")}</span>
                </Row>
              )}
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="request-contact-heading" className="mt-6">
        <h3 id="request-contact-heading" className="ds-heading" data-size="xs">
          {t("contactHeading")}
        </h3>
        <dl className={DL}>
          <Row label={t("answerChannel")} testId="detail-answer-channel">
            {t(`answerChannels.${view.answerChannel}`)}
          </Row>
          <Row label={t("name")}>{view.contact.name}</Row>
          <Row label={t("emailLabel")} testId="detail-email">
            {view.contact.email ?? t("notGiven")}
          </Row>
          {view.contact.verifiedEmail && view.contact.verifiedEmail !== view.contact.email && (
            <Row label={t("verifiedEmail")}>{view.contact.verifiedEmail}</Row>
          )}
          <Row label={t("phoneLabel")} testId="detail-phone">
            {view.contact.phone ?? t("notGiven")}
          </Row>
          <Row label={t("postalAddressLabel")} testId="detail-postal-address">
            {view.contact.postalAddress ?? t("notGiven")}
          </Row>
          <Row label={t("requesterNationalId")} id="request-requester-national-id">
            {nationalId("requester", view.requesterNationalIdMasked, "request-requester-national-id")}
            {view.requesterNationalIdMasked && view.requesterNationalIdSource === "idporten" && (
              <span className="block text-sm">{t("fromIdporten")}</span>
            )}
          </Row>
        </dl>
      </section>

      <SpecialCategory t={t} view={view} search={props.search} locale={locale} />
    </section>
  );
}

function SpecialCategory({ t, view, search, locale }: { t: T; view: StaffRequestDetailsView; search: Record<string, string | undefined>; locale: Locale }) {
  const done = search.special === "on" || search.special === "off" || search.special === "unchanged" ? search.special : null;
  return (
    <section id="special-category" aria-labelledby="special-category-heading" className="mt-6" tabIndex={-1}>
      <h3 id="special-category-heading" className="ds-heading" data-size="xs">
        {t("special.heading")}
      </h3>
      {done && (
        <div className="ds-alert mt-2" data-color="success" role="status" data-testid="special-category-done">
          <p className="ds-paragraph">{t(`special.done.${done}`)}</p>
        </div>
      )}
      <p className="ds-paragraph mt-1" data-testid="special-category-status" data-special={view.specialCategory ? "on" : "off"}>
        {view.specialCategory ? t("special.on") : t("special.off")}
      </p>
      {view.specialCategoryUnit && <p className="ds-paragraph mt-1 text-sm">{t("special.unitNote", { unit: unitNameIn(view.specialCategoryUnit, locale) })}</p>}
      {view.can.setSpecialCategory && (
        <div className="mt-3">
          <CaseActionForm
            formId="special-category-form"
            action={setSpecialCategoryAction}
            hidden={{ reference: view.reference, version: String(view.version) }}
            reloadHref={`/staff/cases/${view.reference}#special-category`}
            submitVariant="secondary"
            fields={[
              { kind: "checkbox", name: "specialCategory", label: t("special.label"), help: t("special.help"), defaultChecked: view.specialCategory },
            ]}
            texts={{ submit: t("special.save"), summaryHeading: t("special.errors.summaryHeading"), reload: t("special.errors.reload") }}
          />
        </div>
      )}
    </section>
  );
}
