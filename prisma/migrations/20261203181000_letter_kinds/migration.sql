-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- Letter kinds are a fixed list (LETTER_KINDS in lib/domain/letters.ts), not a free string, like the
-- delivery channel (letter_delivery_known, 20261123151345_caseworker_workspace).
ALTER TABLE "letter"
  ADD CONSTRAINT letter_kind_known CHECK ("kind" IN ('receipt', 'response', 'message'));
