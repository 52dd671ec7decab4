-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- The outbox worker looks for rows left `sending` by a crashed worker whose lease has run out.
CREATE INDEX mail_outbox_sending_idx ON "mail_outbox" ("claimed_at") WHERE "status" = 'sending';

-- A row that is being sent always says since when.
ALTER TABLE "mail_outbox"
  ADD CONSTRAINT mail_outbox_sending_has_claim CHECK ("status" <> 'sending' OR "claimed_at" IS NOT NULL);
