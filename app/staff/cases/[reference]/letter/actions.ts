"use server";

import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { sendResponseLetter } from "@/lib/cases/send-response-letter";
import { lastChangedBy } from "@/lib/cases/staff-get-case";
import { createAnswerExport } from "@/lib/letters/response-export";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { LetterFormState } from "@/components/staff/letters/letter-form-state";
import { mandatoryPartMessages } from "./mandatory-errors";

const REFERENCE = /^PV-\d{4}-\d{6,}$/;
const BODY_FIELD = "letter-body";
const DELIVERY_FIELD = "delivery";

function text(formData: FormData, name: string): string {
  const raw = formData.get(name);
  return typeof raw === "string" ? raw : "";
}

export async function sendLetterAction(reference: string, _prev: LetterFormState, formData: FormData): Promise<LetterFormState> {
  if (!REFERENCE.test(reference)) notFound();
  const actor = await requireStaffActor();
  const body = text(formData, "body");
  const delivery = text(formData, "delivery");
  const version = Number(text(formData, "version"));
  const t = await getTranslations("letters.errors");
  const back = (errors: { fieldId: string; message: string }[]): LetterFormState => {
    // One entry per field (the summary links each field once).
    const merged = new Map<string, string[]>();
    for (const e of errors) merged.set(e.fieldId, [...(merged.get(e.fieldId) ?? []), e.message]);
    return { body, delivery, errors: [...merged].map(([fieldId, messages]) => ({ fieldId, message: messages.join(" ") })) };
  };
  let sent: "portal" | "post";
  try {
    sent = (await sendResponseLetter(actor, { reference, body, delivery, expectedVersion: Number.isInteger(version) ? version : 0 })).delivery;
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    if (isDomainError(error, "conflict_stale_version") || (isDomainError(error, "validation_failed") && error.details?.field === "version")) {
      // The standard "changed by X, reload": nothing was sent.
      const [who, tc] = await Promise.all([lastChangedBy(actor, reference), getTranslations("caseWork.conflict")]);
      return { body, delivery, errors: [], conflict: who?.name ? tc("changedBy", { name: who.name }) : tc("changedBySomeone") };
    }
    if (isDomainError(error, "forbidden")) return back([{ fieldId: BODY_FIELD, message: t("forbidden") }]);
    if (isDomainError(error, "validation_failed")) {
      const d = error.details ?? {};
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
      }
    }
    const errorId = randomUUID();
    logger.error("letters.send_failed", { errorId, error: (error as Error).name });
    return back([{ fieldId: BODY_FIELD, message: t("unexpected", { errorId }) }]);
  }
  redirect(`/staff/cases/${reference}/letter?sent=${sent}#status`);
}

/** "Lag JSON/CSV-eksport", from the letter page or from the case page's files (`back`). */
export async function createExportAction(reference: string, back: "letter" | "case"): Promise<void> {
  if (!REFERENCE.test(reference)) notFound();
  const actor = await requireStaffActor();
  const page = back === "case" ? `/staff/cases/${reference}` : `/staff/cases/${reference}/letter`;
  try {
    await createAnswerExport(actor, { reference });
  } catch (error) {
    if (isDomainError(error, "not_found") || isDomainError(error, "forbidden")) notFound();
    const errorId = randomUUID();
    logger.error("letters.export_failed", { errorId, error: (error as Error).name });
    redirect(`${page}?exportError=${errorId}#export`);
  }
  redirect(`${page}?exported=1#${back === "case" ? "files" : "status"}`);
}
