// The records of processing (behandlingsprotokoll, GDPR Art. 30) shipped for Bergen and Trondheim:
// one entry per system their units list (lib/config/municipalities.ts), so the access answer
// (Art. 15(1)(a)-(h), 15(2)) can quote them word for word (lib/letters/access-register.ts).
//
// The content comes from the two municipalities' published privacy statements (shared/seeds:
// Bergen kommune's and Trondheim kommune's personvernerklæring): legal bases, recipients, sources,
// storage under the archive laws and, for Bergen only, that some data are transferred out of the
// EU/EEA under a valid transfer basis. What a statement does not say and we had to assume ends in
// " (antatt)", so administrators know to check it. Naming the act that governs a service (for
// example barnehageloven for kindergartens) is not marked; the Art. 6/9 point chosen for it is
// marked where the statement does not support it.
//
// The seed creates these entries once, when a municipality has none by that name; it never
// overwrites an entry an administrator has created or edited.

export type SeedProcessingActivity = {
  name: string; // exact system name from the units' systems
  unitSlug: string | null; // the unit that owns it; null when several units use it
  purposes: string;
  legalBasis: string; // Art. 6(1) point + the Norwegian act (and Art. 9(2) point for health data)
  dataCategories: string;
  recipients: string;
  storagePeriod: string;
  source: string;
  transfersOutsideEea: string | null; // null = none
  transferSafeguards: string | null; // required (non-empty) when transfersOutsideEea is non-null
  automatedDecisions: string | null; // null = none
};

// Bergen's statement: "I noen tilfeller vil imidlertid personopplysninger bli overført ut av EU/EØS.
// I disse tilfellene skal et gyldig overføringsgrunnlag foreligge." It does not say which systems;
// we put it on the two cross-unit office systems most likely to be cloud services.
const BERGEN_TRANSFER =
  "Leverandøren av systemet (databehandler) kan i noen tilfeller gi brukerstøtte eller drift fra land utenfor EU/EØS og får da tilgang til opplysningene i systemet (antatt)."; // ends a sentence: the letter adds "Garantier: ..."
const BERGEN_SAFEGUARDS =
  "Bergen kommune skal ha et gyldig overføringsgrunnlag for hver slik overføring. Vi bruker EUs standardavtaler, det vil si standard personvernbestemmelser (artikkel 46 nr. 2 bokstav c), i avtalen med leverandøren (antatt)";

