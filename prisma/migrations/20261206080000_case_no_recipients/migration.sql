-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- Art. 19: the caseworker recorded that there are no recipients to tell (lib/cases/record-no-recipients.ts)
ALTER TABLE "request_case" ADD COLUMN "no_recipients_at" TIMESTAMPTZ(3);
