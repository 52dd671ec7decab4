/**
 * The administration's audit trail: what an admin change records (issue 10). Each entry names who,
 * what (an action), on what (a target, with its name at the time) and the fields before and after.
 * Only the fields that changed are kept, so an entry reads as the change itself.
 */

export const ADMIN_AUDIT_ACTIONS = [
  "staff_user.created",
  "staff_user.updated",
  "staff_user.deactivated",
  "staff_user.reactivated",
  "unit.created",
  "unit.updated",
  "retention.years_set",
  "case_rules.unanswered_days_set",
  "site_links.set",
  "contact.set",
  "letter_template.saved",
  "letter_template.reset",
  "processing_activity.created",
  "processing_activity.updated",
  "processing_activity.retired",
  "processing_activity.reactivated",
] as const;
export type AdminAuditAction = (typeof ADMIN_AUDIT_ACTIONS)[number];

export const ADMIN_AUDIT_TARGETS = ["staff_user", "unit", "municipality", "letter_template", "processing_activity"] as const;
export type AdminAuditTarget = (typeof ADMIN_AUDIT_TARGETS)[number];

/** The target type every action is about. */
export const TARGET_OF_ACTION: Readonly<Record<AdminAuditAction, AdminAuditTarget>> = {
  "staff_user.created": "staff_user",
  "staff_user.updated": "staff_user",
  "staff_user.deactivated": "staff_user",
  "staff_user.reactivated": "staff_user",
  "unit.created": "unit",
  "unit.updated": "unit",
  "retention.years_set": "municipality",
  "case_rules.unanswered_days_set": "municipality",
  "site_links.set": "municipality",
  "contact.set": "municipality",
  "letter_template.saved": "letter_template",
  "letter_template.reset": "letter_template",
  "processing_activity.created": "processing_activity",
  "processing_activity.updated": "processing_activity",
  "processing_activity.retired": "processing_activity",
  "processing_activity.reactivated": "processing_activity",
};

/** A recorded value: what a form field holds. */
export type AuditValue = string | number | boolean | null | readonly string[];
export type AuditFields = Readonly<Record<string, AuditValue>>;

function sameValue(a: AuditValue | undefined, b: AuditValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Sets of roles or units: the order they were ticked in is no change.
    return a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
  }
  return a === b;
}

/**
 * The fields that differ between before and after, each side with only those fields. A field
 * missing on one side counts as null. Returns null when nothing changed (no entry is written then).
 */
export function changedFields(before: AuditFields, after: AuditFields): { before: AuditFields; after: AuditFields } | null {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const b: Record<string, AuditValue> = {};
  const a: Record<string, AuditValue> = {};
  for (const key of keys) {
    if (sameValue(before[key] ?? null, after[key] ?? null)) continue;
    b[key] = before[key] ?? null;
    a[key] = after[key] ?? null;
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}

/** The key of a letter template paragraph as a target id: "access/granted/nb". */
export function letterTemplateTargetId(key: { right: string; outcome: string; locale: string }): string {
  return `${key.right}/${key.outcome}/${key.locale}`;
}
