// Municipality profiles shipped with the portal. Contact data is taken from each municipality's
// published privacy statement (shared/seeds); where a statement leaves a channel out, it is null here
// rather than guessed.

import { DEFAULT_FOLLOW_UP_DAYS } from "@/lib/domain/follow-up";

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
  postalAddress: string;
  dpo: { name: string | null; email: string | null; phone: string | null; postalAddress: string | null };
  /** The controller (behandlingsansvarlig) as the municipality's own statement names it, per language. */
  controller: { nb: string; nn: string; en: string };
  /** How complaints escalate, per the statement (Trondheim: unit, then DPO, then Datatilsynet). */
  complaintPath: "dpo_then_datatilsynet" | "unit_then_dpo_then_datatilsynet";
  retentionYears: number;
  /** Days after closing during which the requester can still write on the case (lib/domain/follow-up.ts). */
  followUpDays: number;
  units: UnitProfile[];
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
    // "I Bergen kommune er byrådet behandlingsansvarlig" (the statement).
    controller: { nb: "Byrådet i Bergen kommune", nn: "Byrådet i Bergen kommune", en: "The City Government (byrådet) of Bergen kommune" },
    complaintPath: "dpo_then_datatilsynet",
    retentionYears: 3,
    followUpDays: DEFAULT_FOLLOW_UP_DAYS,
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
  },
  trondheim: {
    id: "trondheim",
    name: "Trondheim kommune",
    postmottakEmail: null,
    phone: null,
    visitingAddress: null,
    postalAddress: "Postboks 2300 Torgarden, 7004 Trondheim",
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
    // Trondheim's statement names no units (it asks for "navn på enhet eller kommunalt
    // virksomhetsområde"): these are a starting set, to be adjusted on the admin pages.
    units: [
      { slug: "helse-velferd", name: "Helse og velferd", nameNn: "Helse og velferd", nameEn: "Health and welfare", email: null, systems: ["Pasientjournal (EPJ)", "Sak- og arkivsystem"], specialCategory: true },
      { slug: "oppvekst-utdanning", name: "Oppvekst og utdanning", nameNn: "Oppvekst og utdanning", nameEn: "Childhood and education", email: null, systems: ["Barnehagesystem", "Skoleadministrativt system", "Sak- og arkivsystem"] },
      { slug: "byutvikling", name: "Byutvikling", nameNn: "Byutvikling", nameEn: "Urban development", email: null, systems: ["Byggesaksystem", "Matrikkelen", "Kartløsning"] },
      { slug: "kultur-naering", name: "Kultur og næring", nameNn: "Kultur og næring", nameEn: "Culture and business", email: null, systems: ["Bookingsystem", "Sak- og arkivsystem"] },
      { slug: "organisasjon", name: "Organisasjon og økonomi", nameNn: "Organisasjon og økonomi", nameEn: "Organisation and finance", email: null, systems: ["Fakturasystem", "Adgangskontroll og kameraovervåking"] },
    ],
  },
};

export function municipalityProfile(id: string | undefined): MunicipalityProfile {
  const key = (id ?? "bergen") as MunicipalityId;
  const profile = MUNICIPALITIES[key];
  if (!profile) throw new Error(`Unknown MUNICIPALITY "${id}" (expected bergen or trondheim)`);
  return profile;
}
