-- Hand-written, in a migration of its own: a new enum value cannot be used in the batch that added it.
-- Neither a grant nor "no data held" needs a legal basis, refusals and partial grants still do (Art. 12(4)).
-- "No data held" exists only for access and portability.
ALTER TABLE "case_decision" DROP CONSTRAINT case_decision_refusal_has_basis;
ALTER TABLE "case_decision"
  ADD CONSTRAINT case_decision_refusal_has_basis CHECK (
    "outcome" IN ('granted', 'no_data') OR (cardinality("legal_basis_ids") >= 1 AND length(btrim("reasons")) > 0));
ALTER TABLE "case_decision"
  ADD CONSTRAINT case_decision_no_data_copy_rights CHECK ("outcome" <> 'no_data' OR "right" IN ('access', 'portability'));
