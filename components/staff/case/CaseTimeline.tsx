// Every audit event and message of the case, oldest first, with the staff member's name. Internal
// notes are marked as internal (the citizen never sees them).
import { getTranslations } from "next-intl/server";
import { LetterText } from "@/components/letters/LetterText";
import type { CaseTimelineEntry } from "@/lib/cases/case-timeline";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import type { Locale } from "@/i18n/locales";
import { isOneOf, underscored } from "@/i18n/translator";
import { CASE_STATUSES, isChannel } from "@/lib/domain/case-status";
import { REOPEN_GROUNDS } from "@/lib/domain/case-state-machine";
import { TASK_KINDS } from "@/lib/cases/case-tasks";
import { formatDateTime } from "@/components/my-cases/format";

/** Why someone lost a case (lib/admin/unassign-staff-user.ts, lib/cases/change-unit.ts). */
const UNASSIGN_REASONS = ["unit_changed", "unit_membership_removed", "role_removed", "user_deactivated"] as const;

/** Event types with their own text; anything else is shown with a generic text and its type. */
const KNOWN = [
  "case.received",
  "case.registered",
  "case.started",
  "case.requester_asked",
  "case.requester_answered",
  "case.extended",
  "case.decided",
  "case.withdrawn",
  "case.reopened",
  "case.requester_warned",
  "case.closed_unanswered",
  "case.assigned",
  "case.unassigned",
  "case.unit_changed",
  "case.restricted",
  "case.restriction_lifted",
  "case.complex_set",
  "case.complex_cleared",
  "case.no_recipients_set",
  "case.no_recipients_cleared",
  "message.to_requester",
  "message.from_requester",
  "note.added",
  "task.created",
  "task.done",
  "task.assigned",
  "attachment.from_requester",
  "attachment.answer",
  "attachment.internal",
  "letter.sent",
  "letter.printed",
  "complaint.filed",
  "complaint.answered",
  "case.legal_hold_set",
  "case.legal_hold_lifted",
  "case.follow_up_received",
  "case.follow_up_done",
  "case.special_category_set",
  "case.national_id_viewed",
  "case.files_deleted",
  "case.anonymised",
  "case.requester_linked",
  "archive.journaled",
  "archive.reference_recorded",
  "krr.checked",
  "integration.refused",
  "integration.retried",
  "letter.svarut_sent",
  "letter.svarut_status",
] as const;

const SVARUT_TIMELINE_STATUSES = ["received", "accepted", "delivered_digitally", "read", "sent_to_print", "printed", "manually_handled", "not_delivered"] as const;

