-- Queue indexes, measured with scripts/bench-queue.ts at 1,000,000 cases (numbers in README).
-- Open cases only (partial): the queue's hot paths stay small however many closed cases pile up.
CREATE INDEX request_case_open_unit_due_idx ON "request_case" ("unit_id", "due_date", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
CREATE INDEX request_case_open_assignee_due_idx ON "request_case" ("assignee_id", "due_date", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
CREATE INDEX request_case_open_received_idx ON "request_case" ("received_at", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
CREATE INDEX request_case_open_unit_received_idx ON "request_case" ("unit_id", "received_at", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');
CREATE INDEX request_case_open_assignee_received_idx ON "request_case" ("assignee_id", "received_at", "id")
  WHERE "status" IN ('received', 'in_progress', 'awaiting_requester');

-- Substring search on the requester's name ("Søk på navn") without a sequential scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX requester_name_trgm_idx ON "requester" USING gin ("name" gin_trgm_ops);
