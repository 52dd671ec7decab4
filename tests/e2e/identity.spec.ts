// Citizen identity end to end: ID-porten (the local test ID-porten started by serve.ts) at both
// levels and as a step-up, the e-mail code read from the demo mailbox, wrong codes, signing out,
// same-site returnTo, and axe scans of every page on the way.
import { expect, test, type Page } from "@playwright/test";
import { TEST_PERSONS } from "../../lib/dev/test-persons";
import {
  completeTestIdPorten,
  enterEmailCode,
  readEmailCode,
  requestEmailCode,
  signInWithEmailCode,
  signInWithIdPorten,
} from "./citizen-login";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, uniqueEmail, withDb } from "./support";

const header = (page: Page) => page.getByRole("banner");

async function expectSignedIn(page: Page) {
  await expect(header(page).getByRole("link", { name: "Mine saker" })).toBeVisible();
  await expect(header(page).getByRole("button", { name: "Logg ut" })).toBeVisible();
}

async function expectSignedOut(page: Page) {
  await expect(header(page).getByRole("link", { name: "Logg inn" })).toBeVisible();
  await expect(header(page).getByRole("button", { name: "Logg ut" })).toHaveCount(0);
}

async function identityRow(identityIdLike: string) {
  return withDb(async (client) => (await client.query("SELECT * FROM citizen_identity WHERE id = $1", [identityIdLike])).rows[0]);
}

async function newestIdPortenIdentity() {
  return withDb(
    async (client) =>
      (await client.query("SELECT * FROM citizen_identity WHERE method = 'idporten' ORDER BY last_login_at DESC LIMIT 1")).rows[0] as
        | Record<string, unknown>
        | undefined,
  );
}

test("ID-porten at level substantial (MinID): accessible pages, a session without the number, one identity", async ({ page, context }) => {
  await page.goto("/");
  await expectSignedOut(page);
  await header(page).getByRole("link", { name: "Logg inn" }).click();
  await expect(page).toHaveURL(/\/login\?returnTo=%2Fmy-cases$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logg inn");
  await expectNoAxeViolations(page, "/login");

  await page.goto("/login?returnTo=%2F");
  await page.getByRole("button", { name: "Logg inn med ID-porten" }).click();
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/interaction\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test-ID-porten (kun for utvikling)");
  await expect(page.getByLabel(/MinID/)).toBeVisible();
  await expectNoAxeViolations(page, "test ID-porten");
  await completeTestIdPorten(page, "substantial", 1);

  await page.waitForURL((url) => url.pathname === "/");
  await expectSignedIn(page);

  // Only our own cookies, none of the staff instance's; the session is a JWE, never the number.
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "pv-citizen.session-token");
  expect(session?.httpOnly).toBe(true);
  expect(session?.value).not.toContain(TEST_PERSONS[1]!.pid);
  expect(cookies.some((c) => c.name.startsWith("authjs."))).toBe(false);

  const row = await newestIdPortenIdentity();
  expect(row?.level).toBe("idporten_substantial");
  expect(JSON.stringify(row)).not.toContain(TEST_PERSONS[1]!.pid);
  expect(String(row?.pid_encrypted)).toMatch(/^k1\./);

  // Signing in again as the same person gives the same identity.
  await header(page).getByRole("button", { name: "Logg ut" }).click();
  await expectSignedOut(page);
  await signInWithIdPorten(page, "substantial", { testPerson: 1, returnTo: "/" });
  const again = await newestIdPortenIdentity();
  expect(again?.id).toBe(row?.id);
});

test("ID-porten at level high (BankID), and step-up from substantial to high", async ({ page }) => {
  await signInWithIdPorten(page, "high", { testPerson: 2, returnTo: "/" });
  await expectSignedIn(page);
  expect((await newestIdPortenIdentity())?.level).toBe("idporten_high");
  await header(page).getByRole("button", { name: "Logg ut" }).click();
  await expectSignedOut(page);

  // A MinID session meets a page that needs level high: the step-up page asks ID-porten for high,
  // and the test ID-porten then offers BankID only.
  await signInWithIdPorten(page, "substantial", { testPerson: 3, returnTo: "/" });
  expect((await newestIdPortenIdentity())?.level).toBe("idporten_substantial");
  await page.goto("/login/step-up?returnTo=%2F&level=idporten_high");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du må logge inn med høyt sikkerhetsnivå");
  await expectNoAxeViolations(page, "/login/step-up");
  await page.getByRole("button", { name: "Logg inn med ID-porten" }).click();
  await expect(page.getByText("Bare BankID kan velges")).toBeVisible();
  await expect(page.getByLabel(/MinID/)).toHaveCount(0);
  await expectNoAxeViolations(page, "test ID-porten, high only");
  await completeTestIdPorten(page, "high", 3);
  await page.waitForURL((url) => url.pathname === "/");
  const row = await newestIdPortenIdentity();
  expect(row?.level).toBe("idporten_high");
});

