-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- A search task records whether it found data about the requester (null: not stated).
ALTER TABLE "case_task" ADD COLUMN "data_found" BOOLEAN;

-- The admin change log knows the records of processing (ADMIN_AUDIT_ACTIONS in lib/domain/admin-audit.ts).
ALTER TABLE "admin_audit_event" DROP CONSTRAINT admin_audit_event_action_known;
ALTER TABLE "admin_audit_event"
  ADD CONSTRAINT admin_audit_event_action_known CHECK ("action" IN ('staff_user.created', 'staff_user.updated', 'staff_user.deactivated', 'staff_user.reactivated', 'unit.created', 'unit.updated', 'retention.years_set', 'case_rules.unanswered_days_set', 'site_links.set', 'contact.set', 'letter_template.saved', 'letter_template.reset', 'processing_activity.created', 'processing_activity.updated', 'processing_activity.retired', 'processing_activity.reactivated'));
ALTER TABLE "admin_audit_event" DROP CONSTRAINT admin_audit_event_target_known;
ALTER TABLE "admin_audit_event"
  ADD CONSTRAINT admin_audit_event_target_known CHECK ("target_type" IN ('staff_user', 'unit', 'municipality', 'letter_template', 'processing_activity'));