export const SEED_PROCESSING_REGISTER: Record<string, readonly SeedProcessingActivity[]> = {
  bergen: [
    {
      name: "Barnehagesystem",
      unitSlug: "barnehage",
      purposes:
        "Å behandle søknader om barnehageplass, tildele plass og holde kontakt med foresatte. Vi bruker også opplysningene til å beregne foreldrebetaling og behandle søknader om redusert betaling og gratis kjernetid (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav e (offentlig myndighetsutøvelse og oppgave i allmennhetens interesse), jf. barnehageloven og forskrift om foreldrebetaling i barnehager. Opplysninger om barnets helse eller behov for tilrettelegging behandles i tillegg etter artikkel 9 nr. 2 bokstav g, jf. barnehageloven (antatt)",
      dataCategories:
        "Kontaktopplysninger, fødselsdato og personnummer for barnet og foresatte, og opplysninger om familieforhold. Opplysninger om barnehageplassen, oppholdstid og foreldrebetaling, husholdningens inntekt når dere søker om redusert betaling, og opplysninger om helse eller behov for tilrettelegging når det trengs (antatt)",
      recipients:
        "Andre offentlige myndigheter når kommunen har en lovbestemt plikt til å utlevere opplysningene. Leverandøren av systemet behandler opplysningene på vegne av kommunen (databehandler), og den private barnehagen dere har fått plass i, får opplysningene den trenger (antatt)",
      storagePeriod:
        "Vi sletter opplysninger vi ikke har plikt til å lagre og ikke lenger trenger. Det som må arkiveres etter arkivlovgivningen, blir overført til arkivet når barnet slutter i barnehagen (antatt)",
      source:
        "Fra deg som foresatt, gjennom søknaden. Vi henter også opplysninger fra Folkeregisteret, og inntektsopplysninger fra Skatteetaten når dere søker om redusert betaling (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Sak- og arkivsystem",
      unitSlug: null,
      purposes:
        "Å behandle og dokumentere sakene dine, for eksempel en søknad eller en klage, og å journalføre og arkivere dokumentene slik loven krever. Vi bruker det også til å føre offentlig postjournal og behandle krav om innsyn (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (offentlig myndighetsutøvelse), jf. arkivlova, forvaltningsloven, offentleglova og den loven saken gjelder. Helseopplysninger og andre særlige kategorier i en sak behandles etter artikkel 9 nr. 2 bokstav g eller h, jf. den samme loven (antatt)",
      dataCategories:
        "Kontaktopplysninger, fødselsdato og personnummer, og opplysninger om relasjoner til andre når saken gjelder dem. Det du og andre har skrevet i saken, og kommunens vurderinger og vedtak, som kan omfatte helseopplysninger (antatt)",
      recipients:
        "Andre offentlige myndigheter når kommunen har en lovbestemt plikt til det, for eksempel NAV, sykehus, Utdanningsdirektoratet og Skatteetaten, og klageinstansen hvis du klager. Andre kan få innsyn i saksdokumenter etter offentleglova, men opplysninger underlagt taushetsplikt holdes tilbake, og leverandøren av systemet er databehandler (antatt)",
      storagePeriod:
        "Dokumentene tas vare på så lenge arkivlovgivningen krever det, slik at kommunen kan dokumentere hva som har skjedd i saken din. Noen saker blir slettet etter fastsatte frister, andre blir bevart for alltid og avlevert til arkivdepot (antatt)",
      source:
        "Fra deg, fra andre offentlige registre og i noen tilfeller fra tredjepart, med grunnlag i samtykket ditt eller i lov eller forskrift. Det kan for eksempel være andre parter i saken eller myndigheter som uttaler seg (antatt)",
      transfersOutsideEea: BERGEN_TRANSFER,
      transferSafeguards: BERGEN_SAFEGUARDS,
      automatedDecisions: null,
    },
    {
      name: "Skoleadministrativt system",
      unitSlug: "skole",
      purposes:
        "Å gi eleven opplæring og følge opp skolegangen, blant annet med klasse, timeplan, fravær, vurdering og karakterer. Vi bruker det også til kontakt med foresatte, vedtak om tilrettelegging og rapportering til Utdanningsdirektoratet (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (offentlig myndighetsutøvelse), jf. opplæringslova. Opplysninger om elevens helse eller behov for tilrettelegging behandles i tillegg etter artikkel 9 nr. 2 bokstav g, jf. opplæringslova (antatt)",
      dataCategories:
        "Kontaktopplysninger, fødselsdato og personnummer for eleven og foresatte. Opplysninger om skole, klasse, fravær, vurderinger og karakterer, og helseopplysninger eller vedtak om tilrettelegging når det trengs (antatt)",
      recipients:
        "Utdanningsdirektoratet og andre offentlige myndigheter når kommunen har en lovbestemt plikt til å utlevere opplysningene. Ny skole ved skolebytte, klageinstansen hvis dere klager, og leverandøren av systemet som databehandler (antatt)",
      storagePeriod:
        "Opplysninger vi ikke har plikt til å lagre, blir slettet når vi ikke lenger trenger dem. Det som må arkiveres etter arkivlovgivningen, for eksempel vedtak og karakterer, blir overført til arkivet når eleven slutter, og mye av det blir bevart for alltid (antatt)",
      source:
        "Fra eleven og foresatte, fra lærerne og fra offentlige registre som Folkeregisteret. Ved skolebytte også fra skolen eleven kom fra (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Pasientjournal (EPJ)",
      unitSlug: "helse-omsorg",
      purposes:
        "Å gi deg forsvarlig helsehjelp og helse- og omsorgstjenester, og å dokumentere hjelpen du får, slik loven krever. Journalen brukes også til samarbeid med annet helsepersonell som gir deg helsehjelp (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (oppgave i allmennhetens interesse), jf. helse- og omsorgstjenesteloven, og artikkel 9 nr. 2 bokstav h, jf. pasient- og brukerrettighetsloven, helsepersonelloven og pasientjournalloven. Ved akutt helsehjelp kan behandlingen også være nødvendig for å verne dine vitale interesser (artikkel 6 nr. 1 bokstav d og artikkel 9 nr. 2 bokstav c)",
      dataCategories:
        "Kontaktopplysninger, fødselsdato og personnummer, og opplysninger om pårørende. Helseopplysninger som diagnoser du har og medisiner du bruker, og opplysninger om tjenestene du får, som vedtak og notater fra helsepersonell (antatt)",
      recipients:
        "Sykehus, NAV og andre offentlige myndigheter når kommunen har en lovbestemt plikt til å utlevere opplysningene. Fastlegen din og annet helsepersonell som gir deg helsehjelp, når taushetsplikten tillater det, og leverandøren av systemet som databehandler (antatt)",
      storagePeriod:
        "Journalen oppbevares så lenge det trengs for helsehjelpen og så lenge pasientjournalloven, helsepersonelloven og arkivlovgivningen krever det. Det betyr som regel mange år etter siste kontakt, og noen journaler blir bevart for alltid (antatt)",
      source:
        "Fra deg og fra helsepersonellet som gir deg hjelp, og fra offentlige registre. Med hjemmel i lov eller med samtykket ditt også fra tredjepart, for eksempel sykehus, fastlegen din eller pårørende (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Byggesaksystem",
      unitSlug: "byggesak",
      purposes:
        "Å behandle søknader om å bygge, rive eller endre bygninger, føre tilsyn og følge opp ulovlige tiltak. Vi bruker det også til å behandle merknader fra naboer og klager på vedtak (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav e (offentlig myndighetsutøvelse), jf. plan- og bygningsloven og forvaltningsloven",
      dataCategories:
        "Kontaktopplysninger for søker, tiltakshaver, eiere og naboer, og opplysninger om eiendommen og bygningene. Det som står i søknaden, merknader og klager, og kommunens vurderinger og vedtak (antatt)",
      recipients:
        "Andre offentlige myndigheter når kommunen har en lovbestemt plikt til det, for eksempel myndigheter som skal uttale seg og Statsforvalteren hvis noen klager. Andre kan få innsyn i byggesaken etter offentleglova, og leverandøren av systemet er databehandler (antatt)",
      storagePeriod:
        "Byggesaker må arkiveres etter arkivlovgivningen og blir overført til arkivet når saken er ferdig. Byggesaker blir som regel bevart for alltid, fordi de dokumenterer bygningene (antatt)",
      source:
        "Fra deg som søker eller fra ansvarlig søker, og fra offentlige registre som matrikkelen og Folkeregisteret. Fra naboer og andre som gir merknader til saken (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Matrikkelen",
      unitSlug: "byggesak",
      purposes:
        "Å føre det offisielle registeret over eiendommer, adresser og bygninger i kommunen, som kommunen er lokal matrikkelmyndighet for. Opplysningene brukes i byggesaker, til adressering og til beregning av kommunale gebyrer (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (offentlig myndighetsutøvelse), jf. matrikkellova",
      dataCategories:
        "Opplysninger om eiendommen din, som gårds- og bruksnummer, grenser, adresse og bygninger. Navn, fødselsnummer og adresse for eiere og festere (antatt)",
      recipients:
        "Kartverket, som har ansvaret for matrikkelen for hele landet. Mange opplysninger i matrikkelen er offentlige og kan utleveres etter matrikkellova, men ikke fødselsnummer (antatt)",
      storagePeriod:
        "Opplysningene tas vare på så lenge matrikkellova krever det. Historiske opplysninger om eiendommer og eiere blir bevart (antatt)",
      source:
        "Fra Kartverket og grunnboken, fra Folkeregisteret og fra kommunens egne oppmålingsforretninger og byggesaker (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Renovasjonsregister",
      unitSlug: "renovasjon",
      purposes:
        "Å hente husholdningsavfall fra eiendommen din og beregne renovasjonsgebyret. Vi bruker det også til å svare på henvendelser om tømming, avfallsbeholdere og fritak (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (oppgave i allmennhetens interesse), jf. forurensningsloven og kommunens forskrift om renovasjon (antatt)",
      dataCategories:
        "Navn og adresse for eieren eller abonnenten, og opplysninger om eiendommen. Avfallsbeholdere, tømmefrekvens, gebyr og henvendelser du har sendt (antatt)",
      recipients:
        "Renovasjonsselskapet som henter avfallet for kommunen, og leverandøren av systemet, som behandler opplysningene på vegne av kommunen (databehandlere). Andre offentlige myndigheter når kommunen har en lovbestemt plikt til det (antatt)",
      storagePeriod:
        "Opplysningene tas vare på så lenge du er abonnent, og gebyrgrunnlaget så lenge bokføringsloven krever det. Det vi ikke lenger trenger og ikke har plikt til å lagre, blir slettet (antatt)",
      source:
        "Fra offentlige registre som matrikkelen, grunnboken og Folkeregisteret, og fra deg når du tar kontakt om renovasjon (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Fakturasystem",
      unitSlug: "renovasjon",
      purposes:
        "Å sende faktura for kommunale tjenester og gebyrer, for eksempel renovasjonsgebyr, følge opp betalingen og føre kommunens regnskap (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse), jf. bokføringsloven og kommuneloven, og for gebyrene forurensningsloven",
      dataCategories:
        "Navn, adresse og fødselsnummer eller kundenummer. Hva fakturaen gjelder, beløp, betalinger og eventuelle purringer (antatt)",
      recipients:
        "Banker som formidler betalingen, og inkassoselskap hvis en faktura ikke blir betalt. Revisjonen som kontrollerer kommunens regnskap, og leverandøren av systemet som databehandler (antatt)",
      storagePeriod:
        "Regnskapsopplysninger oppbevares så lenge bokføringsloven krever det, i dag fem år etter utgangen av regnskapsåret. Deretter blir de slettet (antatt)",
      source:
        "Fra kommunens fagsystemer, for eksempel renovasjonsregisteret, og fra Folkeregisteret for riktig adresse (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Kundesenterlogg",
      unitSlug: "innbyggerservice",
      purposes:
        "Å svare på og følge opp henvendelser du sender til Innbyggerservice på telefon, e-post eller i skranken, og sende dem videre til riktig enhet (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav e (oppgave i allmennhetens interesse), jf. forvaltningsloven § 11 om veiledningsplikt (antatt)",
      dataCategories:
        "Navn og kontaktopplysninger, når du tok kontakt og hva henvendelsen gjaldt, og hvilket svar du fikk (antatt)",
      recipients:
        "Enheten i kommunen som skal følge opp henvendelsen din. Leverandøren av systemet behandler opplysningene på vegne av kommunen (databehandler) (antatt)",
      storagePeriod:
        "Henvendelser som må arkiveres, blir overført til sak- og arkivsystemet. Resten blir slettet når vi ikke lenger trenger det for å følge opp henvendelsen (antatt)",
      source: "Fra deg, når du tar kontakt med Innbyggerservice (antatt)",
      transfersOutsideEea: BERGEN_TRANSFER,
      transferSafeguards: BERGEN_SAFEGUARDS,
      automatedDecisions: null,
    },
  ],
  trondheim: [
    {
      name: "Pasientjournal (EPJ)",
      unitSlug: "helse-velferd",
      purposes:
        "Å gi deg forsvarlig helsehjelp og helse- og omsorgstjenester, og å dokumentere hjelpen du får, slik loven krever. Journalen brukes også til kvalitetssikring og samarbeid med annet helsepersonell som gir deg helsehjelp (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (oppgave i allmennhetens interesse), jf. helse- og omsorgstjenesteloven, og artikkel 9 nr. 2 bokstav h, jf. pasient- og brukerrettighetsloven, helsepersonelloven og pasientjournalloven",
      dataCategories:
        "Kontaktopplysninger, fødselsnummer og opplysninger om pårørende og verge. Helseopplysninger, som diagnoser, medisiner og notater fra helsepersonell, og vedtak om tjenestene du får (antatt)",
      recipients:
        "Klageorganer hvis du klager. Fastlegen din, helseforetak og annet helsepersonell som gir deg helsehjelp, når taushetsplikten tillater det, og leverandøren av systemet som databehandler (antatt)",
      storagePeriod:
        "Opplysningene skal ikke behandles lenger enn det som er nødvendig for formålet, og tidspunktet for sletting blir vurdert konkret. Journalen oppbevares så lenge pasientjournalloven, helsepersonelloven og arkivlova krever det, som regel mange år etter siste kontakt (antatt)",
      source:
        "Fra deg og fra andre, som foreldre, pårørende og verger. Fra offentlige registre som Folkeregisteret, andre kommuner, helseforetak og private sykehus",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Sak- og arkivsystem",
      unitSlug: null,
      purposes:
        "Saksbehandling og administrasjon: å behandle og dokumentere sakene dine, og å journalføre og arkivere dokumentene slik loven krever. Vi bruker det også til å føre offentlig postjournal og behandle krav om innsyn (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (offentlig myndighetsutøvelse), jf. forvaltningsloven, arkivlova, offentleglova og den loven saken gjelder. Helseopplysninger og andre særlige kategorier i en sak behandles etter artikkel 9 nr. 2 bokstav g eller h, jf. den samme loven (antatt)",
      dataCategories:
        "Kontaktopplysninger og fødselsnummer, det du og andre har skrevet i saken, og kommunens vurderinger og vedtak. Saken kan inneholde særlige kategorier av personopplysninger, for eksempel helseopplysninger (antatt)",
      recipients:
        "Opplysninger kan bli utlevert når noen ber om innsyn etter offentleglova, men opplysninger underlagt taushetsplikt holdes tilbake. Klageorganer ved klagebehandling, og leverandøren av systemet som databehandler (antatt)",
      storagePeriod:
        "Opplysningene skal ikke behandles lenger enn det som er nødvendig for formålet, og tidspunktet for sletting blir vurdert konkret. Dokumenter som må arkiveres etter arkivlova, blir tatt vare på etter arkivreglene, og noen blir bevart for alltid (antatt)",
      source:
        "Fra deg og fra andre, som foreldre, pårørende og verger. Fra offentlige registre som Folkeregisteret, andre kommuner, helseforetak, private virksomheter og offentlige myndigheter",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Barnehagesystem",
      unitSlug: "oppvekst-utdanning",
      purposes:
        "Å behandle søknader om barnehageplass, tildele plass og holde kontakt med foresatte. Vi bruker også opplysningene til å beregne foreldrebetaling og behandle søknader om redusert betaling og gratis kjernetid (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav e (offentlig myndighetsutøvelse og oppgave i allmennhetens interesse), jf. barnehageloven og forskrift om foreldrebetaling i barnehager. Opplysninger om barnets helse eller behov for tilrettelegging behandles i tillegg etter artikkel 9 nr. 2 bokstav g, jf. barnehageloven (antatt)",
      dataCategories:
        "Kontaktopplysninger og fødselsnummer for barnet og foresatte, og opplysninger om barnehageplassen, oppholdstid og foreldrebetaling. Husholdningens inntekt når dere søker om redusert betaling, og opplysninger om helse eller behov for tilrettelegging når det trengs (antatt)",
      recipients:
        "Klageorganer hvis dere klager på et vedtak. Den private barnehagen dere har fått plass i, får opplysningene den trenger, og leverandøren av systemet er databehandler (antatt)",
      storagePeriod:
        "Opplysningene skal ikke behandles lenger enn det som er nødvendig for formålet, og tidspunktet for sletting blir vurdert konkret. Det som må arkiveres etter arkivlova, blir tatt vare på etter arkivreglene (antatt)",
      source:
        "Fra foreldre og foresatte, og fra offentlige registre som Folkeregisteret. Inntektsopplysninger fra Skatteetaten når dere søker om redusert betaling (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Skoleadministrativt system",
      unitSlug: "oppvekst-utdanning",
      purposes:
        "Å gi eleven opplæring og følge opp skolegangen, blant annet med klasse, timeplan, fravær, vurdering og karakterer. Vi bruker det også til kontakt med foresatte, vedtak om tilrettelegging og rapportering til statlige myndigheter (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (offentlig myndighetsutøvelse), jf. opplæringslova. Opplysninger om elevens helse eller behov for tilrettelegging behandles i tillegg etter artikkel 9 nr. 2 bokstav g, jf. opplæringslova (antatt)",
      dataCategories:
        "Kontaktopplysninger og fødselsnummer for eleven og foresatte. Opplysninger om skole, klasse, fravær, vurderinger og karakterer, og helseopplysninger eller vedtak om tilrettelegging når det trengs (antatt)",
      recipients:
        "Klageorganer hvis dere klager på et vedtak. Utdanningsdirektoratet når loven krever rapportering, ny skole ved skolebytte, og leverandøren av systemet som databehandler (antatt)",
      storagePeriod:
        "Opplysningene skal ikke behandles lenger enn det som er nødvendig for formålet, og tidspunktet for sletting blir vurdert konkret. Det som må arkiveres etter arkivlova, for eksempel vedtak og karakterer, blir tatt vare på etter arkivreglene, og mye av det blir bevart for alltid (antatt)",
      source:
        "Fra eleven og fra foreldre og verger, og fra offentlige registre som Folkeregisteret. Ved skolebytte også fra skolen eller kommunen eleven kom fra (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Byggesaksystem",
      unitSlug: "byutvikling",
      purposes:
        "Å behandle søknader om å bygge, rive eller endre bygninger, føre tilsyn og følge opp ulovlige tiltak. Vi bruker det også til å behandle merknader fra naboer og klager på vedtak (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav e (offentlig myndighetsutøvelse), jf. plan- og bygningsloven og forvaltningsloven",
      dataCategories:
        "Kontaktopplysninger for søker, tiltakshaver, eiere og naboer, og opplysninger om eiendommen og bygningene. Det som står i søknaden, merknader og klager, og kommunens vurderinger og vedtak (antatt)",
      recipients:
        "Opplysninger kan bli utlevert når noen ber om innsyn etter offentleglova, men opplysninger underlagt taushetsplikt holdes tilbake. Klageorganer ved klagebehandling, og leverandøren av systemet som databehandler (antatt)",
      storagePeriod:
        "Opplysningene skal ikke behandles lenger enn det som er nødvendig for formålet, og tidspunktet for sletting blir vurdert konkret. Byggesaker må arkiveres etter arkivlova og blir som regel bevart for alltid, fordi de dokumenterer bygningene (antatt)",
      source:
        "Fra deg som søker eller fra ansvarlig søker, fra offentlige registre som matrikkelen og Folkeregisteret, og fra naboer og andre som gir merknader til saken (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Matrikkelen",
      unitSlug: "byutvikling",
      purposes:
        "Å føre det offisielle registeret over eiendommer, adresser og bygninger i kommunen, som kommunen er lokal matrikkelmyndighet for. Opplysningene brukes i byggesaker, til adressering og til beregning av kommunale gebyrer (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse) og bokstav e (offentlig myndighetsutøvelse), jf. matrikkellova",
      dataCategories:
        "Opplysninger om eiendommen din, som gårds- og bruksnummer, grenser, adresse og bygninger. Navn, fødselsnummer og adresse for eiere og festere (antatt)",
      recipients:
        "Kartverket, som har ansvaret for matrikkelen for hele landet. Mange opplysninger i matrikkelen er offentlige og kan utleveres etter matrikkellova, men ikke fødselsnummer (antatt)",
      storagePeriod:
        "Opplysningene tas vare på så lenge matrikkellova krever det. Historiske opplysninger om eiendommer og eiere blir bevart (antatt)",
      source:
        "Fra offentlige registre som Folkeregisteret, fra Kartverket og grunnboken, og fra kommunens egne oppmålingsforretninger og byggesaker (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Kartløsning",
      unitSlug: "byutvikling",
      purposes:
        "Å vise kart med eiendommer, adresser, bygninger og planer, slik at kommunen kan behandle plan- og byggesaker og innbyggerne kan finne informasjon om eiendommer (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav e (oppgave i allmennhetens interesse og offentlig myndighetsutøvelse), jf. plan- og bygningsloven og matrikkellova (antatt)",
      dataCategories:
        "Opplysninger om eiendommen din, som adresse, gårds- og bruksnummer, grenser og bygninger, som kan knyttes til deg som eier. Kommunens saksbehandlere kan også se hvem som eier eiendommen (antatt)",
      recipients:
        "Kartopplysningene uten navn på eiere er offentlige og kan vises for alle. Leverandøren av systemet behandler opplysningene på vegne av kommunen (databehandler) (antatt)",
      storagePeriod:
        "Kartløsningen viser til enhver tid de gjeldende opplysningene fra matrikkelen og plan- og byggesakene. Opplysninger som er endret, tas vare på der de kommer fra, ikke i kartløsningen (antatt)",
      source: "Fra matrikkelen, Kartverket og kommunens plan- og byggesaker (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Bookingsystem",
      unitSlug: "kultur-naering",
      purposes:
        "Å ta imot og behandle bestillinger av kommunale lokaler, haller og anlegg, fordele treningstid til lag og foreninger, og sende faktura for leien (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav b (avtale med deg om leie) og, for faktura og regnskap, bokstav c (rettslig forpliktelse), jf. bokføringsloven (antatt)",
      dataCategories:
        "Navn og kontaktopplysninger for deg som bestiller eller kontaktperson for et lag, hva du har bestilt og når, og betaling (antatt)",
      recipients:
        "Kommunens fakturasystem, og leverandøren av bookingsystemet, som behandler opplysningene på vegne av kommunen (databehandler) (antatt)",
      storagePeriod:
        "Opplysningene skal ikke behandles lenger enn det som er nødvendig for formålet, og tidspunktet for sletting blir vurdert konkret. Opplysninger om betaling oppbevares så lenge bokføringsloven krever det (antatt)",
      source: "Fra deg, når du bestiller eller registrerer deg i bookingsystemet (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Fakturasystem",
      unitSlug: "organisasjon",
      purposes:
        "Å føre kommunens regnskap, sende faktura for kommunale tjenester og gebyrer, og følge opp betalingen. Systemet brukes også til bestilling av varer og tjenester (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav c (rettslig forpliktelse), jf. bokføringsloven og kommuneloven",
      dataCategories:
        "Navn, adresse og fødselsnummer eller kundenummer. Hva fakturaen gjelder, beløp, betalinger og eventuelle purringer (antatt)",
      recipients:
        "Banker som formidler betalingen, og inkassoselskap hvis en faktura ikke blir betalt. Revisjonen som kontrollerer kommunens regnskap, og leverandøren av systemet som databehandler (antatt)",
      storagePeriod:
        "Regnskapsopplysninger oppbevares så lenge bokføringsloven krever det, i dag fem år etter utgangen av regnskapsåret. Deretter blir de slettet (antatt)",
      source:
        "Fra kommunens fagsystemer som gir grunnlaget for fakturaen, og fra Folkeregisteret for riktig adresse (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
    {
      name: "Adgangskontroll og kameraovervåking",
      unitSlug: "organisasjon",
      purposes:
        "Adgangskontroll og sikkerhetstiltak: å verne personer, bygninger og eiendom, og å kunne oppklare innbrudd, hærverk og andre hendelser. Kommunen har kameraovervåking på enkelte steder (antatt)",
      legalBasis:
        "Personvernforordningen artikkel 6 nr. 1 bokstav f (berettiget interesse i å verne personer og eiendom), jf. personopplysningsloven § 31 og forskrift om kameraovervåking i virksomhet (antatt)",
      dataCategories:
        "Bilder og videoopptak av personer som er i det overvåkede området, med tid og sted. For adgangskort: navn, kortnummer og når og hvor kortet ble brukt (antatt)",
      recipients:
        "Politiet, når opptak trengs i etterforskningen av en straffbar handling eller en ulykke. Leverandøren av systemet behandler opplysningene på vegne av kommunen (databehandler) (antatt)",
      storagePeriod:
        "Opptak slettes senest sju dager etter opptaket, eller etter inntil 30 dager hvis det er sannsynlig at de skal utleveres til politiet, slik forskriften sier. Logg over adgangskort slettes når den ikke lenger trengs (antatt)",
      source:
        "Fra kameraene der kommunen har kameraovervåking, og fra adgangskortleserne (antatt)",
      transfersOutsideEea: null,
      transferSafeguards: null,
      automatedDecisions: null,
    },
  ],
};
