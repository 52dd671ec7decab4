// Test persons of the local test ID-porten (lib/dev/oidc-provider.ts). Their fødselsnummer are
// Skatteetaten-style synthetic numbers (month + 80, both check digits valid): they cannot belong to a
// real person and are only accepted when ALLOW_SYNTHETIC_NATIONAL_IDS=1. ID-porten gives no name; the
// labels only help choosing on the test login page. Pure data, safe to import from tests.
export type TestPerson = { pid: string; label: string };

export const TEST_PERSONS: readonly TestPerson[] = [
  { pid: "15859110190", label: "Testperson A (født 15.05.1991)" },
  { pid: "03917810019", label: "Testperson B (født 03.11.1978)" },
  { pid: "22870510083", label: "Testperson C (født 22.07.1905)" },
  { pid: "09836410073", label: "Testperson D (født 09.03.1964)" },
];

/**
 * Staff accounts of the local dev OpenID Connect provider (the "portal-staff" client, standing in for
 * the municipality's Entra ID). Their `email` claims are the demo staff addresses of prisma/seed.ts
 * (one in mixed case: matching is case-insensitive); the last one belongs to nobody in the portal and
 * must be refused.
 */
export type StaffTestAccount = { email: string; name: string; label: string };

export const STAFF_TEST_ACCOUNTS: readonly StaffTestAccount[] = [
  { email: "saksbehandler@demo.test", name: "Kari Saksbehandler", label: "Kari Saksbehandler (saksbehandler)" },
  { email: "saksbehandler2@demo.test", name: "Ola Saksbehandler", label: "Ola Saksbehandler (saksbehandler)" },
  { email: "Leder@Demo.test", name: "Lene Enhetsleder", label: "Lene Enhetsleder (enhetsleder)" },
  { email: "personvernombud@demo.test", name: "Per Personvernombud", label: "Per Personvernombud (personvernombud)" },
  { email: "admin@demo.test", name: "Anne Admin", label: "Anne Admin (administrator)" },
  { email: "ukjent.ansatt@demo.test", name: "Ukjent Ansatt", label: "Ukjent Ansatt (ikke registrert i portalen)" },
];
