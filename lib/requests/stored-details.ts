// Reading back what a request's details (Case.details, JSON) hold, for the staff case page. The form
// and the JSON API validated them with the shared schema when they came in (request-schema.ts), but
// stored JSON is read as untrusted: only known fields of the right type are kept, anything else
// (older data, keys of earlier versions) is left out. Pure TypeScript: no Next, no Prisma.
import { isValidIsoDate, type IsoDate } from "@/lib/domain/calendar";
import {
  ERASURE_GROUNDS,
  RESTRICTION_GROUNDS,
  RIGHTS_CATALOGUE,
  type ErasureGround,
  type RequestField,
  type RestrictionGround,
  type Right,
} from "@/lib/domain/rights";

export type StoredDetails = {
  scopeService?: string;
  scopePeriodFrom?: IsoDate;
  scopePeriodTo?: IsoDate;
  incorrectData?: string;
  correctData?: string;
  dataToErase?: string;
  erasureGround?: ErasureGround;
  processingConcerned?: string;
  restrictionGround?: RestrictionGround;
  objectionReasons?: string;
  directMarketing?: boolean;
  dataProvided?: string;
};

const TEXT_FIELDS = ["scopeService", "incorrectData", "correctData", "dataToErase", "processingConcerned", "objectionReasons", "dataProvided"] as const;
const DATE_FIELDS = ["scopePeriodFrom", "scopePeriodTo"] as const;
/** The narrowing fields (any right): shown once, not per right. */
export const SCOPE_FIELDS = ["scopeService", "scopePeriodFrom", "scopePeriodTo"] as const satisfies readonly RequestField[];

function oneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (options as readonly string[]).includes(value);
}

/** The known, well-typed fields of stored details; blank texts count as not given. */
export function readStoredDetails(json: unknown): StoredDetails {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  const raw = json as Record<string, unknown>;
  const out: StoredDetails = {};
  for (const key of TEXT_FIELDS) {
    const value = raw[key];
    if (typeof value === "string" && value.trim() !== "") out[key] = value.trim();
  }
  for (const key of DATE_FIELDS) {
    const value = raw[key];
    if (isValidIsoDate(value)) out[key] = value;
  }
  if (oneOf(ERASURE_GROUNDS, raw.erasureGround)) out.erasureGround = raw.erasureGround;
  if (oneOf(RESTRICTION_GROUNDS, raw.restrictionGround)) out.restrictionGround = raw.restrictionGround;
  if (typeof raw.directMarketing === "boolean") out.directMarketing = raw.directMarketing;
  return out;
}

/**
 * The fields the form asks for `right`, without the narrowing fields. For an objection, whether it
 * is about direct marketing comes before the reasons, which are left out when it is: none are needed
 * (Art. 21(3)).
 */
export function detailFieldsOfRight(right: Right, details: StoredDetails): Exclude<RequestField, (typeof SCOPE_FIELDS)[number]>[] {
  const fields = RIGHTS_CATALOGUE[right].fields
    .map((f) => f.name)
    .filter((name): name is Exclude<RequestField, (typeof SCOPE_FIELDS)[number]> => !(SCOPE_FIELDS as readonly string[]).includes(name));
  if (right !== "objection") return fields;
  // Whether it is about direct marketing decides whether reasons are needed: show that first.
  return details.directMarketing === true
    ? ["processingConcerned", "directMarketing"]
    : ["processingConcerned", "directMarketing", "objectionReasons"];
}
