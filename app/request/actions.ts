"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { submitRequest } from "@/lib/cases/submit-request";
import { isDomainError } from "@/lib/domain/errors";
import { fieldErrors, submitRequestSchema } from "@/lib/requests/request-schema";
import { isLocale } from "@/i18n/locales";
import { logger } from "@/lib/log";

export type RequestFormValues = { name: string; email: string; unit: string; description: string };

export type RequestFormState = {
  errors: Record<string, string>;
  values: RequestFormValues;
  errorId?: string;
};

function text(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

export async function submitRequestAction(_previous: RequestFormState, formData: FormData): Promise<RequestFormState> {
  const raw = {
    rights: formData.getAll("rights").filter((v): v is string => typeof v === "string"),
    name: text(formData, "name"),
    email: text(formData, "email"),
    unit: text(formData, "unit"),
    description: text(formData, "description"),
    submissionKey: text(formData, "submissionKey"),
  };
  const values = { name: raw.name, email: raw.email, unit: raw.unit, description: raw.description };
  const parsed = submitRequestSchema.safeParse(raw);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const locale = await getLocale();
  let receiptToken: string;
  try {
    const result = await submitRequest(parsed.data, { locale: isLocale(locale) ? locale : "nb" });
    receiptToken = result.receiptToken;
  } catch (error) {
    if (isDomainError(error, "validation_failed")) {
      const field = String(error.details?.field ?? "form");
      return { errors: { [field]: `validation.${field}.invalid` }, values };
    }
    const errorId = randomUUID();
    // Only the error class: messages of database errors can echo what the citizen typed.
    logger.error("request.submit_failed", { errorId, error: (error as Error).name });
    return { errors: {}, values, errorId };
  }
  redirect(`/receipt/${receiptToken}`);
}
