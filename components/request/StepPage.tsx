// The frame of every step page: progress ("Step 2 of 4"), heading, intro, a back link, and the
// texts the step's client form needs (only those travel to the browser).
import Link from "next/link";
import type { ReactNode } from "react";
import { getMessages, getTranslations } from "next-intl/server";
import { DRAFT_STEPS, type DraftStep } from "@/lib/requests/draft";
import { REQUEST_FORM_CLIENT_NAMESPACES } from "@/i18n/plain-messages";
import { StepMessagesProvider } from "./StepMessages";

export async function StepPage(props: { step: DraftStep; back?: string; children: ReactNode }) {
  const [t, messages] = await Promise.all([getTranslations(), getMessages()]);
  const clientMessages = Object.fromEntries(REQUEST_FORM_CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
  const number = DRAFT_STEPS.indexOf(props.step) + 1;
  return (
    <>
      {props.back && (
        <p className="ds-paragraph">
          <Link className="ds-link" href={props.back}>
            {t("requestFlow.steps.back")}
          </Link>
        </p>
      )}
      <p className="ds-paragraph mt-2" data-size="sm" data-testid="step-progress">
        {t("requestFlow.steps.progress", { number, total: DRAFT_STEPS.length })}
      </p>
      <h1 className="ds-heading mt-1" data-size="lg">
        {t(`requestFlow.steps.${props.step}.heading`)}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t(`requestFlow.steps.${props.step}.intro`)}</p>
      <p className="ds-paragraph mt-1 mb-6" data-size="sm">
        <a className="ds-link" href="/privacy">
          {t("sitePages.formLink")}
        </a>
      </p>
      <StepMessagesProvider messages={clientMessages}>{props.children}</StepMessagesProvider>
    </>
  );
}
