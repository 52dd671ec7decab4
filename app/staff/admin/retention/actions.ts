"use server";

// Server action of the retention admin page: parse nothing here (the service validates with zod),
// resolve the actor, call the service, map its errors to the form. Not an admin: 404.
import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { setRetentionYears } from "@/lib/admin/retention-settings";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { AdminFormState } from "@/components/staff/admin/form-state";

export async function setRetentionYearsAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const raw = fd.get("retentionYears");
  const values = { retentionYears: typeof raw === "string" ? raw : "" };
  try {
    await setRetentionYears(actor, values);
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    if (isDomainError(error, "validation_failed")) {
      const fields = error.details?.fields;
      return { errors: fields && typeof fields === "object" ? (fields as Record<string, string>) : { retentionYears: "range" }, values };
    }
    const errorId = randomUUID();
    logger.error("admin.retention_years_failed", { errorId, error: (error as Error).name });
    return { errorId, values };
  }
  redirect("/staff/admin/retention?done=saved");
}
