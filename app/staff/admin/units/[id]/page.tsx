import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getUnit } from "@/lib/admin/list-units";
import { UnitForm } from "@/components/staff/admin/UnitForm";
import { AdminHistory } from "@/components/staff/admin/AdminHistory";
import { hasPermission } from "@/lib/domain/policy";
import { adminErrorTexts, unitFormLabels } from "@/components/staff/admin/texts";
import { updateUnitAction } from "../../actions";

export default async function AdminEditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_units")) notFound();
  const [{ id }, t] = await Promise.all([params, getTranslations("staffQueue.admin.units")]);
  const unit = await getUnit(actor, id);
  if (!unit) notFound();
  const [errorTexts, labels] = await Promise.all([adminErrorTexts(), unitFormLabels(t("saveButton"))]);
  return (
    <>
      <p>
        <Link className="ds-link" href="/staff/admin/units">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="ds-heading mt-2 mb-4" data-size="lg">
        {t("editHeading", { name: unit.name })}
      </h1>
      <UnitForm
        action={updateUnitAction}
        hidden={{ unitId: unit.id }}
        idPrefix="edit-unit"
        labels={labels}
        initial={{
          name: unit.name,
          nameNn: unit.nameNn ?? "",
          nameEn: unit.nameEn ?? "",
          slug: unit.slug,
          email: unit.email ?? "",
          systems: unit.systems.join("\n"),
          active: unit.active,
          specialCategory: unit.specialCategory,
        }}
        errorTexts={errorTexts}
      />
      <AdminHistory actor={actor} targetType="unit" targetId={unit.id} />
    </>
  );
}
