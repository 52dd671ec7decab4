"use server";

// Server action of the retention admin page: the service validates with zod; not an admin: 404
// (lib/http/action-failure.ts).
import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { setRetentionYears } from "@/lib/admin/retention-settings";
import { formString, tryAction } from "@/lib/http/action-failure";
import type { AdminFormState } from "@/components/staff/admin/form-state";
import { adminFormFailure } from "../form-failure";

export async function setRetentionYearsAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const values = { retentionYears: formString(fd, "retentionYears") };
  return tryAction(
    "admin.retention_years_failed",
    async () => {
      await setRetentionYears(actor, values);
      redirect("/staff/admin/retention?done=saved");
    },
    (failure) => adminFormFailure(failure, values, { retentionYears: "range" }),
  );
}