test("e-mail code: wrong code shows the attempts left, the right one signs in, signing out ends the session", async ({ page, browser }) => {
  const email = uniqueEmail("kode");
  await requestEmailCode(page, email, { returnTo: "/" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skriv inn koden fra e-posten");
  await expect(page.getByText(email)).toBeVisible();
  const codeInput = page.getByLabel("Kode fra e-posten");
  await expect(codeInput).toHaveAttribute("inputmode", "numeric");
  await expect(codeInput).toHaveAttribute("autocomplete", "one-time-code");
  await expectNoAxeViolations(page, "/login/code");

  const code = await readEmailCode(page, email);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await enterEmailCode(page, wrong, { returnTo: "/" });
  const summary = page.getByRole("alert").filter({ hasText: "Koden virket ikke" });
  await expect(summary.getByRole("link", { name: "Koden er feil. Du kan prøve 4 ganger til." })).toHaveAttribute("href", "#code");
  await expect(page.getByLabel("Kode fra e-posten")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "/login/code with an error");
  await enterEmailCode(page, wrong, { returnTo: "/" });
  await expect(page.getByRole("link", { name: "Koden er feil. Du kan prøve 3 ganger til." })).toBeVisible();

  await enterEmailCode(page, code, { returnTo: "/" });
  await page.waitForURL((url) => url.pathname === "/");
  await expectSignedIn(page);
  const identity = await withDb(async (client) => (await client.query("SELECT * FROM citizen_identity WHERE email = $1", [email])).rows[0]);
  expect(identity).toMatchObject({ method: "email_code", level: "email_code", pid_hash: null });
  expect((await identityRow(identity.id))?.email).toBe(email);

  // The code is used up: a second sign-in with it fails.
  await header(page).getByRole("button", { name: "Logg ut" }).click();
  await expectSignedOut(page);
  await page.goto("/login/code?returnTo=%2F");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har ikke bedt om en kode");
  await expectNoAxeViolationsWithoutJs(browser, page, "/login/code without a pending code");
});

test("the shared helpers sign in and land on Mine saker by default", async ({ page }) => {
  await signInWithEmailCode(page, uniqueEmail("hjelper"));
  expect(new URL(page.url()).pathname).toBe("/my-cases");
  await expectSignedIn(page);
});

test("five wrong codes kill the code: the page asks for a new one", async ({ page }) => {
  const email = uniqueEmail("sperret");
  await requestEmailCode(page, email, { returnTo: "/" });
  const code = await readEmailCode(page, email);
  const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, "0");
  for (const left of [4, 3, 2, 1]) {
    await enterEmailCode(page, wrong, { returnTo: "/" });
    await expect(page.getByRole("link", { name: `Du kan prøve ${left} gang` })).toBeVisible();
  }
  await enterEmailCode(page, wrong, { returnTo: "/" });
  const dead = page.getByRole("alert").filter({ hasText: "Du har skrevet feil kode for mange ganger" });
  await expect(dead).toBeVisible();
  await expect(page.getByLabel("Kode fra e-posten")).toHaveCount(0);
  await expectNoAxeViolations(page, "/login/code, code dead");
  await dead.getByRole("link", { name: "Be om en ny kode" }).click();
  await expect(page).toHaveURL(/\/login\?returnTo=%2F$/);
  await expect(page.getByLabel("E-postadresse")).toHaveValue(email);
});

test("returnTo must be a path on this site", async ({ page }) => {
  // "/.//evil.example" normalises to "//evil.example", another site: the old check let it through.
  for (const evil of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/.//evil.example", "/%2e%2e//evil.example"]) {
    await page.goto(`/login?returnTo=${encodeURIComponent(evil)}`);
    const idportenForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Logg inn med ID-porten" }) });
    await expect(idportenForm.locator('input[name="returnTo"]')).toHaveValue("/my-cases");
  }
  await signInWithIdPorten(page, "substantial", { returnTo: "/receipt/does-not-exist?x=1" });
  expect(new URL(page.url()).search).toBe("?x=1");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in page reads and ID-porten sign-in and sign-out work", async ({ page, browser }) => {
    await page.goto("/login?returnTo=%2F");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logg inn");
    await expectNoAxeViolationsWithoutJs(browser, page, "/login without JavaScript");
    await page.getByRole("button", { name: "Logg inn med ID-porten" }).click();
    await completeTestIdPorten(page, "substantial", 0);
    await page.waitForURL((url) => url.pathname === "/");
    await expectSignedIn(page);
    await header(page).getByRole("button", { name: "Logg ut" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expectSignedOut(page);
  });

  test("the e-mail code works too (no proof of work possible: served under a stricter limit)", async ({ page }) => {
    const email = uniqueEmail("nojs-code");
    await page.goto("/login?returnTo=%2F");
    await page.getByLabel("E-postadresse").fill(email);
    await page.getByRole("button", { name: "Send kode" }).click();
    await page.waitForURL((url) => url.pathname === "/login/code");
    const code = await readEmailCode(page, email);
    await enterEmailCode(page, code, { returnTo: "/" });
    await page.waitForURL((url) => url.pathname === "/");
    await expectSignedIn(page);
  });
});
