"use server";

// Server action of the contact details admin page: the service validates with zod; not an admin: 404
// (lib/http/action-failure.ts).
import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { CONTACT_FIELDS, setContact, type ContactInput } from "@/lib/admin/profile-contact";
import { formString, tryAction } from "@/lib/http/action-failure";
import type { AdminFormState } from "@/components/staff/admin/form-state";
import { adminFormFailure } from "../form-failure";

export async function setContactAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const values = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, formString(fd, field)])) as ContactInput;
  return tryAction(
    "admin.contact_failed",
    async () => {
      await setContact(actor, values);
      redirect("/staff/admin/contact?done=saved");
    },
    (failure) => adminFormFailure(failure, values, { postalAddress: "oneLine" }),
  );
}
