// How the admin forms show a failed action (lib/http/action-failure.ts decides what failed): field
// messages for bad input, "something went wrong" with an error id otherwise. Admin pages exist only
// for admins: a refusal is the 404 page, as for a page that does not exist.
import "server-only";
import { notFound } from "next/navigation";
import type { ActionFailure } from "@/lib/http/action-failure";
import type { AdminFormState } from "@/components/staff/admin/form-state";

export function adminFormFailure(failure: ActionFailure, values: AdminFormState["values"], fallback: Record<string, string> = { form: "invalid" }): AdminFormState {
  switch (failure.kind) {
    case "forbidden":
      return notFound();
    case "invalid":
      return { errors: Object.keys(failure.fields).length > 0 ? failure.fields : fallback, values };
    case "unexpected":
      return { errorId: failure.errorId, values };
    default:
      return { errors: fallback, values };
  }
}
