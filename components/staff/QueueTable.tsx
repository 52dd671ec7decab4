// The queue as a compact table: one line per case at 1280 px and wider (short right names, compact
// dates, no wrapping), and below ~700 px each row becomes a card whose cells carry their column
// name (CSS in globals.css). Explicit table roles keep the table semantics when the cards change
// the cells' display (browsers drop them otherwise). This server part translates; the markup is
// QueueTableView, which gets the rows as data and every text once (see there why).
import { getTranslations } from "next-intl/server";
import type { QueueRow } from "@/lib/cases/list-queue";
import { IDENTITY_LEVELS, caseStatusI18nKey } from "@/lib/domain/case-status";
import { formatDateShort } from "@/lib/domain/calendar";
import { unitNameIn } from "@/lib/domain/unit-names";
import type { Locale } from "@/i18n/locales";
import { daysLeftText } from "./DaysLeft";
import { rightsShortLabel } from "./right-labels";
import { QueueTableView, type QueueTableRow, type QueueTableTexts } from "./QueueTableView";

const STRONG = new Set(["idporten_high", "idporten_substantial", "verified_in_person"]);
const CLAIM_FORM = "queue-claim";

export async function QueueTable(props: {
  rows: QueueRow[];
  locale: Locale;
  canAssign: boolean;
  canClaim: boolean;
  claimAction: (formData: FormData) => Promise<void>;
  back: string;
}) {
  const [t, tAll, tStaff] = await Promise.all([getTranslations("staffQueue"), getTranslations(), getTranslations("staff")]);
  const texts: QueueTableTexts = {
    caption: t("caption"),
    columns: {
      select: t("colSelect"),
      reference: tAll("staff.colReference"),
      requester: tAll("staff.colRequester"),
      rights: tAll("staff.colRights"),
      status: tAll("staff.colStatus"),
      unit: tAll("staff.colUnit"),
      assignee: tAll("staff.colAssignee"),
      due: tAll("staff.colDue"),
      daysLeft: tAll("staff.colDaysLeft"),
      actions: t("colActions"),
    },
    selectCase: t.raw("selectCase") as string,
    identityShort: Object.fromEntries(IDENTITY_LEVELS.map((level) => [level, t(`identityShort.${level}`)])),
    identity: Object.fromEntries(IDENTITY_LEVELS.map((level) => [level, t(`identity.${level}`)])),
    rights: {},
    status: {},
    days: {},
    extended: tAll("staff.extended"),
    unassigned: tAll("staff.unassigned"),
    paused: tAll("caseRules.queue.paused"),
    followUp: t("followUpTag"),
    claim: t("claim"),
  };
  const rows: QueueTableRow[] = props.rows.map((row) => {
    const rights = row.rights.join(",");
    texts.rights[rights] ??= rightsShortLabel(tAll, row.rights);
    texts.status[row.status] ??= tAll(caseStatusI18nKey(row.status, "staff"));
    const unit = row.unit ? unitNameIn(row.unit, props.locale) : tAll("staff.noUnit");
    const days = daysLeftText(tStaff, row.daysLeft);
    texts.days[row.daysLeft] ??= days.text;
    return {
      id: row.id,
      version: row.version,
      reference: row.reference,
      name: row.requesterName,
      level: row.identityLevel,
      strong: STRONG.has(row.identityLevel),
      rights,
      status: row.status,
      unit,
      assignee: row.assigneeName,
      due: formatDateShort(row.dueDate, props.locale),
      urgency: days.urgency,
      days: String(row.daysLeft),
      paused: row.status === "awaiting_requester",
      followUp: row.followUpAt !== null,
      extended: row.extended,
    };
  });
  return (
    <>
      {props.canClaim && (
        // One form for every row's "Ta saken" (the buttons name it and carry the case id).
        <form id={CLAIM_FORM} action={props.claimAction} hidden>
          <input type="hidden" name="back" value={props.back} />
        </form>
      )}
      <QueueTableView rows={rows} texts={texts} canAssign={props.canAssign} canClaim={props.canClaim} claimForm={CLAIM_FORM} />
    </>
  );
}
