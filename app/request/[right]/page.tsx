import Link from "next/link";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { RequestForm } from "@/components/request/RequestForm";
import { db } from "@/lib/db/client";
import { currentMunicipality } from "@/lib/config/current";
import { isRight } from "@/lib/domain/rights";

export default async function RequestPage({ params }: { params: Promise<{ right: string }> }) {
  const { right } = await params;
  if (!isRight(right)) notFound();
  const [t, messages] = await Promise.all([getTranslations(), getMessages()]);
  const units = await db().unit.findMany({
    where: { municipalityId: currentMunicipality().id, active: true },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
  // Only the texts the form needs travel to the browser.
  const clientMessages = { requestForm: messages.requestForm, validation: messages.validation, errors: messages.errors };
  return (
    <>
      <p className="ds-paragraph">
        <Link className="ds-link" href="/">
          {t("layout.portalName")}
        </Link>
      </p>
      <h1 className="ds-heading mt-2" data-size="lg">
        {t(`rights.${right}.title`)}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t(`rights.${right}.summary`)}</p>
      <p className="ds-paragraph mt-2 mb-6 max-w-prose">{t("requestForm.intro")}</p>
      <NextIntlClientProvider messages={clientMessages}>
        <RequestForm right={right} units={units} submissionKey={randomUUID()} />
      </NextIntlClientProvider>
    </>
  );
}
