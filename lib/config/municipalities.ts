// Municipality profiles shipped with the portal. Contact data is taken from each municipality's
// published privacy statement (shared/seeds); where a statement leaves a channel out, it is null here
// rather than guessed. Every fact the statement does not say is listed in the profile's
// `assumptions` (with what the statement does say): the admin page "Kontaktinformasjon"
// (/staff/admin/contact) shows those as "not confirmed by the municipality" until an admin saves
// them, and the admin's value wins over the shipped one (applyContactOverrides, lib/admin/profile-contact.ts).

import { DEFAULT_FOLLOW_UP_DAYS } from "@/lib/domain/follow-up";
import { DEFAULT_UNANSWERED_CLOSE_DAYS } from "@/lib/domain/unanswered";

export type MunicipalityId = "bergen" | "trondheim";

export type UnitProfile = {
  slug: string;
  /** Bokmål; nynorsk and English names below (the request form shows the reader's language). */
  name: string;
  nameNn?: string;
  nameEn?: string;
  email: string | null;
  /** Systems and registers a request for this unit may have to search, correct or erase in. */
  systems: string[];
  /** Processes special categories of data (Art. 9, e.g. health): its cases need ID-porten level high to read. */
  specialCategory?: boolean;
};

export type MunicipalityProfile = {
  id: MunicipalityId;
  name: string;
  postmottakEmail: string | null;
  phone: string | null;
  visitingAddress: string | null;
  /** Post box and post code (the name line is `name`, printed above it in sender blocks). */
  postalAddress: string;
  /**
   * The statement asks for the unit's name between the municipality's name and the post box
   * (Trondheim: "Trondheim kommune / (navn på enhet) / Postboks 2300 Torgarden / 7004 Trondheim").
   */
  postalAddressUnitLine?: boolean;
  dpo: { name: string | null; email: string | null; phone: string | null; postalAddress: string | null };
  /** The controller (behandlingsansvarlig) as the municipality's own statement names it, per language. */
  controller: { nb: string; nn: string; en: string };
  /** How complaints escalate, per the statement (Trondheim: unit, then DPO, then Datatilsynet). */
  complaintPath: "dpo_then_datatilsynet" | "unit_then_dpo_then_datatilsynet";
  retentionYears: number;
  /** Days after closing during which the requester can still write on the case (lib/domain/follow-up.ts). */
  followUpDays: number;
  /**
   * Days a case may wait for the requester's answer before it can be closed as not processed
   * (lib/domain/unanswered.ts); the admin's value (municipality.unanswered_close_days) wins.
   */
  unansweredCloseDays: number;
  units: UnitProfile[];
  /** The facts above that the municipality's statement does not say: shipped as a best guess. */
  assumptions: readonly ProfileAssumption[];
};

/** A fact of a profile by its path: a top-level or dpo field, or a unit's field by the unit's slug. */
export type ProfileFactPath =
  | Exclude<keyof MunicipalityProfile, "id" | "dpo" | "units" | "assumptions">
  | `dpo.${keyof MunicipalityProfile["dpo"]}`
  | `units.${string}.${Exclude<keyof UnitProfile, "slug">}`
  | `units.${string}`;

export type ProfileAssumption = {
  path: ProfileFactPath;
  /** What the statement says instead (or that it says nothing), for whoever checks the value. */
  statementSays: string;
  /** Where an admin confirms or changes it. */
  editableAt: "/staff/admin/contact" | "/staff/admin/units" | "/staff/admin/retention" | "/staff/admin/case-rules";
};

/** Bergen's and Trondheim's statements name no unit structure: the same for every shipped unit. */
function unitAssumptions(slugs: readonly string[], statementSays: string): ProfileAssumption[] {
  return slugs.flatMap((slug) =>
    (["name", "nameNn", "nameEn", "email", "systems", "specialCategory"] as const).map((field) => ({
      path: `units.${slug}.${field}` as const,
      statementSays,
      editableAt: "/staff/admin/units" as const,
    })),
  );
}

const UNANSWERED_ASSUMPTION: ProfileAssumption = {
  path: "unansweredCloseDays",
  statementSays: "Nothing: the statement does not say how long the municipality waits for an answer before it closes a request it cannot process. 30 days is the portal's default.",
  editableAt: "/staff/admin/case-rules",
};

const RETENTION_ASSUMPTION: ProfileAssumption = {
  path: "retentionYears",
  statementSays: "Nothing about how long this portal keeps closed requests (the statement says data are kept as long as the archive laws require).",
  editableAt: "/staff/admin/retention",
};

