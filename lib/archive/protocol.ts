// Fiks Arkiv V1 message type ids and XML namespaces, exactly as in
// lib/archive/schemas/fiks-arkiv-v1/meldingstyper.json and the targetNamespace of each XSD.

export const FIKS_ARKIV = {
  opprett: "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett",
  opprettMottatt: "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.mottatt",
  opprettKvittering: "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering",
  oppdater: "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.oppdater",
  oppdaterMottatt: "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.oppdater.mottatt",
  oppdaterKvittering: "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.oppdater.kvittering",
  avskrivningOpprett: "no.ks.fiks.arkiv.v1.arkivering.avskrivning.opprett",
  avskrivningMottatt: "no.ks.fiks.arkiv.v1.arkivering.avskrivning.opprett.mottatt",
  avskrivningKvittering: "no.ks.fiks.arkiv.v1.arkivering.avskrivning.opprett.kvittering",
  // meldingstyper.json lists these in kanSvareMed as "no.ks.fik.arkiv..." (typo); the message types
  // themselves are declared with the ids below, which is what a reply carries.
  ugyldigforespoersel: "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel",
  serverfeil: "no.ks.fiks.arkiv.v1.feilmelding.serverfeil",
  ikkefunnet: "no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet",
} as const;

export type FiksArkivMessageType = (typeof FIKS_ARKIV)[keyof typeof FIKS_ARKIV];

/** File name of the XML payload inside the message (meldingstyper.json, payloadFilnavn). */
export const PAYLOAD_FILE_NAME: Readonly<Record<string, string>> = {
  [FIKS_ARKIV.opprett]: "arkivmelding.xml",
  [FIKS_ARKIV.oppdater]: "arkivmelding.xml",
  [FIKS_ARKIV.opprettKvittering]: "arkivmelding-kvittering.xml",
  [FIKS_ARKIV.avskrivningOpprett]: "avskrivning-opprett.xml",
  [FIKS_ARKIV.ugyldigforespoersel]: "feilmelding.xml",
  [FIKS_ARKIV.serverfeil]: "feilmelding.xml",
  [FIKS_ARKIV.ikkefunnet]: "feilmelding.xml",
};

const BASE = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv";
export const NS = {
  opprett: `${BASE}/arkivmelding/opprett/v1`,
  oppdater: `${BASE}/arkivmelding/oppdater/v1`,
  kvittering: `${BASE}/arkivmelding/opprett/kvittering/v1`,
  avskrivning: `${BASE}/avskrivning/opprett/v1`,
  metadatakatalog: `${BASE}/metadatakatalog/v1`,
  feilmelding: `${BASE}/feil/feilmelding/v1`,
  ugyldigforespoersel: `${BASE}/feil/ugyldigforespoersel/v1`,
  serverfeil: `${BASE}/feil/serverfeil/v1`,
  ikkefunnet: `${BASE}/feil/ikkefunnet/v1`,
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

// Screening used on every journalpost of the portal: personal data about the data subject is
// confidential (taushetsplikt) under forvaltningsloven § 13, which offentleglova § 13 exempts
// from public access. "13" is the Noark 5 tilgangsrestriksjon code for offl. § 13.
export const SKJERMING_OFFL_13 = {
  tilgangsrestriksjon: { code: "13", description: "Taushetsplikt (offl. § 13)" },
  skjermingshjemmel: "Offl. § 13 jf. fvl. § 13",
} as const;

/** Noark 5 code values the builders use (code + description, the M800 "kode" type). */
export const CODES = {
  journalposttype: { I: "Inngående dokument", U: "Utgående dokument" },
  journalstatus: { J: "Journalført", E: "Ekspedert" },
  korrespondanseparttype: { EA: "Avsender", EM: "Mottaker" },
  saksstatus: { B: "Under behandling", A: "Avsluttet" },
  tilknyttetRegistreringSom: { H: "Hoveddokument" },
  dokumentstatus: { F: "Dokumentet er ferdigstilt" },
  variantformat: { P: "Produksjonsformat", A: "Arkivformat" },
  avskrivningsmaate: { BU: "Besvart med utgående dokument" },
} as const;
