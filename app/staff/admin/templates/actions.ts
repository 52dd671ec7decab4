"use server";

// Server actions of the letter-template admin pages: resolve the actor, call the service (which
// checks admin.manage_templates and validates with zod), map its errors to the form. Not an admin,
// or an unknown template: 404.
import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { resetLetterTemplate, saveLetterTemplate, type LetterTemplateKey } from "@/lib/admin/letter-templates";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { AdminFormState } from "@/components/staff/admin/form-state";

export async function saveLetterTemplateAction(key: LetterTemplateKey, _prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const raw = fd.get("body");
  const values = { body: typeof raw === "string" ? raw : "" };
  let custom: boolean;
  try {
    ({ custom } = await saveLetterTemplate(actor, { ...key, body: values.body }));
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    if (isDomainError(error, "validation_failed")) {
      const fields = error.details?.fields;
      return { errors: fields && typeof fields === "object" ? (fields as Record<string, string>) : { body: "required" }, values };
    }
    const errorId = randomUUID();
    logger.error("admin.letter_template_save_failed", { errorId, error: (error as Error).name });
    return { errorId, values };
  }
  redirect(`/staff/admin/templates?done=${custom ? "saved" : "standard"}`);
}

export async function resetLetterTemplateAction(key: LetterTemplateKey): Promise<void> {
  const actor = await requireStaffActor();
  try {
    await resetLetterTemplate(actor, key);
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    throw error;
  }
  redirect("/staff/admin/templates?done=reset");
}
