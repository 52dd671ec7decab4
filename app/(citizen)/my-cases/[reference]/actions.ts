"use server";

import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { requireCitizen } from "@/lib/citizen-auth/session";
import { citizenSendMessage } from "@/lib/cases/citizen-send-message";
import { citizenWithdraw } from "@/lib/cases/citizen-withdraw";
import { messageBodySchema } from "@/lib/cases/message-schema";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { MessageFormState } from "@/components/my-cases/message-form-state";

const REFERENCE = /^PV-\d{4}-\d{6,}$/;

function errorKeyFromSchema(message: string | undefined): string {
  return message?.startsWith("myCases.errors.") ? message.slice("myCases.errors.".length) : "messageEmpty";
}

export async function sendCitizenMessageAction(reference: string, _prev: MessageFormState, formData: FormData): Promise<MessageFormState> {
  if (!REFERENCE.test(reference)) notFound();
  const citizen = await requireCitizen(`/my-cases/${reference}`);
  const raw = formData.get("body");
  const value = typeof raw === "string" ? raw : "";
  const parsed = messageBodySchema.safeParse(value);
  if (!parsed.success) return { value, error: errorKeyFromSchema(parsed.error.issues[0]?.message) };

  let answered: boolean;
  try {
    ({ answered } = await citizenSendMessage({ identityId: citizen.identityId, reference, body: parsed.data }));
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    if (isDomainError(error, "case_closed")) return { value, error: "caseClosed" };
    if (isDomainError(error, "rate_limited")) return { value, error: "rateLimited" };
    if (isDomainError(error, "conflict_stale_version")) return { value, error: "conflict" };
    if (isDomainError(error, "validation_failed")) return { value, error: errorKeyFromSchema(String(error.details?.message ?? "")) };
    const errorId = randomUUID();
    logger.error("my_cases.message_failed", { errorId, error: (error as Error).name });
    return { value, errorId };
  }
  redirect(`/my-cases/${reference}?${answered ? "answered" : "sent"}=1#messages`);
}

export async function withdrawAction(reference: string): Promise<void> {
  if (!REFERENCE.test(reference)) notFound();
  const citizen = await requireCitizen(`/my-cases/${reference}/withdraw`);
  try {
    await citizenWithdraw({ identityId: citizen.identityId, reference });
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    if (isDomainError(error, "case_closed")) redirect(`/my-cases/${reference}`);
    if (isDomainError(error, "conflict_stale_version")) redirect(`/my-cases/${reference}/withdraw?conflict=1`);
    const errorId = randomUUID();
    logger.error("my_cases.withdraw_failed", { errorId, error: (error as Error).name });
    throw error;
  }
  redirect(`/my-cases/${reference}?withdrawn=1`);
}
