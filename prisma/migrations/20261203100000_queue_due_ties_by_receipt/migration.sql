-- The queue orders cases with the same due date by receipt time (first come, first served):
-- the open-case due-date indexes get received_at between due_date and id, so the keyset
-- pagination (due_date, received_at, id) stays an index scan.
DROP INDEX IF EXISTS request_case_open_due_idx;
CREATE INDEX request_case_open_due_idx ON "request_case" ("due_date", "received_at", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
DROP INDEX IF EXISTS request_case_open_unit_due_idx;
CREATE INDEX request_case_open_unit_due_idx ON "request_case" ("unit_id", "due_date", "received_at", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
DROP INDEX IF EXISTS request_case_open_assignee_due_idx;
CREATE INDEX request_case_open_assignee_due_idx ON "request_case" ("assignee_id", "due_date", "received_at", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
