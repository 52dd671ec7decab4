"use server";

// Server actions of the citizen's case page: a secure message, and withdrawing the request. The
// reference comes from a hidden field and the case is found again through the signed-in identity
// (anyone else's case is the 404 page); failures are decided in lib/http/action-failure.ts.
import { redirect } from "next/navigation";
import { requireCitizen } from "@/lib/citizen-auth/session";
import { citizenSendMessage } from "@/lib/cases/citizen-send-message";
import { citizenWithdraw } from "@/lib/cases/citizen-withdraw";
import { messageBodySchema } from "@/lib/cases/message-schema";
import { formString, referenceField, tryAction } from "@/lib/http/action-failure";
import type { MessageFormState } from "@/components/my-cases/message-form-state";

function errorKeyFromSchema(message: string | undefined): string {
  return message?.startsWith("myCases.errors.") ? message.slice("myCases.errors.".length) : "messageEmpty";
}

export async function sendCitizenMessageAction(_prev: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const reference = referenceField(formData);
  const citizen = await requireCitizen(`/my-cases/${reference}`);
  const value = formString(formData, "body");
  const parsed = messageBodySchema.safeParse(value);
  if (!parsed.success) return { value, error: errorKeyFromSchema(parsed.error.issues[0]?.message) };
  return tryAction(
    "my_cases.message_failed",
    async () => {
      const { answered } = await citizenSendMessage({ identityId: citizen.identityId, level: citizen.level, reference, body: parsed.data });
      redirect(`/my-cases/${reference}?${answered ? "answered" : "sent"}=1#messages`);
    },
    (failure): MessageFormState => {
      if (failure.kind === "rule" && failure.code === "case_closed") return { value, error: "caseClosed" };
      if (failure.kind === "rate_limited") return { value, error: "rateLimited" };
      if (failure.kind === "forbidden") return { value, error: "stepUp" };
      if (failure.kind === "conflict") return { value, error: "conflict" };
      if (failure.kind === "invalid") return { value, error: errorKeyFromSchema(String(failure.details.message ?? "")) };
      return { value, errorId: failure.kind === "unexpected" ? failure.errorId : "-" };
    },
  );
}

export async function withdrawAction(formData: FormData): Promise<void> {
  const reference = referenceField(formData);
  const citizen = await requireCitizen(`/my-cases/${reference}/withdraw`);
  return tryAction(
    "my_cases.withdraw_failed",
    async () => {
      await citizenWithdraw({ identityId: citizen.identityId, reference });
      redirect(`/my-cases/${reference}?withdrawn=1`);
    },
    (failure) => {
      if (failure.kind === "conflict") redirect(`/my-cases/${reference}/withdraw?conflict=1`);
      if (failure.kind === "unexpected") redirect(`/my-cases/${reference}/withdraw?error=${failure.errorId}`);
      // Closed meanwhile: the case page shows how it stands now.
      redirect(`/my-cases/${reference}`);
    },
  );
}
