"use server";

import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { markLettersPrinted } from "@/lib/cases/print-queue";
import { tryAction } from "@/lib/http/action-failure";

/**
 * One form, two kinds of button: a row's own button posts `only=<id>`; "mark selected" posts the
 * ticked checkboxes (`ids`). Works without JavaScript. Failures are decided in
 * lib/http/action-failure.ts (a letter the actor may not see: the 404 page).
 */
export async function markPrintedAction(formData: FormData): Promise<void> {
  const actor = await requireStaffActor();
  const only = formData.get("only");
  const ids = typeof only === "string" && only ? [only] : formData.getAll("ids").filter((v): v is string => typeof v === "string");
  if (ids.length === 0) redirect("/staff/print-queue?none=1#status");
  return tryAction(
    "print_queue.mark_failed",
    async () => {
      const { marked } = await markLettersPrinted(actor, ids);
      redirect(`/staff/print-queue?marked=${marked}#status`);
    },
    // Someone who may read the queue but not work cases (the DPO): "not allowed".
    (failure) => redirect(`/staff/print-queue?${failure.kind === "forbidden" ? "denied=1" : "failed=1"}#status`),
  );
}
