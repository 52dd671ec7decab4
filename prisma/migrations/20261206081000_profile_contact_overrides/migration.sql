-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN     "dpo_email_override" TEXT,
ADD COLUMN     "dpo_name_override" TEXT,
ADD COLUMN     "dpo_phone_override" TEXT,
ADD COLUMN     "dpo_postal_address_override" TEXT,
ADD COLUMN     "phone_override" TEXT,
ADD COLUMN     "postal_address_override" TEXT,
ADD COLUMN     "postmottak_email_override" TEXT,
ADD COLUMN     "visiting_address_override" TEXT;


-- One line each, as the pages and letters print them (the same limits as lib/admin/profile-contact.ts).
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_contact_overrides_one_line" CHECK (
  concat_ws(' ', "postmottak_email_override", "phone_override", "visiting_address_override", "postal_address_override", "dpo_name_override", "dpo_email_override", "dpo_phone_override", "dpo_postal_address_override") !~ '[[:cntrl:]]'
);
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_contact_override_emails" CHECK (
  ("postmottak_email_override" IS NULL OR "postmottak_email_override" ~ '^[^[:space:]@]+@[^[:space:]@]+$')
  AND ("dpo_email_override" IS NULL OR "dpo_email_override" ~ '^[^[:space:]@]+@[^[:space:]@]+$')
);

-- The admin change log knows the new action (ADMIN_AUDIT_ACTIONS in lib/domain/admin-audit.ts).
ALTER TABLE "admin_audit_event" DROP CONSTRAINT admin_audit_event_action_known;
ALTER TABLE "admin_audit_event"
  ADD CONSTRAINT admin_audit_event_action_known CHECK ("action" IN ('staff_user.created', 'staff_user.updated', 'staff_user.deactivated', 'staff_user.reactivated', 'unit.created', 'unit.updated', 'retention.years_set', 'site_links.set', 'contact.set', 'letter_template.saved', 'letter_template.reset'));
