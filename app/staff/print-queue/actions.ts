"use server";

import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { markLettersPrinted } from "@/lib/cases/print-queue";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";

/**
 * One form, two kinds of button: a row's own button posts `only=<id>`; "mark selected" posts the
 * ticked checkboxes (`ids`). Works without JavaScript.
 */
export async function markPrintedAction(formData: FormData): Promise<void> {
  const actor = await requireStaffActor();
  const only = formData.get("only");
  const ids = typeof only === "string" && only ? [only] : formData.getAll("ids").filter((v): v is string => typeof v === "string");
  if (ids.length === 0) redirect("/staff/print-queue?none=1#status");
  let marked: number;
  try {
    marked = (await markLettersPrinted(actor, ids)).marked;
  } catch (error) {
    if (isDomainError(error, "not_found")) notFound();
    // Someone who may read the queue but not work cases (the DPO).
    if (isDomainError(error, "forbidden")) redirect("/staff/print-queue?denied=1#status");
    const errorId = randomUUID();
    logger.error("print_queue.mark_failed", { errorId, error: (error as Error).name });
    throw error;
  }
  redirect(`/staff/print-queue?marked=${marked}#status`);
}
