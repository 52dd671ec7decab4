// Admin pages: staff users and units. Only admins; everyone else gets the ordinary 404.
import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { signInAsStaff } from "./staff-login";

async function submitCase(browser: Browser, unit: string, name: string) {
  const context = await browser.newContext();
  const response = await context.request.post("/api/v1/requests", {
    data: { rights: ["access"], name, email: uniqueEmail("admin-case"), unit, submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { reference: string };
  await context.close();
  return body.reference;
}

test("an admin creates a caseworker for a unit, who signs in with a magic link and sees only that unit's cases", async ({ page, browser }) => {
  const name = `Admin Kø${Date.now().toString(36)}`;
  const inByggesak = await submitCase(browser, "byggesak", name);
  const inBarnehage = await submitCase(browser, "barnehage", name);

  await signInAsStaff(page, "admin@demo.test", { landing: /\/staff\/admin\/users$/ });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Brukere");
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page, "admin users");

  // An empty form: error summary with links to the fields, and axe on that state too.
  await page.getByRole("button", { name: "Opprett bruker" }).click();
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Fyll ut feltet." })).toHaveAttribute("href", "#new-user-name");
  await expect(summary.getByRole("link", { name: "Velg minst én rolle." })).toBeVisible();
  await expectNoAxeViolations(page, "admin users with errors");

  const email = uniqueEmail("ny-saksbehandler");
  await page.getByLabel("Navn", { exact: true }).fill("Nora Nyansatt");
  await page.getByLabel("Jobb-e-post").fill(email.toUpperCase());
  await page.getByRole("group", { name: "Roller" }).getByLabel("Saksbehandler").check();
  await page.getByRole("group", { name: "Enheter" }).getByLabel("Byggesak").check();
  await page.getByRole("button", { name: "Opprett bruker" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("Brukeren er opprettet.");
  const row = page.locator(`tr[data-email="${email}"]`);
  await expect(row).toContainText("Nora Nyansatt");
  await expect(row).toContainText("Saksbehandler");
  await expect(row).toContainText("Byggesak");

  // The same address again is refused with a message at the field.
  await page.getByLabel("Navn", { exact: true }).fill("Nora Igjen");
  await page.getByLabel("Jobb-e-post").fill(email);
  await page.getByRole("group", { name: "Roller" }).getByLabel("Saksbehandler").check();
  await page.getByRole("button", { name: "Opprett bruker" }).click();
  await expect(page.locator(".ds-error-summary")).toContainText("Det finnes allerede en bruker med denne e-postadressen.");
  await expect(page.getByLabel("Navn", { exact: true })).toHaveValue("Nora Igjen");

  // The new caseworker signs in (own browser context) and sees Byggesak only.
  const context = await browser.newContext();
  const nora = await context.newPage();
  await signInAsStaff(nora, email);
  await expect(nora.getByText("Logget inn som Nora Nyansatt")).toBeVisible();
  await expect(nora.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  await nora.goto(`/staff?q=${encodeURIComponent(name.split(" ")[1]!)}`);
  await expect(nora.locator("tbody tr")).toHaveCount(1);
  await expect(nora.locator(`tr[data-reference="${inByggesak}"]`)).toBeVisible();
  await expect(nora.locator(`tr[data-reference="${inBarnehage}"]`)).toHaveCount(0);
  const response = await nora.goto(`/staff/cases/${inBarnehage}`);
  expect(response?.status()).toBe(404);

  // Deactivation signs her out at once.
  await row.getByRole("link", { name: /Endre/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Endre Nora Nyansatt");
  await expectNoAxeViolations(page, "admin edit user");
  await page.getByRole("button", { name: "Deaktiver bruker" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("Brukeren er deaktivert og logget ut.");
  await expect(row).toContainText("Deaktivert");
  await nora.goto("/staff");
  await expect(nora).toHaveURL(/\/staff\/signin/);
  await context.close();
});

test("an admin edits a unit's systems; the units pages pass axe", async ({ page }) => {
  await signInAsStaff(page, "admin@demo.test", { landing: /\/staff\/admin\/users$/ });
  await page.getByRole("navigation", { name: "Administrasjon" }).getByRole("link", { name: "Enheter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enheter");
  await expectNoAxeViolations(page, "admin units");

  const slug = `e2e-${Date.now().toString(36)}`;
  await page.getByLabel("Navn", { exact: true }).fill("Kulturetaten");
  await page.getByLabel("Kortnavn").fill(slug);
  await page.getByLabel("E-post til enheten").fill("kultur@bergen.kommune.no");
  await page.getByLabel("Fagsystemer").fill("Kultursystem\nSak- og arkivsystem");
  await page.getByRole("button", { name: "Opprett enhet" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("Enheten er opprettet.");
  const row = page.locator(`tr[data-slug="${slug}"]`);
  await expect(row).toContainText("Kultursystem");

  await row.getByRole("link", { name: /Endre/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Endre Kulturetaten");
  await expectNoAxeViolations(page, "admin edit unit");
  await page.getByLabel("Kortnavn").fill("Ugyldig Kortnavn");
  await page.getByRole("button", { name: "Lagre enheten" }).click();
  await expect(page.locator(".ds-error-summary")).toContainText("Bruk bare små bokstaver, tall og bindestrek.");
  await expectNoAxeViolations(page, "admin edit unit with errors");
  await page.getByLabel("Kortnavn").fill(slug);
  await page.getByLabel("Fagsystemer").fill("Kultursystem\nBillettsystem");
  await page.getByLabel(/Aktiv/).uncheck();
  await page.getByRole("button", { name: "Lagre enheten" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("Enheten er lagret.");
  await expect(row).toContainText("Billettsystem");
  await expect(row).toContainText("Ikke aktiv");
});

test("a caseworker, a unit lead and the DPO get 404 on the admin pages", async ({ browser }) => {
  for (const email of ["saksbehandler@demo.test", "leder@demo.test", "personvernombud@demo.test"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsStaff(page, email);
    await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
    for (const path of ["/staff/admin/users", "/staff/admin/units"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${email} ${path}`).toBe(404);
    }
    await context.close();
  }
});

test("every admin change is in the change log: admins and the DPO read it, others get 404", async ({ page, browser }) => {
  await signInAsStaff(page, "admin@demo.test", { landing: /\/staff\/admin\/users$/ });
  const email = uniqueEmail("logg-revisor");
  const name = `Logg Revisor ${Date.now().toString(36)}`;
  await page.getByLabel("Navn", { exact: true }).fill(name);
  await page.getByLabel("Jobb-e-post").fill(email);
  await page.getByRole("group", { name: "Roller" }).getByLabel("Saksbehandler").check();
  await page.getByRole("group", { name: "Enheter" }).getByLabel("Byggesak").check();
  await page.getByRole("button", { name: "Opprett bruker" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("Brukeren er opprettet.");

  // Granting the DPO role and taking the unit away: the edit page shows the change at once.
  await page.locator(`tr[data-email="${email}"]`).getByRole("link", { name: /Endre/ }).click();
  const userId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("group", { name: "Roller" }).getByLabel("Personvernombud").check();
  await page.getByRole("group", { name: "Enheter" }).getByLabel("Byggesak").uncheck();
  await page.getByRole("button", { name: "Lagre endringer" }).click();
  await expect(page).toHaveURL(/\/staff\/admin\/users\?done=updated$/);
  await page.goto(`/staff/admin/users/${userId}`);
  const history = page.getByTestId("admin-history");
  await expect(history.getByRole("heading", { name: "Endringer" })).toBeVisible();
  await expect(history.locator("tr[data-action='staff_user.updated']")).toContainText("Roller: fra Saksbehandler til Saksbehandler, Personvernombud");
  await expect(history.locator("tr[data-action='staff_user.updated']")).toContainText("Enheter: fra Byggesak til ingen");
  await expect(history.locator("tr[data-action='staff_user.created']")).toContainText(`Navn: ${name}`);
  await expectNoAxeViolations(page, "admin edit user with its history");

  // The whole log, from the admin menu.
  await page.getByRole("navigation", { name: "Administrasjon" }).getByRole("link", { name: "Endringslogg" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Endringslogg for administrasjonen");
  const row = page.locator(`[data-testid='admin-log'] tr[data-target='staff_user:${userId}'][data-action='staff_user.updated']`);
  await expect(row).toContainText("Anne Admin");
  await expect(row.getByRole("link", { name })).toHaveAttribute("href", `/staff/admin/users/${userId}`);
  await expectNoAxeViolations(page, "admin change log");
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoAxeViolations(page, "admin change log on a phone");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The DPO reads the same entry, on the dashboard and in the log, but edits nothing.
  const dpoContext = await browser.newContext();
  const dpo = await dpoContext.newPage();
  await signInAsStaff(dpo, "personvernombud@demo.test");
  await dpo.goto("/staff/dashboard");
  const latest = dpo.getByTestId("dashboard-admin-log");
  await expect(latest.getByRole("heading", { name: "Siste endringer i administrasjonen" })).toBeVisible();
  await expect(latest.locator(`tr[data-target='staff_user:${userId}']`).first()).toBeVisible();
  await expectNoAxeViolations(dpo, "dashboard with the admin change log");
  await dpo.getByRole("navigation", { name: "Saksbehandling" }).getByRole("link", { name: "Endringslogg" }).click();
  await expect(dpo).toHaveURL(/\/staff\/admin\/log$/);
  await dpo.goto(`/staff/admin/log?target=staff_user&id=${userId}`);
  await expect(dpo.getByTestId("admin-log-filter")).toContainText(name);
  await expect(dpo.locator("[data-testid='admin-log'] tbody tr")).toHaveCount(2);
  // No links to edit pages for the DPO, and the edit pages are 404.
  await expect(dpo.getByTestId("admin-log").getByRole("link")).toHaveCount(0);
  await expectNoAxeViolations(dpo, "change log of one user, as the DPO");
  expect((await dpo.goto(`/staff/admin/users/${userId}`))?.status()).toBe(404);
  expect((await dpo.goto("/staff/admin/retention"))?.status()).toBe(404);
  await dpoContext.close();

  for (const other of ["saksbehandler@demo.test", "leder@demo.test"]) {
    const context = await browser.newContext();
    const otherPage = await context.newPage();
    await signInAsStaff(otherPage, other);
    await expect(otherPage.getByRole("link", { name: "Endringslogg" })).toHaveCount(0);
    expect((await otherPage.goto("/staff/admin/log"))?.status(), other).toBe(404);
    await context.close();
  }
});
