// The policy gate of every admin service: only staff with the permission; everyone else gets the
// same not_found as for a page that does not exist.
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";

export function requireAdmin(
  actor: Actor,
  action: "admin.manage_users" | "admin.manage_units" | "admin.manage_records",
): asserts actor is Extract<Actor, { kind: "staff" }> {
  if (actor.kind !== "staff" || !can(actor, action)) throw new DomainError("not_found");
}
