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
