// Staff deep links survive signing in: every reminder and escalation mail links to /staff/cases/PV-…,
// and the daily digest to /staff?view=mine. Signed out, such a link leads to the sign-in page with the
// page as its return path; after the magic link or the municipality's OIDC sign-in the browser lands
// on that page, query string included. Anything that is not a page under /staff lands on /staff.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { isSignInFor, pathAndQuery, signInAsStaff, signInLinks } from "./staff-login";

async function newCase(page: Page) {
  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Dyp Lenkesen", email: uniqueEmail("dyplenke"), unit: "barnehage", submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

/** The return path fields of the two sign-in forms (the language switch has a returnTo of its own). */
const returnToFields = (page: Page) =>
  page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: /^(Send innloggingslenke|Logg inn med kommunens konto)$/ }) })
    .locator('input[type="hidden"][name="returnTo"]');

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logg ut" }).click();
  await page.waitForURL((url) => url.pathname === "/staff/signin");
}

/** From the sign-in page: the municipality's account (the local test provider), as `account`. */
async function signInWithOidc(page: Page, account: RegExp) {
  const portal = new URL(page.url()).origin;
  await page.getByRole("button", { name: "Logg inn med kommunens konto" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test-innlogging for ansatte (kun for utvikling)");
  await page.getByLabel(account).check();
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.waitForURL((url) => url.origin === portal && !url.pathname.startsWith("/api/"));
}

test("a case link from a reminder mail opens that case after the magic-link sign-in; a queue link keeps its query", async ({ page }) => {
  const reference = await newCase(page);
  const caseLink = `/staff/cases/${reference}`;
  await signInAsStaff(page, "saksbehandler@demo.test", { from: caseLink });
  expect(pathAndQuery(page.url())).toBe(caseLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);

  await signOut(page);
  const queueLink = `/staff?q=${reference}&sort=received`;
  await signInAsStaff(page, "saksbehandler@demo.test", { from: queueLink });
  expect(pathAndQuery(page.url())).toBe(queueLink);
  await expect(page.locator(`tr[data-reference="${reference}"]`)).toBeVisible();
});

test("the municipality's OIDC sign-in lands on the page asked for too, query string included", async ({ page }) => {
  const reference = await newCase(page);
  const caseLink = `/staff/cases/${reference}`;
  await page.goto(caseLink);
  await page.waitForURL((url) => isSignInFor(url, caseLink));
  await signInWithOidc(page, /Lene Enhetsleder/);
  expect(pathAndQuery(page.url())).toBe(caseLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);

  await signOut(page);
  const queueLink = `/staff?q=${reference}&sort=received`;
  await page.goto(queueLink);
  await page.waitForURL((url) => isSignInFor(url, queueLink));
  await signInWithOidc(page, /Lene Enhetsleder/);
  expect(pathAndQuery(page.url())).toBe(queueLink);
  await expect(page.locator(`tr[data-reference="${reference}"]`)).toBeVisible();
});

test("a malformed address and the check-your-e-mail page keep the return path; the sign-in pages pass axe", async ({ page }) => {
  const reference = await newCase(page);
  const caseLink = `/staff/cases/${reference}`;
  await page.goto(caseLink);
  await page.waitForURL((url) => isSignInFor(url, caseLink));
  await expect(page.getByTestId("signin-return-note")).toHaveText("Når du har logget inn, kommer du rett til siden du prøvde å åpne.");
  await expect(returnToFields(page)).toHaveCount(2);
  for (const field of await returnToFields(page).all()) await expect(field).toHaveValue(caseLink);
  await expectNoAxeViolations(page, "staff sign-in with a return path");

  // The browser lets "name@localhost" through (type=email); the server refuses it.
  await page.getByLabel("Jobb-e-post").fill("kari@localhost");
  await page.getByRole("button", { name: "Send innloggingslenke" }).click();
  await page.waitForURL((url) => isSignInFor(url, caseLink) && url.searchParams.get("error") === "email");
  await expect(page.locator(".ds-alert[role=alert]")).toBeVisible();
  for (const field of await returnToFields(page).all()) await expect(field).toHaveValue(caseLink);
  await expectNoAxeViolations(page, "staff sign-in, malformed address");

  await page.getByLabel("Jobb-e-post").fill(uniqueEmail("ukjent-dyplenke"));
  await page.getByRole("button", { name: "Send innloggingslenke" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sjekk e-posten din");
  const checkEmail = new URL(page.url());
  expect(checkEmail.pathname).toBe("/staff/signin/check-email");
  expect(checkEmail.searchParams.get("returnTo")).toBe(caseLink);
  await expectNoAxeViolations(page, "check e-mail with a return path");
  await page.getByTestId("signin-retry").click();
  await page.waitForURL((url) => isSignInFor(url, caseLink) && !url.searchParams.has("error"));
  await expect(page.getByLabel("Jobb-e-post")).toBeVisible();
});

test("a hostile return path is never used: the forms carry /staff, and a tampered mail link lands on /staff", async ({ page }) => {
  for (const evil of [
    "https://evil.example/staff",
    "//evil.example/staff",
    "/\\evil.example",
    "javascript:alert(1)",
    "/%2F%2Fevil.example",
    "/staff/%2e%2e/my-cases",
    "/staff/../my-cases",
    "/my-cases",
    "/staff/signin",
  ]) {
    await page.goto(`/staff/signin?returnTo=${encodeURIComponent(evil)}`);
    await expect(returnToFields(page)).toHaveCount(2);
    for (const field of await returnToFields(page).all()) await expect(field, evil).toHaveValue("/staff");
    await expect(page.getByTestId("signin-return-note")).toHaveCount(0);
  }
  await expectNoAxeViolations(page, "staff sign-in without a return path");

  // Signing in from such a page (OIDC) ends on /staff on this origin.
  await page.goto(`/staff/signin?returnTo=${encodeURIComponent("//evil.example/staff")}`);
  await signInWithOidc(page, /Per Personvernombud/);
  expect(new URL(page.url()).hostname).toBe("localhost");
  expect(new URL(page.url()).pathname).toBe("/staff");
  await signOut(page);

  // A mail link whose callbackUrl someone changed: next-auth's redirect callback keeps it on /staff
  // (its default would send it to the site's front page).
  const email = "saksbehandler2@demo.test";
  const before = new Set(await signInLinks(page, email));
  await page.goto("/staff/signin");
  await page.getByLabel("Jobb-e-post").fill(email);
  await page.getByRole("button", { name: "Send innloggingslenke" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sjekk e-posten din");
  let link: string | undefined;
  await expect
    .poll(async () => (link = (await signInLinks(page, email)).find((l) => !before.has(l))), { timeout: 20_000 })
    .toBeTruthy();
  const tampered = new URL(link!);
  expect(tampered.searchParams.get("callbackUrl")).toMatch(/^http:\/\/localhost:\d+\/staff$/);
  tampered.searchParams.set("callbackUrl", "https://evil.example/");
  await page.goto(tampered.toString());
  await page.waitForURL((url) => !url.pathname.startsWith("/api/auth"));
  expect(new URL(page.url()).hostname).toBe("localhost");
  expect(new URL(page.url()).pathname).toBe("/staff");
  await expect(page.getByText("Logget inn som Ola Saksbehandler")).toBeVisible();
});