export async function CaseTimeline({ entries, locale }: { entries: CaseTimelineEntry[]; locale: Locale }) {
  const t = await getTranslations();
  const date = (value: unknown) => {
    if (typeof value !== "string") return "";
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateLong(value, locale);
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? "" : formatDateLong(osloDateOf(d), locale);
  };
  const text = (e: CaseTimelineEntry): string => {
    const f = e.facts;
    const type = e.type;
    if (!isOneOf(KNOWN, type)) return t("caseWork.timeline.other", { type });
    switch (type) {
      case "case.registered":
        return t("caseWork.timeline.case_registered", {
          channel: isChannel(f.channel) ? t(`channel.${f.channel}`) : "",
          date: date(f.receivedAt),
          due: date(f.dueDate),
        });
      case "case.requester_asked":
        return t("caseWork.timeline.case_requester_asked", { kind: t(`caseWork.ask.kinds.${f.pauseKind === "identity" ? "identity" : "clarification"}`) });
      case "case.requester_answered": {
        const text = t("caseWork.timeline.case_requester_answered", { due: date(f.dueDate) });
        // An answer recorded later than it arrived (phone, letter): the pause ended on that day.
        const answeredOn = typeof f.pauseTo === "string" ? date(f.pauseTo) : "";
        return answeredOn && answeredOn !== date(e.at.toISOString()) ? `${text} ${t("caseRules.timeline.answeredOn", { date: answeredOn })}` : text;
      }
      case "case.extended":
        return t(`caseWork.timeline.${underscored(type)}`, { due: date(f.dueDate) });
      case "case.reopened":
        return t("caseWork.timeline.case_reopened", {
          ground: isOneOf(REOPEN_GROUNDS, f.ground) ? t(`caseWork.reopen.grounds.${f.ground}`) : "",
          due: date(f.dueDate),
        });
      case "case.requester_warned":
        return t("unanswered.timeline.case_requester_warned", { lastDay: date(f.lastDay) });
      case "case.closed_unanswered":
        return t("unanswered.timeline.case_closed_unanswered", { askedOn: date(f.askedOn) });
      case "case.decided":
        return t("caseWork.timeline.case_decided", { status: isOneOf(CASE_STATUSES, f.outcome) ? t(`staffCaseStatus.${f.outcome}`) : "" });
      case "case.unassigned": {
        const reason = isOneOf(UNASSIGN_REASONS, f.reason) ? f.reason : null;
        return reason ? t(`policyWork.timeline.case_unassigned_${reason}`) : t("policyWork.timeline.case_unassigned");
      }
      case "case.unit_changed": {
        const unit = typeof f.unitName === "string" ? f.unitName : null;
        if (!unit) return t(f.specialCategory === true ? "policyWork.timeline.case_unit_changed_special" : "policyWork.timeline.case_unit_changed");
        return t(f.specialCategory === true ? "policyWork.timeline.case_unit_changed_to_special" : "policyWork.timeline.case_unit_changed_to", { unit });
      }
      case "task.created":
      case "task.done":
        return t(`caseWork.timeline.${underscored(type)}`, {
          kind: isOneOf(TASK_KINDS, f.kind) ? t(`caseWork.tasks.kinds.${f.kind}`) : "",
          system: typeof f.system === "string" ? f.system : "",
        });
      case "task.assigned":
        return t("caseRules.timeline.task_assigned", {
          kind: isOneOf(TASK_KINDS, f.kind) ? t(`caseWork.tasks.kinds.${f.kind}`) : "",
          system: typeof f.system === "string" ? f.system : "",
        });
      case "archive.journaled":
        return typeof f.entryReference === "string" || typeof f.caseNumber === "string"
          ? t("platform.timeline.archive_journaled_ref", { reference: String(f.entryReference ?? f.caseNumber) })
          : t("platform.timeline.archive_journaled");
      case "archive.reference_recorded":
        return t("platform.timeline.archive_reference_recorded", { reference: typeof f.reference === "string" ? f.reference : "" });
      case "krr.checked":
        return t("platform.timeline.krr_checked");
      case "integration.refused":
        return t("platform.timeline.integration_refused");
      case "integration.retried":
        return t("platform.timeline.integration_retried");
      case "letter.svarut_sent":
        return t("platform.timeline.letter_svarut_sent");
      case "letter.svarut_status":
        return t("platform.timeline.letter_svarut_status", {
          status: isOneOf(SVARUT_TIMELINE_STATUSES, f.status) ? t(`platform.panel.svarut.${f.status}`) : t("platform.panel.svarut.unknown"),
        });
      case "case.requester_linked":
        return t("citizenLink.staffTimeline.case_requester_linked", { method: typeof f.method === "string" ? f.method : "" });
      case "case.special_category_set":
        if (f.specialCategory !== true) return t("requestDetails.timeline.specialOff");
        return t(f.byUnit === true ? "requestDetails.timeline.specialOnByUnit" : "requestDetails.timeline.specialOn");
      case "case.national_id_viewed":
        return t(f.nationalIdOf === "subject" ? "requestDetails.timeline.nationalIdSubject" : "requestDetails.timeline.nationalIdRequester");
      default:
        return t(`caseWork.timeline.${underscored(type)}`);
    }
  };
  const actor = (e: CaseTimelineEntry) =>
    e.actorType === "citizen"
      ? t("caseWork.timeline.actorCitizen")
      : e.actorType === "system"
        ? t("caseWork.timeline.actorSystem")
        : (e.actorName ?? t("caseWork.timeline.actorStaffUnknown"));

  if (entries.length === 0) return <p className="ds-paragraph mt-2">{t("caseWork.timeline.empty")}</p>;
  return (
    <ol className="mt-2 flex max-w-prose list-none flex-col gap-3 p-0" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} className="ds-card p-4" data-type={e.type} data-internal={e.message?.kind === "internal_note" || undefined}>
          <p className="ds-paragraph text-sm">
            <span className="font-semibold">{formatDateTime(e.at, locale)}</span> · {actor(e)}
          </p>
          <p className="ds-paragraph mt-1">
            {text(e)}
            {e.message?.kind === "internal_note" && (
              <span className="ds-tag ml-2" data-color="neutral">
                {t("caseWork.timeline.internalTag")}
              </span>
            )}
          </p>
          {e.message?.letter ? (
            // A sent letter is long: folded away here, in full in the conversation.
            <details className="mt-2">
              <summary className="ds-link cursor-pointer">{t("caseWork.timeline.showLetter")}</summary>
              <div className="mt-2 border-l-4 border-gray-300 pl-3">
                <LetterText text={e.message.body} level={4} />
              </div>
            </details>
          ) : (
            e.message && <p className="ds-paragraph mt-2 whitespace-pre-wrap border-l-4 border-gray-300 pl-3">{e.message.body}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
