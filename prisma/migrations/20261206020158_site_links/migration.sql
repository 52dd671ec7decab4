-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN     "accessibility_statement_url" TEXT,
ADD COLUMN     "privacy_statement_url" TEXT;


-- Only web addresses: the pages link to them.
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_privacy_statement_url_https" CHECK ("privacy_statement_url" IS NULL OR "privacy_statement_url" ~ '^https://[^[:space:]]+$');
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_accessibility_statement_url_https" CHECK ("accessibility_statement_url" IS NULL OR "accessibility_statement_url" ~ '^https://[^[:space:]]+$');

-- The admin change log knows the new action (ADMIN_AUDIT_ACTIONS in lib/domain/admin-audit.ts).
ALTER TABLE "admin_audit_event" DROP CONSTRAINT admin_audit_event_action_known;
ALTER TABLE "admin_audit_event"
  ADD CONSTRAINT admin_audit_event_action_known CHECK ("action" IN ('staff_user.created', 'staff_user.updated', 'staff_user.deactivated', 'staff_user.reactivated', 'unit.created', 'unit.updated', 'retention.years_set', 'site_links.set', 'letter_template.saved', 'letter_template.reset'));