export const MUNICIPALITIES: Record<MunicipalityId, MunicipalityProfile> = {
  bergen: {
    id: "bergen",
    name: "Bergen kommune",
    postmottakEmail: "postmottak@bergen.kommune.no",
    phone: "55 56 55 56",
    visitingAddress: "Innbyggerservice, Kaigaten 4, Bergen",
    postalAddress: "Postboks 7700, 5020 Bergen",
    dpo: {
      name: null,
      email: "personvernombud@bergen.kommune.no",
      phone: null,
      postalAddress: "Postboks 7700, 5020 Bergen",
    },
    // Name, e-mail, phone, visiting and postal address: the statement's contact list ("Send e-post:
    // postmottak@bergen.kommune.no / Ta en telefon: 55 56 55 56 / Besøk Innbyggerservice i Kaigaten 4 /
    // Send post: Postboks 7700, 5020 Bergen"). The DPO's e-mail: "personvernombud@bergen.kommune.no".
    // "I Bergen kommune er byrådet behandlingsansvarlig" (the statement).
    controller: { nb: "Byrådet i Bergen kommune", nn: "Byrådet i Bergen kommune", en: "The City Government (byrådet) of Bergen kommune" },
    complaintPath: "dpo_then_datatilsynet",
    retentionYears: 3,
    followUpDays: DEFAULT_FOLLOW_UP_DAYS,
    unansweredCloseDays: DEFAULT_UNANSWERED_CLOSE_DAYS,
    // The service areas Bergen's statement lists (barnehage, skole, byggesak, renovasjon,
    // helsetjenester) plus the citizen service centre; adjusted on the admin pages.
    units: [
      { slug: "barnehage", name: "Barnehage", nameNn: "Barnehage", nameEn: "Kindergartens", email: null, systems: ["Barnehagesystem", "Sak- og arkivsystem"] },
      { slug: "skole", name: "Skole", nameNn: "Skule", nameEn: "Schools", email: null, systems: ["Skoleadministrativt system", "Sak- og arkivsystem"] },
      { slug: "helse-omsorg", name: "Helse og omsorg", nameNn: "Helse og omsorg", nameEn: "Health and care", email: null, systems: ["Pasientjournal (EPJ)", "Sak- og arkivsystem"], specialCategory: true },
      { slug: "byggesak", name: "Byggesak", nameNn: "Byggjesak", nameEn: "Building applications", email: null, systems: ["Byggesaksystem", "Matrikkelen", "Sak- og arkivsystem"] },
      { slug: "renovasjon", name: "Renovasjon", nameNn: "Renovasjon", nameEn: "Waste collection", email: null, systems: ["Renovasjonsregister", "Fakturasystem"] },
      { slug: "innbyggerservice", name: "Innbyggerservice", nameNn: "Innbyggjarservice", nameEn: "Citizen services", email: "postmottak@bergen.kommune.no", systems: ["Sak- og arkivsystem", "Kundesenterlogg"] },
    ],
    assumptions: [
      {
        path: "dpo.postalAddress",
        statementSays:
          "Only the DPO's e-mail; \"Hvis du ikke ønsker å benytte deg av e-post, finner du kontaktinfo nederst på siden\", which is the municipality's own list (Send post: Postboks 7700, 5020 Bergen). That the DPO takes post at that box is our reading.",
        editableAt: "/staff/admin/contact",
      },
      RETENTION_ASSUMPTION,
      UNANSWERED_ASSUMPTION,
      ...unitAssumptions(
        ["barnehage", "skole", "helse-omsorg", "byggesak", "renovasjon", "innbyggerservice"],
        "Services, not units: \"eksempelvis barnehage, skole, byggesak, renovasjon, helsetjenester\"; Innbyggerservice only as the visiting address. Daily responsibility lies with the byrådsavdelinger, which it does not list. Names, e-mails, systems and the special-category flag are ours.",
      ),
    ],
  },
  trondheim: {
    id: "trondheim",
    name: "Trondheim kommune",
    postmottakEmail: null,
    phone: null,
    visitingAddress: null,
    // "Alternativt kan du sende henvendelse i posten til / Trondheim kommune / (navn på enhet) /
    // Postboks 2300 Torgarden / 7004 Trondheim": the unit's name goes between the two
    // (postalAddressFor); "Hvis det er mulig, oppgi navn på enhet", so without a unit the box alone.
    postalAddress: "Postboks 2300 Torgarden, 7004 Trondheim",
    postalAddressUnitLine: true,
    // Name and phone: "Mona Trøen, telefon 46 54 65 50". Postal address: "Trondheim kommune /
    // Personvernombudet / Postboks 2300 Torgarden / 7004 Trondheim". The statement's e-mail addresses
    // (postmottak, DPO) are empty in the published text: null until an admin fills them in.
    dpo: {
      name: "Mona Trøen",
      email: null,
      phone: "46 54 65 50",
      postalAddress: "Trondheim kommune, Personvernombudet, Postboks 2300 Torgarden, 7004 Trondheim",
    },
    // "Trondheim kommune er behandlingsansvarlig for all behandling ..." (the statement).
    controller: { nb: "Trondheim kommune", nn: "Trondheim kommune", en: "Trondheim kommune" },
    complaintPath: "unit_then_dpo_then_datatilsynet",
    retentionYears: 3,
    followUpDays: DEFAULT_FOLLOW_UP_DAYS,
    unansweredCloseDays: DEFAULT_UNANSWERED_CLOSE_DAYS,
    // Trondheim's statement names no units (it asks for "navn på enhet eller kommunalt
    // virksomhetsområde"): these are a starting set, to be adjusted on the admin pages.
    units: [
      { slug: "helse-velferd", name: "Helse og velferd", nameNn: "Helse og velferd", nameEn: "Health and welfare", email: null, systems: ["Pasientjournal (EPJ)", "Sak- og arkivsystem"], specialCategory: true },
      { slug: "oppvekst-utdanning", name: "Oppvekst og utdanning", nameNn: "Oppvekst og utdanning", nameEn: "Childhood and education", email: null, systems: ["Barnehagesystem", "Skoleadministrativt system", "Sak- og arkivsystem"] },
      { slug: "byutvikling", name: "Byutvikling", nameNn: "Byutvikling", nameEn: "Urban development", email: null, systems: ["Byggesaksystem", "Matrikkelen", "Kartløsning"] },
      { slug: "kultur-naering", name: "Kultur og næring", nameNn: "Kultur og næring", nameEn: "Culture and business", email: null, systems: ["Bookingsystem", "Sak- og arkivsystem"] },
      { slug: "organisasjon", name: "Organisasjon og økonomi", nameNn: "Organisasjon og økonomi", nameEn: "Organisation and finance", email: null, systems: ["Fakturasystem", "Adgangskontroll og kameraovervåking"] },
    ],
    assumptions: [
      RETENTION_ASSUMPTION,
      UNANSWERED_ASSUMPTION,
      ...unitAssumptions(
        ["helse-velferd", "oppvekst-utdanning", "byutvikling", "kultur-naering", "organisasjon"],
        "No units at all: \"Hvis det er mulig, oppgi navn på enhet eller kommunalt virksomhetsområde\". Names, e-mails, systems and the special-category flag are ours.",
      ),
    ],
  },
};

