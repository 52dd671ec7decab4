"use server";

// Server actions of the letter-template admin pages: resolve the actor, call the service (which
// checks admin.manage_templates and validates with zod, the template's key included), show its
// errors on the form. Not an admin, or an unknown template: 404 (lib/http/action-failure.ts).
import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { resetLetterTemplate, saveLetterTemplate } from "@/lib/admin/letter-templates";
import { formString, tryAction } from "@/lib/http/action-failure";
import type { AdminFormState } from "@/components/staff/admin/form-state";
import { adminFormFailure } from "../form-failure";

/** The template's key as posted (right, outcome, language); the service refuses anything unknown with 404. */
function keyOf(fd: FormData) {
  return { right: formString(fd, "right"), outcome: formString(fd, "outcome"), locale: formString(fd, "locale") };
}

export async function saveLetterTemplateAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const values = { body: formString(fd, "body") };
  return tryAction(
    "admin.letter_template_save_failed",
    async () => {
      const { custom } = await saveLetterTemplate(actor, { ...keyOf(fd), body: values.body });
      redirect(`/staff/admin/templates?done=${custom ? "saved" : "standard"}`);
    },
    (failure) => adminFormFailure(failure, values, { body: "required" }),
  );
}

export async function resetLetterTemplateAction(fd: FormData): Promise<void> {
  const actor = await requireStaffActor();
  return tryAction(
    "admin.letter_template_reset_failed",
    async () => {
      await resetLetterTemplate(actor, keyOf(fd));
      redirect("/staff/admin/templates?done=reset");
    },
    () => redirect("/staff/admin/templates?done=failed"),
  );
}
