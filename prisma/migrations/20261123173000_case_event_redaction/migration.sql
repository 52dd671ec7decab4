-- Retention may blank the before/after of audit events of an anonymised case (they can hold free-text
-- reasons), and only inside a transaction that sets portal.retention_redaction to on. Rows are never
-- deleted, and who, what and when never change.
CREATE OR REPLACE FUNCTION case_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF TG_OP = ''UPDATE'' AND current_setting(''portal.retention_redaction'', true) = ''on'' AND NEW.id = OLD.id AND NEW.case_id = OLD.case_id AND NEW.at = OLD.at AND NEW.actor_type = OLD.actor_type AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.type = OLD.type THEN RETURN NEW\073 END IF\073 RAISE EXCEPTION ''case_event is append-only: % is not allowed'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END';