/**
 * The postal address to print for post about a unit's case: with the unit's name where the statement
 * asks for it (Trondheim), otherwise the address as it is. The name line (`name`) comes before it.
 */
export function postalAddressFor(m: Pick<MunicipalityProfile, "postalAddress" | "postalAddressUnitLine">, unitName: string | null | undefined): string {
  return m.postalAddressUnitLine && unitName ? `${unitName}, ${m.postalAddress}` : m.postalAddress;
}

/** The contact facts an admin can set (lib/admin/profile-contact.ts): null keeps the shipped value. */
export type ContactOverrides = {
  postmottakEmail: string | null;
  phone: string | null;
  visitingAddress: string | null;
  postalAddress: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  dpoPhone: string | null;
  dpoPostalAddress: string | null;
};

/** The profile with the admin's contact values in place of the shipped ones. */
export function applyContactOverrides(profile: MunicipalityProfile, o: Partial<ContactOverrides> | null | undefined): MunicipalityProfile {
  if (!o) return profile;
  return {
    ...profile,
    postmottakEmail: o.postmottakEmail ?? profile.postmottakEmail,
    phone: o.phone ?? profile.phone,
    visitingAddress: o.visitingAddress ?? profile.visitingAddress,
    postalAddress: o.postalAddress ?? profile.postalAddress,
    dpo: {
      name: o.dpoName ?? profile.dpo.name,
      email: o.dpoEmail ?? profile.dpo.email,
      phone: o.dpoPhone ?? profile.dpo.phone,
      postalAddress: o.dpoPostalAddress ?? profile.dpo.postalAddress,
    },
  };
}

/** The value at a fact path (undefined: no such fact). Units are addressed by slug. */
export function profileFact(profile: MunicipalityProfile, path: ProfileFactPath): unknown {
  const [head, second, third] = path.split(".");
  if (head === "units") {
    const unit = profile.units.find((u) => u.slug === second);
    if (!unit) return undefined;
    if (third === undefined) return unit;
    return third in unit || third === "nameNn" || third === "nameEn" || third === "specialCategory" ? (unit as Record<string, unknown>)[third] ?? null : undefined;
  }
  if (head === "dpo") return second !== undefined && second in profile.dpo ? profile.dpo[second as keyof MunicipalityProfile["dpo"]] : undefined;
  return head !== undefined && head in profile ? (profile as Record<string, unknown>)[head] : undefined;
}

export function isAssumption(profile: MunicipalityProfile, path: ProfileFactPath): boolean {
  return profile.assumptions.some((a) => a.path === path);
}

export function municipalityProfile(id: string | undefined): MunicipalityProfile {
  const key = (id ?? "bergen") as MunicipalityId;
  const profile = MUNICIPALITIES[key];
  if (!profile) throw new Error(`Unknown MUNICIPALITY "${id}" (expected bergen or trondheim)`);
  return profile;
}
