"use server";

import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { sendResponseLetter } from "@/lib/cases/send-response-letter";
import { recordNoRecipients } from "@/lib/cases/record-no-recipients";
import { lastChangedBy } from "@/lib/cases/staff-case-view";
import { createAnswerExport } from "@/lib/letters/response-export";
import { formString, referenceField, tryAction } from "@/lib/http/action-failure";
import type { LetterFormState } from "@/components/staff/letters/letter-form-state";
import { mandatoryPartMessages, registerMessages } from "./mandatory-errors";

const BODY_FIELD = "letter-body";
const DELIVERY_FIELD = "delivery";

export async function sendLetterAction(_prev: LetterFormState, formData: FormData): Promise<LetterFormState> {
  const reference = referenceField(formData);
  const actor = await requireStaffActor();
  const body = formString(formData, "body");
  const delivery = formString(formData, "delivery");
  const version = Number(formString(formData, "version"));
  const t = await getTranslations("letters.errors");
  const back = (errors: { fieldId: string; message: string }[]): LetterFormState => {
    // One entry per field (the summary links each field once).
    const merged = new Map<string, string[]>();
    for (const e of errors) merged.set(e.fieldId, [...(merged.get(e.fieldId) ?? []), e.message]);
    return { body, delivery, errors: [...merged].map(([fieldId, messages]) => ({ fieldId, message: messages.join(" ") })) };
  };
  return tryAction(
    "letters.send_failed",
    async () => {
      const sent = (await sendResponseLetter(actor, { reference, body, delivery, expectedVersion: Number.isInteger(version) ? version : 0 })).delivery;
      redirect(`/staff/cases/${reference}/letter?sent=${sent}#status`);
    },
    async (failure) => {
      if (failure.kind === "conflict" || (failure.kind === "invalid" && failure.field === "version")) {
        // The standard "changed by X, reload": nothing was sent.
        const [who, tc] = await Promise.all([lastChangedBy(actor, reference), getTranslations("caseWork.conflict")]);
        return { body, delivery, errors: [], conflict: who?.name ? tc("changedBy", { name: who.name }) : tc("changedBySomeone") };
      }
      if (failure.kind === "forbidden") return back([{ fieldId: BODY_FIELD, message: t("forbidden") }]);
      if (failure.kind === "invalid") {
        const d = failure.details;
        switch (d.reason) {
          case "bodyEmpty":
          case "bodyTooLong":
            return back([{ fieldId: BODY_FIELD, message: t(d.reason) }]);
          case "delivery":
            return back([{ fieldId: DELIVERY_FIELD, message: t("delivery") }]);
          case "noPostalAddress":
            return back([{ fieldId: DELIVERY_FIELD, message: t("noPostalAddress") }]);
          case "noDecisions":
            return back([{ fieldId: BODY_FIELD, message: t("noDecisions") }]);
          case "mandatory":
            return back((await mandatoryPartMessages(d)).map((message) => ({ fieldId: BODY_FIELD, message })));
          case "noCopy":
            return back([{ fieldId: BODY_FIELD, message: (await getTranslations("records.send"))("noCopy") }]);
          case "register":
            return back((await registerMessages(d)).map((message) => ({ fieldId: BODY_FIELD, message })));
        }
      }
      const errorId = failure.kind === "unexpected" ? failure.errorId : "-";
      return back([{ fieldId: BODY_FIELD, message: t("unexpected", { errorId }) }]);
    },
  );
}

/** "Lag JSON/CSV-eksport", from the letter page or from the case page's files (`back`). */
export async function createExportAction(formData: FormData): Promise<void> {
  const reference = referenceField(formData);
  const back = formString(formData, "back") === "case" ? "case" : "letter";
  const actor = await requireStaffActor();
  const page = back === "case" ? `/staff/cases/${reference}` : `/staff/cases/${reference}/letter`;
  return tryAction(
    "letters.export_failed",
    async () => {
      await createAnswerExport(actor, { reference });
      redirect(`${page}?exported=1#${back === "case" ? "files" : "status"}`);
    },
    (failure) => {
      if (failure.kind === "forbidden") notFound();
      redirect(`${page}?exportError=${failure.kind === "unexpected" ? failure.errorId : "-"}#export`);
    },
  );
}

/** "No recipients" (GDPR Art. 19) recorded or taken back from the letter page's Art. 19 note. */
export async function recordNoRecipientsAction(formData: FormData): Promise<void> {
  const reference = referenceField(formData);
  const actor = await requireStaffActor();
  const noRecipients = formString(formData, "noRecipients") === "yes";
  const version = Number(formString(formData, "version"));
  const page = `/staff/cases/${reference}/letter`;
  return tryAction(
    "letters.no_recipients_failed",
    async () => {
      await recordNoRecipients(actor, { reference, noRecipients, expectedVersion: Number.isInteger(version) ? version : 0 });
      redirect(`${page}?recipients=${noRecipients ? "recorded" : "cleared"}#art19-note`);
    },
    (failure) => {
      if (failure.kind === "forbidden") notFound();
      redirect(`${page}?recipients=failed#art19-note`);
    },
  );
}
