"use server";

// Server action of the case-rules admin page: the service validates with zod; not an admin: 404.
import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { setUnansweredPeriod } from "@/lib/admin/unanswered-period";
import { formString, tryAction } from "@/lib/http/action-failure";
import type { AdminFormState } from "@/components/staff/admin/form-state";
import { adminFormFailure } from "../form-failure";

export async function setUnansweredPeriodAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const values = { unansweredCloseDays: formString(fd, "unansweredCloseDays") };
  return tryAction(
    "admin.unanswered_days_failed",
    async () => {
      await setUnansweredPeriod(actor, values);
      redirect("/staff/admin/case-rules?done=saved");
    },
    (failure) => adminFormFailure(failure, values, { unansweredCloseDays: "range" }),
  );
}
