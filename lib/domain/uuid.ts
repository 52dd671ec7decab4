// The one check that a value from outside (a form field, a query parameter, a cursor, a stored
// event's facts) is a uuid before it reaches the database, where a malformed one is a query error
// (a 500) instead of "not found". Any letter case, as PostgreSQL's uuid type accepts. Pure.

/** The pattern of a uuid, for composing with other parts (a cursor "<time>_<uuid>"). */
export const UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

const UUID = new RegExp(`^${UUID_PATTERN}$`);

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
