-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- CreateTable
CREATE TABLE "admin_audit_event" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "municipality_id" TEXT NOT NULL,
    "actor_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "target_label" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "admin_audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_audit_event_municipality_id_at_id_idx" ON "admin_audit_event"("municipality_id", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "admin_audit_event_municipality_id_target_type_target_id_at_idx" ON "admin_audit_event"("municipality_id", "target_type", "target_id", "at" DESC);

-- AddForeignKey
ALTER TABLE "admin_audit_event" ADD CONSTRAINT "admin_audit_event_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_audit_event" ADD CONSTRAINT "admin_audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The actions and targets the portal writes (ADMIN_AUDIT_ACTIONS and ADMIN_AUDIT_TARGETS in
-- lib/domain/admin-audit.ts, kept equal by tests/integration/admin-audit.test.ts).
ALTER TABLE "admin_audit_event"
  ADD CONSTRAINT admin_audit_event_action_known CHECK ("action" IN ('staff_user.created', 'staff_user.updated', 'staff_user.deactivated', 'staff_user.reactivated', 'unit.created', 'unit.updated', 'retention.years_set', 'letter_template.saved', 'letter_template.reset')),
  ADD CONSTRAINT admin_audit_event_target_known CHECK ("target_type" IN ('staff_user', 'unit', 'municipality', 'letter_template'));

-- Append-only, for everyone (the owner too): no UPDATE or DELETE of a row, no TRUNCATE. The body is an
-- E-string with \073 for each semicolon (the migration engine splits on them).
CREATE FUNCTION admin_audit_event_is_append_only() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
  E'BEGIN RAISE EXCEPTION ''admin_audit_event is append-only: % is not allowed'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END';

CREATE TRIGGER admin_audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "admin_audit_event"
  FOR EACH ROW EXECUTE FUNCTION admin_audit_event_is_append_only();

CREATE TRIGGER admin_audit_event_no_truncate
  BEFORE TRUNCATE ON "admin_audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_event_is_append_only();

-- And the app's role may only read and append (the default grants gave it UPDATE and DELETE too).
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "admin_audit_event" FROM portal_app;
REVOKE ALL ON TABLE "admin_audit_event" FROM PUBLIC;
GRANT SELECT, INSERT ON TABLE "admin_audit_event" TO portal_app;
