import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { listStaffUsers } from "@/lib/admin/list-staff-users";
import { listUnits } from "@/lib/admin/list-units";
import { hasPermission, ROLES } from "@/lib/domain/policy";
import { StaffUserForm } from "@/components/staff/admin/StaffUserForm";
import { adminErrorTexts, staffUserFormLabels } from "@/components/staff/admin/texts";
import { createStaffUserAction } from "../actions";

const DONE = ["created", "updated", "deactivated", "reactivated"] as const;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireStaffActor();
  // The layout answers 404 too, but it renders in parallel with the page: stop before any service call.
  if (!hasPermission(actor, "admin.manage_users")) notFound();
  const [{ done }, t, tRoles] = await Promise.all([
    searchParams,
    getTranslations("staffQueue.admin.users"),
    getTranslations("staffQueue.admin.roles"),
  ]);
  const [users, units, errorTexts, labels] = await Promise.all([
    listStaffUsers(actor),
    listUnits(actor),
    adminErrorTexts(),
    staffUserFormLabels(t("createButton")),
  ]);
  const notice = DONE.find((d) => d === done);
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2">{t("intro")}</p>
      {notice && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{t(`done.${notice}`)}</p>
        </div>
      )}
      <div className="mt-6 overflow-x-auto">
        <table className="ds-table" data-zebra="true" data-size="sm">
          <caption className="ds-sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("roles")}</th>
              <th scope="col">{t("units")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">
                <span className="ds-sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-email={u.email}>
                <th scope="row">{u.name ?? "-"}</th>
                <td>{u.email}</td>
                <td>{u.roles.map((r) => tRoles(r)).join(", ") || "-"}</td>
                <td>{u.units.map((unit) => unit.name).join(", ") || "-"}</td>
                <td>
                  <span className="ds-tag" data-size="sm" data-color={u.active ? "success" : "neutral"}>
                    {u.active ? t("active") : t("inactive")}
                  </span>
                </td>
                <td>
                  <a className="ds-link" href={`/staff/admin/users/${u.id}`}>
                    {t("edit")}
                    <span className="ds-sr-only"> {u.name ?? u.email}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="new-user-heading" className="mt-8">
        <h2 id="new-user-heading" className="ds-heading" data-size="md">
          {t("createHeading")}
        </h2>
        <p className="ds-paragraph mt-2 mb-4">{t("createIntro")}</p>
        <StaffUserForm
          action={createStaffUserAction}
          mode="create"
          idPrefix="new-user"
          labels={labels}
          roleOptions={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
          unitOptions={units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          initial={{ name: "", email: "", roles: [], unitIds: [] }}
          errorTexts={errorTexts}
        />
      </section>
    </>
  );
}
