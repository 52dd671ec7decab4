"use server";

// Admin server actions: parse the form, resolve the actor, call the service, map its errors to
// field messages. The services check the policy again (admin.manage_users / admin.manage_units).
import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { createStaffUser } from "@/lib/admin/create-staff-user";
import { updateStaffUser } from "@/lib/admin/update-staff-user";
import { setStaffUserActive } from "@/lib/admin/set-staff-user-active";
import { createUnit, updateUnit } from "@/lib/admin/save-unit";
import { isDomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import type { Role } from "@/lib/domain/policy";
import type { AdminFormState } from "@/components/staff/admin/form-state";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : "";
};
const list = (fd: FormData, key: string) => fd.getAll(key).filter((v): v is string => typeof v === "string");

/** A service error as form state; not_found (no admin, or gone) is a 404 page. */
function failed(error: unknown, values: AdminFormState["values"], event: string): AdminFormState {
  if (isDomainError(error, "not_found")) notFound();
  if (isDomainError(error, "validation_failed")) {
    const fields = error.details?.fields;
    if (fields && typeof fields === "object") return { errors: fields as Record<string, string>, values };
    return { errors: { form: "invalid" }, values };
  }
  const errorId = randomUUID();
  logger.error(event, { errorId, error: (error as Error).name });
  return { errorId, values };
}

function userValues(fd: FormData) {
  return { name: str(fd, "name"), email: str(fd, "email"), roles: list(fd, "roles"), unitIds: list(fd, "unitIds") };
}

export async function createStaffUserAction(_prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const actor = await requireStaffActor();
  const values = userValues(fd);
  try {
    await createStaffUser(actor, { ...values, roles: values.roles as Role[] });
  } catch (error) {
    return failed(error, values, "admin.create_user_failed");
  }
  redirect("/staff/admin/users?done=created");
}

export async function updateStaffUserAction(userId: string, _prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  if (!UUID.test(userId)) notFound();
  const actor = await requireStaffActor();
  const values = userValues(fd);
  try {
    await updateStaffUser(actor, userId, { name: values.name, roles: values.roles as Role[], unitIds: values.unitIds });
  } catch (error) {
    return failed(error, values, "admin.update_user_failed");
  }
  redirect("/staff/admin/users?done=updated");
}

export async function setStaffUserActiveAction(userId: string, fd: FormData): Promise<void> {
  if (!UUID.test(userId)) notFound();
  const actor = await requireStaffActor();
  const active = str(fd, "active") === "1";
  try {
    await setStaffUserActive(actor, userId, active);
  } catch (error) {
    if (isDomainError(error, "validation_failed")) redirect(`/staff/admin/users/${userId}?error=deactivateSelf`);
    throw error;
  }
  redirect(`/staff/admin/users?done=${active ? "reactivated" : "deactivated"}`);
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
  try {
    await createUnit(actor, { ...values, active: values.active === "1", specialCategory: values.specialCategory === "1" });
  } catch (error) {
    return failed(error, values, "admin.create_unit_failed");
  }
  redirect("/staff/admin/units?done=created");
}

export async function updateUnitAction(unitId: string, _prev: AdminFormState, fd: FormData): Promise<AdminFormState> {
  if (!UUID.test(unitId)) notFound();
  const actor = await requireStaffActor();
  const values = unitValues(fd);
  try {
    await updateUnit(actor, unitId, { ...values, active: values.active === "1", specialCategory: values.specialCategory === "1" });
  } catch (error) {
    return failed(error, values, "admin.update_unit_failed");
  }
  redirect("/staff/admin/units?done=updated");
}
