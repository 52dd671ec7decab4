// Retention on the staff side: the DPO holds a closed case back from deletion and lifts the hold
// (status text in plain language, error summary, axe on each state); a caseworker sees the status
// but not the form; the admin changes the retention period (invalid value -> error summary) and
// reads the deletion log.
import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

async function closedCase(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const response = await context.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Oppbevaring Testesen", email: uniqueEmail("retention"), unit: "barnehage", submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  await context.close();
  // Closed ten days ago (as a decision would leave it).
  await withDb((db) =>
    db.query(`UPDATE request_case SET status = 'completed', closed_at = now() - interval '10 days', archive_reference_manual = '2026/9999', version = version + 1 WHERE reference = $1`, [reference]),
  );
  return reference;
}

test("the DPO holds a closed case back from deletion and lifts the hold; a caseworker sees only the status", async ({ page, browser }) => {
  const reference = await closedCase(browser);
  await signInAsStaff(page, "personvernombud@demo.test");
  await page.goto(`/staff/cases/${reference}`);
  const section = page.locator("section#retention");
  await expect(section.getByRole("heading", { name: "Oppbevaring og sletting" })).toBeVisible();
  const status = page.getByTestId("retention-status");
  await expect(status).toHaveText(/^Saken har ingen filer\. Saken anonymiseres \S+ \d+\. \S+ \d{4}\.$/);
  await expectNoAxeViolations(page, "case page, retention scheduled");

  // Too short a reason: error summary linking to the field.
  await section.locator('details[data-form="legal-hold-set"] summary').click();
  await page.getByLabel("Begrunnelse").fill("kort");
  await page.getByRole("button", { name: "Hold tilbake fra sletting" }).click();
  const summary = section.locator(".ds-error-summary");
  await expect(summary.getByRole("link", { name: "Skriv en begrunnelse på minst 10 tegn." })).toHaveAttribute("href", "#legal-hold-set-reason");
  await expectNoAxeViolations(page, "legal hold form with errors");

  const reason = "Klage til Datatilsynet er ikke avgjort";
  await page.getByLabel("Begrunnelse").fill(reason);
  await page.getByRole("button", { name: "Hold tilbake fra sletting" }).click();
  await expect(page).toHaveURL(/\?hold=set/);
  await expect(page.getByTestId("hold-done")).toHaveText("Saken er holdt tilbake fra sletting.");
  await expect(status).toHaveText(`Saken er holdt tilbake fra sletting: ${reason}`);
  await expectNoAxeViolations(page, "case on legal hold");

  // A caseworker of the unit sees the status, not the form.
  const context = await browser.newContext();
  const kari = await context.newPage();
  await signInAsStaff(kari, "saksbehandler@demo.test");
  await kari.goto(`/staff/cases/${reference}`);
  await expect(kari.getByTestId("retention-status")).toHaveText(`Saken er holdt tilbake fra sletting: ${reason}`);
  await expect(kari.locator('details[data-form^="legal-hold"]')).toHaveCount(0);
  await expect(kari.getByRole("button", { name: /tilbakeholdet|Hold tilbake/ })).toHaveCount(0);
  await expectNoAxeViolations(kari, "case page for a caseworker");
  await context.close();

  await section.locator('details[data-form="legal-hold-lift"] summary').click();
  await section.locator("#legal-hold-lift button[type=submit]").click();
  await expect(page).toHaveURL(/\?hold=lifted/);
  await expect(page.getByTestId("hold-done")).toHaveText("Tilbakeholdet er opphevet.");
  await expect(status).toHaveText(/^Saken har ingen filer\. Saken anonymiseres /);
  await expectNoAxeViolations(page, "legal hold lifted");
});

test("the admin changes the retention period and reads the deletion log", async ({ page, browser }) => {
  const reference = await closedCase(browser);
  await withDb((db) => db.query(`INSERT INTO retention_log (action, case_id, reference, count) SELECT 'files_deleted', id, reference, 2 FROM request_case WHERE reference = $1`, [reference]));

  await signInAsStaff(page, "admin@demo.test", { landing: /\/staff\/admin\/users$/ });
  await page.getByRole("link", { name: "Oppbevaring", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/admin\/retention$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oppbevaring og sletting");
  await expect(page.getByRole("link", { name: "Oppbevaring", exact: true })).toHaveAttribute("aria-current", "page");
  const row = page.getByTestId("retention-log").locator("tbody tr").filter({ hasText: reference });
  await expect(row).toContainText("Filer slettet");
  await expect(row).toContainText("2");
  await expectNoAxeViolations(page, "admin retention");

  const field = page.getByLabel("Oppbevaringstid i år");
  await expect(field).toHaveValue("3");
  await field.fill("11");
  await page.getByRole("button", { name: "Lagre oppbevaringstid" }).click();
  const summary = page.locator(".ds-error-summary");
  await expect(summary.getByRole("link", { name: "Oppbevaringstiden må være fra 1 til 10 år." })).toHaveAttribute("href", "#retention-years");
  await expectNoAxeViolations(page, "admin retention with errors");

  await page.getByLabel("Oppbevaringstid i år").fill("5");
  await page.getByRole("button", { name: "Lagre oppbevaringstid" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("Oppbevaringstiden er lagret.");
  await expect(page.getByLabel("Oppbevaringstid i år")).toHaveValue("5");
  await expectNoAxeViolations(page, "admin retention saved");

  // A DPO is not an admin: the page does not exist for them.
  const context = await browser.newContext();
  const dpo = await context.newPage();
  await signInAsStaff(dpo, "personvernombud@demo.test");
  const response = await dpo.goto("/staff/admin/retention");
  expect(response?.status()).toBe(404);
  await context.close();

  await withDb((db) => db.query(`UPDATE municipality SET retention_years = 3`));
});

test("without JavaScript: the legal-hold form still sets the hold", async ({ browser }) => {
  const reference = await closedCase(browser);
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "nb-NO" });
  const page = await context.newPage();
  await signInAsStaff(page, "personvernombud@demo.test");
  await page.goto(`/staff/cases/${reference}`);
  const section = page.locator("section#retention");
  await section.locator('details[data-form="legal-hold-set"] summary').click();
  await page.getByLabel("Begrunnelse").fill("Søksmål mot kommunen er varslet");
  await page.getByRole("button", { name: "Hold tilbake fra sletting" }).click();
  await expect(page.getByTestId("retention-status")).toHaveText("Saken er holdt tilbake fra sletting: Søksmål mot kommunen er varslet");
  await context.close();
});
