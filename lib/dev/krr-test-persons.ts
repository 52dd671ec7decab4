// The register of the local KRR stand-in (lib/dev/krr-stand-in.ts): raw records in the shape of
// KRR's REST answer (docs.digdir.no, "Attributter i KRR" and "Oppslagstjenesten REST"). Pure data,
// safe to import from tests.
//
// All numbers are synthetic fødselsnummer (month + 80, valid check digits): they cannot belong to a
// real person. The first four are the ID-porten test persons of lib/dev/test-persons.ts. The e-mail
// addresses (reserved .example domain) and mobile numbers are fake on purpose: they show that the
// portal's KRR client drops contact details it must not store.

export type KrrRawPerson = {
  personidentifikator: string;
  reservasjon?: "JA" | "NEI";
  status: "AKTIV" | "SLETTET" | "IKKE_REGISTRERT";
  varslingsstatus?: "KAN_VARSLES" | "KAN_IKKE_VARSLES";
  kontaktinformasjon?: {
    epostadresse?: string;
    epostadresse_oppdatert?: string;
    epostadresse_sist_verifisert?: string;
    mobiltelefonnummer?: string;
    mobiltelefonnummer_oppdatert?: string;
    mobiltelefonnummer_sist_verifisert?: string;
  };
  digital_post?: { postkasseadresse: string; postkasseleverandoeradresse: string };
  spraak?: string;
  spraak_oppdatert?: string;
};

/** Organisation numbers KRR gives as postkasseleverandoeradresse (Digipost, e-Boks). */
const DIGIPOST = "984661185";
const EBOKS = "922020175";
const UPDATED = "2026-01-15T10:00:00+01";

function contact(id: string) {
  return {
    epostadresse: `${id}-test@krr.example`,
    epostadresse_oppdatert: UPDATED,
    epostadresse_sist_verifisert: UPDATED,
    mobiltelefonnummer: `+47 9${id.slice(4, 11)}`,
    mobiltelefonnummer_oppdatert: UPDATED,
    mobiltelefonnummer_sist_verifisert: UPDATED,
  };
}

export const KRR_TEST_PERSONS: readonly KrrRawPerson[] = [
  // Testperson A: digital mailbox (Digipost), bokmål.
  {
    personidentifikator: "15859110190",
    reservasjon: "NEI",
    status: "AKTIV",
    varslingsstatus: "KAN_VARSLES",
    kontaktinformasjon: contact("15859110190"),
    digital_post: { postkasseadresse: "testperson.a#1A2B", postkasseleverandoeradresse: DIGIPOST },
    spraak: "nb",
    spraak_oppdatert: UPDATED,
  },
  // Testperson B: reserved against digital communication: gets paper.
  {
    personidentifikator: "03917810019",
    reservasjon: "JA",
    status: "AKTIV",
    varslingsstatus: "KAN_IKKE_VARSLES",
    kontaktinformasjon: contact("03917810019"),
    spraak: "nb",
    spraak_oppdatert: UPDATED,
  },
  // Testperson C: digital mailbox (e-Boks), nynorsk.
  {
    personidentifikator: "22870510083",
    reservasjon: "NEI",
    status: "AKTIV",
    varslingsstatus: "KAN_VARSLES",
    kontaktinformasjon: contact("22870510083"),
    digital_post: { postkasseadresse: "testperson.c#3C4D", postkasseleverandoeradresse: EBOKS },
    spraak: "nn",
    spraak_oppdatert: UPDATED,
  },
  // Testperson D: digital mailbox (Digipost), English.
  {
    personidentifikator: "09836410073",
    reservasjon: "NEI",
    status: "AKTIV",
    varslingsstatus: "KAN_VARSLES",
    kontaktinformasjon: contact("09836410073"),
    digital_post: { postkasseadresse: "testperson.d#5E6F", postkasseleverandoeradresse: DIGIPOST },
    spraak: "en",
    spraak_oppdatert: UPDATED,
  },
  // Deleted from KRR: KRR gives no contact details, mailbox or reservation for SLETTET.
  { personidentifikator: "12848740088", status: "SLETTET" },
  // Active, not reserved, no digital mailbox: the letter goes digitally via Altinn.
  {
    personidentifikator: "27895230052",
    reservasjon: "NEI",
    status: "AKTIV",
    varslingsstatus: "KAN_VARSLES",
    kontaktinformasjon: contact("27895230052"),
    spraak: "nb",
    spraak_oppdatert: UPDATED,
  },
  // Northern Sami as preferred language, digital mailbox.
  {
    personidentifikator: "05929920017",
    reservasjon: "NEI",
    status: "AKTIV",
    varslingsstatus: "KAN_VARSLES",
    kontaktinformasjon: contact("05929920017"),
    digital_post: { postkasseadresse: "testperson.g#7A8B", postkasseleverandoeradresse: DIGIPOST },
    spraak: "se",
    spraak_oppdatert: UPDATED,
  },
  // Reserved although a digital mailbox exists (KRR has such test users): reservation wins.
  {
    personidentifikator: "18817010160",
    reservasjon: "JA",
    status: "AKTIV",
    varslingsstatus: "KAN_IKKE_VARSLES",
    kontaktinformasjon: contact("18817010160"),
    digital_post: { postkasseadresse: "testperson.h#9C0D", postkasseleverandoeradresse: DIGIPOST },
  },
];
