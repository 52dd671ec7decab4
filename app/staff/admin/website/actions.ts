"use server";

// Server action of the website links admin page: the service validates with zod; not an admin: 404
// (lib/http/action-failure.ts).
import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { setSiteLinks } from "@/lib/admin/site-links";
import { formString, tryAction } from "@/lib/http/action-failure";
import type { AdminFormState } from "@/components/staff/admin/form-state";
import { adminFormFailure } from "../form-failure";

export async function setSiteLinksAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const values = { privacyStatementUrl: formString(fd, "privacyStatementUrl"), accessibilityStatementUrl: formString(fd, "accessibilityStatementUrl") };
  return tryAction(
    "admin.site_links_failed",
    async () => {
      await setSiteLinks(actor, values);
      redirect("/staff/admin/website?done=saved");
    },
    (failure) => adminFormFailure(failure, values, { privacyStatementUrl: "https" }),
  );
}
