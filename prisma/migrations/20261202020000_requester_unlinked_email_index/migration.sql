-- An e-mail-code sign-in links staff-registered requesters by their address (lower-cased, not yet
-- linked): lib/citizen-auth/link-requesters.ts. Without this index every sign-in would scan the
-- whole requester table. (An expression index: not expressible in schema.prisma, so SQL only.)
CREATE INDEX "requester_unlinked_email_lower_idx" ON "requester" (lower("email")) WHERE "identity_id" IS NULL;
