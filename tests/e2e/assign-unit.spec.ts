// Assignment and unit on the staff case page: a unit lead assigns a case to a caseworker, gives a
// "vet ikke" case its unit, and moves a case to a unit they do not see (back to the queue with a
// notice); a caseworker sees neither form. Every page state is scanned with axe.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";
import { caseActions, offeredActions, openCaseAction as openForm } from "./case-actions";

const KARI = "saksbehandler@demo.test";
const LENE = "leder@demo.test";

async function createCase(page: Page, unit: string) {
  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Tildeling Testesen", email: uniqueEmail("tildeling"), unit, submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}


test("a unit lead assigns a case on the case page", async ({ page }) => {
  const reference = await createCase(page, "barnehage");
  await signInAsStaff(page, LENE);
  await page.goto(`/staff/cases/${reference}`);
  await expect(page.getByTestId("assignee")).toHaveText("Ikke tildelt");
  // A unit lead's case page offers assigning and moving beside the case work.
  expect(await offeredActions(page)).toEqual(expect.arrayContaining(["Tildel", "Flytt til enhet"]));

  await openForm(page, "Tildel");
  const form = page.locator("#case-assign");
  // Nobody chosen: a translated error, linked from the summary.
  await form.getByRole("button", { name: "Tildel saken" }).click();
  await expect(form.locator(".ds-error-summary")).toContainText("Velg hvem som skal få saken.");
  await expectNoAxeViolations(page, "assign form with an error");

  await form.getByLabel("Saksbehandler").selectOption({ label: "Kari Saksbehandler" });
  await form.getByRole("button", { name: "Tildel saken" }).click();
  await expect(page).toHaveURL(/assignment=assigned/);
  await expect(page.getByTestId("assignment-done")).toHaveText("Saken er tildelt.");
  await expect(page.getByTestId("assignee")).toHaveText("Kari Saksbehandler");
  await expect(page.locator('[data-type="case.assigned"]')).toContainText("Lene Enhetsleder");
  await expectNoAxeViolations(page, "case page after assigning");

  // Reassigning is offered from now on.
  await expect(caseActions(page).getByRole("link", { name: "Gi saken til en annen saksbehandler" })).toBeVisible();
});

test("a unit lead gives a \"vet ikke\" case its unit, and moving a case out of sight leads back to the queue", async ({ page }) => {
  const reference = await createCase(page, "");
  await signInAsStaff(page, LENE);
  await page.goto(`/staff/cases/${reference}`);
  await openForm(page, "Gi saken en enhet");
  const form = page.locator("#case-unit");
  await expect(form).toContainText("særlige kategorier");
  await expectNoAxeViolations(page, "unit form open");
  await form.getByLabel("Ny enhet").selectOption({ label: "Skole" });
  await form.getByRole("button", { name: "Flytt saken" }).click();
  await expect(page).toHaveURL(/assignment=moved/);
  await expect(page.getByTestId("assignment-done")).toHaveText("Saken er flyttet til den nye enheten.");
  await expect(page.getByTestId("case-header")).toContainText("Skole");
  await expect(page.locator('[data-type="case.unit_changed"]')).toContainText("Saken ble flyttet til Skole.");
  await expectNoAxeViolations(page, "case page after moving");

  // Health is a special-category unit Lene does not lead: the case leaves her sight.
  await openForm(page, "Flytt til enhet");
  await page.locator("#case-unit").getByLabel("Ny enhet").selectOption({ label: "Helse og omsorg (særlige kategorier)" });
  await page.locator("#case-unit").getByRole("button", { name: "Flytt saken" }).click();
  await expect(page).toHaveURL(/\/staff\?.*done=moved/);
  await expect(page.getByRole("status")).toContainText(`${reference} er flyttet til en annen enhet`);
  await expectNoAxeViolations(page, "queue after moving a case away");
  const row = await withDb(async (db) =>
    (await db.query("SELECT u.slug, c.special_category FROM request_case c JOIN unit u ON u.id = c.unit_id WHERE c.reference = $1", [reference])).rows[0],
  );
  expect(row).toEqual({ slug: "helse-omsorg", special_category: true });
  const response = await page.goto(`/staff/cases/${reference}`);
  expect(response?.status()).toBe(404);
});

test("a caseworker sees neither the assign nor the unit form", async ({ page }) => {
  const reference = await createCase(page, "barnehage");
  await signInAsStaff(page, KARI);
  await page.goto(`/staff/cases/${reference}`);
  await expect(page.getByTestId("case-header")).toContainText("Barnehage");
  expect(await offeredActions(page)).not.toContain("Tildel");
  expect(await offeredActions(page)).not.toContain("Flytt til enhet");
  await page.goto(`/staff/cases/${reference}?act=assign`);
  await expect(page.locator("#case-assign")).toHaveCount(0);
  await expect(page.locator("#case-unit")).toHaveCount(0);
  await expectNoAxeViolations(page, "caseworker's case page");
});
