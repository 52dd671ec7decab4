import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getStaffUser } from "@/lib/admin/list-staff-users";
import { listUnits } from "@/lib/admin/list-units";
import { hasPermission, ROLES } from "@/lib/domain/policy";
import { AdminHistory } from "@/components/staff/admin/AdminHistory";
import { StaffUserForm } from "@/components/staff/admin/StaffUserForm";
import { adminErrorTexts, staffUserFormLabels } from "@/components/staff/admin/texts";
import { setStaffUserActiveAction, updateStaffUserAction } from "../../actions";

export default async function AdminEditUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_users")) notFound();
  const [{ id }, { error }, t, tRoles, tErrors] = await Promise.all([
    params,
    searchParams,
    getTranslations("staffQueue.admin.users"),
    getTranslations("staffQueue.admin.roles"),
    getTranslations("staffQueue.admin.errors"),
  ]);
  const user = await getStaffUser(actor, id);
  if (!user) notFound();
  const [units, errorTexts, labels] = await Promise.all([listUnits(actor), adminErrorTexts(), staffUserFormLabels(t("saveButton"))]);
  const unitOptions = units
    .filter((u) => u.active || user.units.some((m) => m.id === u.id))
    .map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name} (${t("inactive")})` }));
  return (
    <>
      <p>
        <Link className="ds-link" href="/staff/admin/users">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="ds-heading mt-2" data-size="lg">
        {t("editHeading", { name: user.name ?? user.email })}
      </h1>
      <p className="ds-paragraph mt-2 mb-4">
        {t("email")}: {user.email}
      </p>
      <StaffUserForm
        action={updateStaffUserAction}
        hidden={{ userId: user.id }}
        mode="edit"
        idPrefix="edit-user"
        labels={labels}
        roleOptions={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
        unitOptions={unitOptions}
        initial={{ name: user.name ?? "", email: user.email, roles: user.roles, unitIds: user.units.map((u) => u.id) }}
        errorTexts={errorTexts}
      />

      <section aria-labelledby="access-heading" className="mt-8">
        <h2 id="access-heading" className="ds-heading" data-size="md">
          {t("accessHeading")}
        </h2>
        {error === "deactivateSelf" && (
          <div className="ds-alert mt-2" data-color="danger" role="alert">
            <p className="ds-paragraph">{tErrors("deactivateSelf")}</p>
          </div>
        )}
        <p className="ds-paragraph mt-2">{user.active ? t("deactivateHelp") : t("reactivateHelp")}</p>
        <form action={setStaffUserActiveAction} className="mt-4">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "0" : "1"} />
          <button type="submit" className="ds-button" data-variant={user.active ? "secondary" : "primary"} data-color={user.active ? "danger" : undefined}>
            {user.active ? t("deactivate") : t("reactivate")}
          </button>
        </form>
      </section>
      <AdminHistory actor={actor} targetType="staff_user" targetId={user.id} />
    </>
  );
}
