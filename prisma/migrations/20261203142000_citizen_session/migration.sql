-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- CreateEnum
CREATE TYPE "CitizenSessionEndReason" AS ENUM ('signed_out', 'replaced', 'revoked');

-- CreateTable
CREATE TABLE "citizen_session" (
    "id" UUID NOT NULL,
    "identity_id" UUID NOT NULL,
    "method" "CitizenAuthMethod" NOT NULL,
    "level" "IdentityLevel" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" "CitizenSessionEndReason",

    CONSTRAINT "citizen_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "citizen_session_identity_id_idx" ON "citizen_session"("identity_id");

-- AddForeignKey
ALTER TABLE "citizen_session" ADD CONSTRAINT "citizen_session_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "citizen_identity"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what a session row may say.
-- An ended session names why, and only an ended one does.
ALTER TABLE "citizen_session" ADD CONSTRAINT "citizen_session_end_reason_check"
  CHECK (("ended_at" IS NULL) = ("end_reason" IS NULL));

-- Times run forward: seen and ended at or after the sign-in.
ALTER TABLE "citizen_session" ADD CONSTRAINT "citizen_session_times_check"
  CHECK ("last_seen_at" >= "created_at" AND ("ended_at" IS NULL OR "ended_at" >= "created_at"));

-- The level matches the way in: an e-mail code gives level email_code, ID-porten substantial or high.
ALTER TABLE "citizen_session" ADD CONSTRAINT "citizen_session_level_check"
  CHECK (
    ("method" = 'email_code' AND "level" = 'email_code')
    OR ("method" = 'idporten' AND "level" IN ('idporten_substantial', 'idporten_high'))
  );
