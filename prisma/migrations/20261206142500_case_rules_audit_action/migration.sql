-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- The admin change log knows the new action (ADMIN_AUDIT_ACTIONS in lib/domain/admin-audit.ts).
ALTER TABLE "admin_audit_event" DROP CONSTRAINT admin_audit_event_action_known;
ALTER TABLE "admin_audit_event"
  ADD CONSTRAINT admin_audit_event_action_known CHECK ("action" IN ('staff_user.created', 'staff_user.updated', 'staff_user.deactivated', 'staff_user.reactivated', 'unit.created', 'unit.updated', 'retention.years_set', 'case_rules.unanswered_days_set', 'site_links.set', 'contact.set', 'letter_template.saved', 'letter_template.reset'));
