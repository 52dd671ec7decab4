"use server";

// Admin server actions: parse the form, resolve the actor, call the service, map its errors to
// field messages. The services check the policy again (admin.manage_users / admin.manage_units).
import { redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { createStaffUser } from "@/lib/admin/create-staff-user";
import { updateStaffUser } from "@/lib/admin/update-staff-user";
import { setStaffUserActive } from "@/lib/admin/set-staff-user-active";
import { createUnit, updateUnit } from "@/lib/admin/save-unit";
import { formString, tryAction, uuidField } from "@/lib/http/action-failure";
import type { Role } from "@/lib/domain/policy";
import { adminFormFailure } from "./form-failure";
import type { AdminFormState } from "@/components/staff/admin/form-state";

const str = formString;
const list = (fd: FormData, key: string) => fd.getAll(key).filter((v): v is string => typeof v === "string");

function userValues(fd: FormData) {
  return { name: str(fd, "name"), email: str(fd, "email"), roles: list(fd, "roles"), unitIds: list(fd, "unitIds") };
}

export async function createStaffUserAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const values = userValues(fd);
  return tryAction(
    "admin.create_user_failed",
    async () => {
      await createStaffUser(actor, { ...values, roles: values.roles as Role[] });
      redirect("/staff/admin/users?done=created");
    },
    (failure) => adminFormFailure(failure, values),
  );
}

export async function updateStaffUserAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const userId = uuidField(fd, "userId");
  const actor = await requireStaffActor();
  const values = userValues(fd);
  return tryAction(
    "admin.update_user_failed",
    async () => {
      await updateStaffUser(actor, userId, { name: values.name, roles: values.roles as Role[], unitIds: values.unitIds });
      redirect("/staff/admin/users?done=updated");
    },
    (failure) => adminFormFailure(failure, values),
  );
}

export async function setStaffUserActiveAction(fd: FormData): Promise<void> {
  const userId = uuidField(fd, "userId");
  const actor = await requireStaffActor();
  const active = str(fd, "active") === "1";
  return tryAction(
    "admin.set_user_active_failed",
    async () => {
      await setStaffUserActive(actor, userId, active);
      redirect(`/staff/admin/users?done=${active ? "reactivated" : "deactivated"}`);
    },
    (failure) => {
      // Not an admin: the 404 page (actionFailure), like every refused admin action.
      if (failure.kind === "invalid") redirect(`/staff/admin/users/${userId}?error=deactivateSelf`);
      redirect(`/staff/admin/users/${userId}?error=${failure.kind === "unexpected" ? "unexpected" : "invalid"}`);
    },
  );
}

function unitValues(fd: FormData) {
  return {
    name: str(fd, "name"),
    nameNn: str(fd, "nameNn"),
    nameEn: str(fd, "nameEn"),
    slug: str(fd, "slug"),
    email: str(fd, "email"),
    systems: str(fd, "systems"),
    active: str(fd, "active"),
    specialCategory: str(fd, "specialCategory"),
  };
}

export async function createUnitAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const values = unitValues(fd);
  return tryAction(
    "admin.create_unit_failed",
    async () => {
      await createUnit(actor, { ...values, active: values.active === "1", specialCategory: values.specialCategory === "1" });
      redirect("/staff/admin/units?done=created");
    },
    (failure) => adminFormFailure(failure, values),
  );
}

export async function updateUnitAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const unitId = uuidField(fd, "unitId");
  const actor = await requireStaffActor();
  const values = unitValues(fd);
  return tryAction(
    "admin.update_unit_failed",
    async () => {
      await updateUnit(actor, unitId, { ...values, active: values.active === "1", specialCategory: values.specialCategory === "1" });
      redirect("/staff/admin/units?done=updated");
    },
    (failure) => adminFormFailure(failure, values),
  );
}
