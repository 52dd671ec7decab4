-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- The deadline-reminder job walks the open cases in id order, 500 at a time (lib/jobs/deadline-reminders.ts).
-- Without this it reads the primary key and skips the closed cases: ~240 ms a batch at 1,000,000 cases.
CREATE INDEX request_case_open_id_idx ON "request_case" ("id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
