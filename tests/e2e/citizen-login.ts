// Shared e2e helpers: sign a citizen in through the real flows (e-mail code read from the demo
// mailbox, or the local test ID-porten started by scripts/serve.ts).
import { expect, type Page } from "@playwright/test";
import { TEST_PERSONS } from "../../lib/dev/test-persons";
import { waitForMail, withDb } from "./support";

export { TEST_PERSONS };

export type CitizenLoginOptions = {
  /** Same-site path to land on after signing in (default "/my-cases"). */
  returnTo?: string;
};

export type IdPortenLoginOptions = CitizenLoginOptions & {
  /** Which test person (index into TEST_PERSONS, default 0). Use different ones for different citizens. */
  testPerson?: number;
};

function loginUrl(returnTo: string) {
  return `/login?returnTo=${encodeURIComponent(returnTo)}`;
}

async function expectAt(page: Page, returnTo: string) {
  const path = returnTo.split("?")[0]!;
  await page.waitForURL((url) => url.pathname === path, { timeout: 20_000 });
}

/** The code mail's subject in nb, nn and en (messages/*.json mail.email_code.subject). */
const CODE_SUBJECT = /(?:Engangskode|Eingongskode|One-time code): (\d{6})/;

/** Reads the newest sign-in code mailed to `email` from /demo/mailbox (navigates the page there). */
export async function readEmailCode(page: Page, email: string): Promise<string> {
  // Only the code mail: other mail to the address (a receipt, "new message in PV-2026-000170") has
  // six-digit runs too, and may arrive after the code.
  const mail = await waitForMail(page, { to: email, subjectPattern: CODE_SUBJECT });
  const code = CODE_SUBJECT.exec(mail.subject)?.[1];
  expect(code, "a 6-digit code in the mail").toBeTruthy();
  return code!;
}

/** Waits until the ALTCHA widget in the form (if any) has solved its challenge. */
export async function waitForProofOfWork(page: Page) {
  const widget = page.getByTestId("proof-of-work");
  if ((await widget.count()) > 0) await expect(widget).toHaveAttribute("data-state", "verified", { timeout: 30_000 });
}

/** Asks for a code on /login (the page is left on /login/code). */
export async function requestEmailCode(page: Page, email: string, opts: CitizenLoginOptions = {}) {
  await page.goto(loginUrl(opts.returnTo ?? "/my-cases"));
  await page.getByLabel("E-postadresse").fill(email);
  await waitForProofOfWork(page);
  await page.getByRole("button", { name: "Send kode" }).click();
  await page.waitForURL((url) => url.pathname === "/login/code");
}

/** Enters `code` on /login/code (goes there first if needed); does not wait for the result. */
export async function enterEmailCode(page: Page, code: string, opts: CitizenLoginOptions = {}) {
  const returnTo = opts.returnTo ?? "/my-cases";
  if (new URL(page.url()).pathname !== "/login/code") {
    await page.goto(`/login/code?returnTo=${encodeURIComponent(returnTo)}`);
  }
  await page.getByLabel("Kode fra e-posten").fill(code);
  await page.getByRole("button", { name: "Logg inn" }).click();
}

/**
 * Signs in with a one-time code sent to `email` (level "email_code") and ends on `returnTo`
 * (default "/my-cases"). Use a fresh address per test (uniqueEmail from ./support).
 */
export async function signInWithEmailCode(page: Page, email: string, opts: CitizenLoginOptions = {}): Promise<void> {
  const returnTo = opts.returnTo ?? "/my-cases";
  await requestEmailCode(page, email, { returnTo });
  const code = await readEmailCode(page, email);
  await enterEmailCode(page, code, { returnTo });
  await expectAt(page, returnTo);
}

/**
 * Signs in through the local test ID-porten as TEST_PERSONS[opts.testPerson ?? 0], choosing MinID
 * ("substantial", idporten-loa-substantial) or BankID ("high", idporten-loa-high), and ends on
 * `returnTo` (default "/my-cases").
 */
export async function signInWithIdPorten(
  page: Page,
  person: "high" | "substantial",
  opts: IdPortenLoginOptions = {},
): Promise<void> {
  const returnTo = opts.returnTo ?? "/my-cases";
  await page.goto(loginUrl(returnTo));
  await page.getByRole("button", { name: "Logg inn med ID-porten" }).click();
  await completeTestIdPorten(page, person, opts.testPerson ?? 0);
  await expectAt(page, returnTo);
}

/** On the test ID-porten's page: picks the person and level and confirms. */
export async function completeTestIdPorten(page: Page, level: "high" | "substantial", testPerson = 0) {
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Test-ID-porten");
  await page.getByLabel(TEST_PERSONS[testPerson]!.label).check();
  await page.getByLabel(level === "high" ? /BankID/ : /MinID/).check();
  await page.getByRole("button", { name: "Logg inn" }).click();
}

/**
 * Files an access request through POST /api/v1/requests and links it to the citizen identity that
 * signed in with `citizenEmail` (requester.identity_id), so it shows on their "Mine saker".
 * `request` overrides fields of the request (e.g. other `rights` with their `details`).
 */
export async function createLinkedCase(
  page: Page,
  citizenEmail: string,
  unit = "barnehage",
  name = "Mine Saker Testesen",
  request: Record<string, unknown> = {},
) {
  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name, email: citizenEmail, unit, submissionKey: crypto.randomUUID(), ...request },
  });
  expect(response.status()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  const linked = await withDb(async (db) => {
    const r = await db.query(
      `UPDATE requester SET identity_id = (SELECT id FROM citizen_identity WHERE email = $1)
         WHERE id = (SELECT requester_id FROM request_case WHERE reference = $2)`,
      [citizenEmail, reference],
    );
    return r.rowCount;
  });
  expect(linked).toBe(1);
  return reference;
}
