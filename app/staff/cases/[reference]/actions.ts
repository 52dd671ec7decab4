"use server";

import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { staffSendMessage } from "@/lib/cases/staff-send-message";
import { markFollowUpHandled } from "@/lib/cases/mark-follow-up-handled";
import { messageBodySchema } from "@/lib/cases/message-schema";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { MessageFormState } from "@/components/my-cases/message-form-state";

function errorKey(message: string | undefined): string {
  return message?.startsWith("myCases.errors.") ? message.slice("myCases.errors.".length) : "messageEmpty";
}

export async function sendStaffMessageAction(reference: string, _prev: MessageFormState, formData: FormData): Promise<MessageFormState> {
  if (!/^PV-\d{4}-\d{6,}$/.test(reference)) notFound();
  const actor = await requireStaffActor();
  const raw = formData.get("body");
  const value = typeof raw === "string" ? raw : "";
  const parsed = messageBodySchema.safeParse(value);
  if (!parsed.success) return { value, error: errorKey(parsed.error.issues[0]?.message) };
  try {
    await staffSendMessage(actor, { reference, body: parsed.data });
  } catch (error) {
    if (isDomainError(error, "not_found") || isDomainError(error, "forbidden")) notFound();
    if (isDomainError(error, "case_closed")) return { value, error: "caseClosed" };
    const errorId = randomUUID();
    logger.error("staff_case.message_failed", { errorId, error: (error as Error).name });
    return { value, errorId };
  }
  redirect(`/staff/cases/${reference}?sent=1#conversation`);
}

/** "Marker som fulgt opp": a plain form (works without JavaScript); the page says what happened. */
export async function markFollowUpHandledAction(formData: FormData): Promise<void> {
  const reference = formData.get("reference");
  if (typeof reference !== "string" || !/^PV-\d{4}-\d{6,}$/.test(reference)) notFound();
  const actor = await requireStaffActor();
  try {
    await markFollowUpHandled(actor, { reference });
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    if (isDomainError(error, "forbidden")) redirect(`/staff/cases/${reference}?denied=followUp#case-alerts`);
    if (!isDomainError(error, "validation_failed")) {
      logger.error("staff_case.follow_up_failed", { errorId: randomUUID(), error: (error as Error).name });
      throw error;
    }
    // Someone else followed it up first: the page shows the case as it is now.
  }
  redirect(`/staff/cases/${reference}?done=followUpHandled#case-alerts`);
}
