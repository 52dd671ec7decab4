"use server";

// Server actions of the staff case page's conversation: a message to the requester, and marking a
// follow-up handled. Thin: the reference from a hidden field, the actor, the service; failures are
// decided in lib/http/action-failure.ts.
import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { staffSendMessage } from "@/lib/cases/staff-send-message";
import { markFollowUpHandled } from "@/lib/cases/mark-follow-up-handled";
import { messageBodySchema } from "@/lib/cases/message-schema";
import { formString, referenceField, tryAction } from "@/lib/http/action-failure";
import type { MessageFormState } from "@/components/my-cases/message-form-state";

function errorKey(message: string | undefined): string {
  return message?.startsWith("myCases.errors.") ? message.slice("myCases.errors.".length) : "messageEmpty";
}

export async function sendStaffMessageAction(_prev: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const reference = referenceField(formData);
  const actor = await requireStaffActor();
  const value = formString(formData, "body");
  const parsed = messageBodySchema.safeParse(value);
  if (!parsed.success) return { value, error: errorKey(parsed.error.issues[0]?.message) };
  return tryAction(
    "staff_case.message_failed",
    async () => {
      await staffSendMessage(actor, { reference, body: parsed.data });
      redirect(`/staff/cases/${reference}?sent=1#conversation`);
    },
    (failure): MessageFormState => {
      if (failure.kind === "rule" && failure.code === "case_closed") return { value, error: "caseClosed" };
      if (failure.kind === "forbidden") return { value, error: "notAllowed" };
      if (failure.kind === "invalid") return { value, error: errorKey(String(failure.details.message ?? "")) };
      return { value, errorId: failure.kind === "unexpected" ? failure.errorId : "-" };
    },
  );
}

/** "Marker som fulgt opp": a plain form (works without JavaScript); the page says what happened. */
export async function markFollowUpHandledAction(formData: FormData): Promise<void> {
  const reference = referenceField(formData);
  const actor = await requireStaffActor();
  return tryAction(
    "staff_case.follow_up_failed",
    async () => {
      await markFollowUpHandled(actor, { reference });
      redirect(`/staff/cases/${reference}?done=followUpHandled#case-alerts`);
    },
    (failure) => {
      if (failure.kind === "forbidden") redirect(`/staff/cases/${reference}?denied=followUp#case-alerts`);
      // Someone else followed it up first (invalid): the page shows the case as it is now.
      if (failure.kind === "invalid") redirect(`/staff/cases/${reference}#case-alerts`);
      redirect(`/staff/cases/${reference}?denied=${failure.kind === "unexpected" ? "error" : "1"}#case-alerts`);
    },
  );
}
