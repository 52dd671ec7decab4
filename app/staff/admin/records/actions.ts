"use server";

// Server actions of the records of processing: parse the form, resolve the actor, call the service
// (which checks admin.manage_records again), map its errors to field messages.
import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { createProcessingActivity, setProcessingActivityRetired, updateProcessingActivity } from "@/lib/admin/processing-activities";
import { formString, tryAction, uuidField } from "@/lib/http/action-failure";
import { RECORD_TEXT_FIELDS } from "@/lib/admin/record-fields";
import type { AdminFormState } from "@/components/staff/admin/form-state";
import { adminFormFailure } from "../form-failure";

function values(fd: FormData) {
  return {
    name: formString(fd, "name"),
    unitId: formString(fd, "unitId"),
    ...(Object.fromEntries(RECORD_TEXT_FIELDS.map((k) => [k, formString(fd, k)])) as Record<(typeof RECORD_TEXT_FIELDS)[number], string>),
  };
}

export async function createRecordAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const input = values(fd);
  return tryAction(
    "admin.create_record_failed",
    async () => {
      const { id } = await createProcessingActivity(actor, input);
      redirect(`/staff/admin/records?done=created#entry-${id}`);
    },
    (failure) => adminFormFailure(failure, input),
  );
}

export async function updateRecordAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const entryId = uuidField(fd, "entryId");
  const actor = await requireStaffActor();
  const input = values(fd);
  return tryAction(
    "admin.update_record_failed",
    async () => {
      await updateProcessingActivity(actor, entryId, input);
      redirect(`/staff/admin/records?done=updated#entry-${entryId}`);
    },
    (failure) => adminFormFailure(failure, input),
  );
}

export async function setRecordRetiredAction(fd: FormData): Promise<void> {
  const entryId = uuidField(fd, "entryId");
  const actor = await requireStaffActor();
  const retired = formString(fd, "retired") === "1";
  return tryAction(
    "admin.set_record_retired_failed",
    async () => {
      await setProcessingActivityRetired(actor, entryId, retired);
      redirect(`/staff/admin/records/${entryId}?done=${retired ? "retired" : "reactivated"}`);
    },
    (failure) => {
      // Not allowed (or not this municipality's entry): the 404 page, like every refused admin action.
      if (failure.kind === "forbidden") adminFormFailure(failure, {});
      redirect(`/staff/admin/records/${entryId}?error=unexpected`);
    },
  );
}
