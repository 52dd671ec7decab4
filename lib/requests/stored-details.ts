// Reading back what a request's details (Case.details, JSON) hold, for the staff case page. The form
// and the JSON API validated them with the shared schema when they came in (request-schema.ts), but
// stored JSON is read as untrusted: only known fields with a valid answer for their type in the
// rights catalogue are kept, anything else (older data, keys of earlier versions) is left out.
// Pure TypeScript: no Next, no Prisma.
import type { IsoDate } from "@/lib/domain/calendar";
import {
  fieldsForRights,
  isAnswered,
  REQUEST_FIELD_TYPES,
  REQUEST_FIELDS,
  type FieldOption,
  type RequestField,
  type Right,
  type RightField,
} from "@/lib/domain/rights";

type FieldTypes = typeof REQUEST_FIELD_TYPES;
/** The value a stored field holds, by its type in the catalogue. */
type StoredValue<F extends RequestField> = FieldTypes[F] extends { kind: "text" }
  ? string
  : FieldTypes[F] extends { kind: "date" }
    ? IsoDate
    : FieldTypes[F] extends { kind: "boolean" }
      ? boolean
      : FieldOption<F>;

export type StoredDetails = { [F in RequestField]?: StoredValue<F> };

/** The known fields of stored details with a valid answer; texts trimmed, blank texts count as not given. */
export function readStoredDetails(json: unknown): StoredDetails {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  const raw = json as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of REQUEST_FIELDS) {
    if (!isAnswered(field, raw)) continue;
    const value = raw[field];
    out[field] = typeof value === "string" ? value.trim() : value;
  }
  return out as StoredDetails;
}

/**
 * The fields the form asks for `right`, in the form's order, without the narrowing fields and
 * without those another answer made unnecessary (the reasons for an objection to direct marketing,
 * Art. 21(3)).
 */
export function detailFieldsOfRight(right: Right, details: StoredDetails): RightField[] {
  return fieldsForRights([right], details).map((spec) => spec.name);
}
