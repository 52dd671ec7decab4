// Every staff page in bokmål, nynorsk and English (issue 9: "every page, three languages"): the
// language switch in the staff header, then the queue with its filters open, a case page with each
// action form the case allows, the register page, the print queue and, for the DPO and the admin,
// their pages; each scanned with axe (and for raw keys and unfilled placeholders). The details step of
// the English request form shows the units' English names.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { signInAsStaff } from "./staff-login";
import { scanEveryCaseAction } from "./case-actions";

const LANGUAGES = [
  { locale: "nn", button: "Nynorsk", queue: "Saker", signedIn: "Logga inn som" },
  { locale: "en", button: "English", queue: "Cases", signedIn: "Signed in as" },
] as const;

async function switchLanguage(page: Page, button: string, locale: string) {
  await page.getByTestId("staff-header").getByRole("button", { name: button }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

for (const lang of LANGUAGES) {
  test(`a caseworker's pages in ${lang.locale}`, async ({ page }) => {
    test.setTimeout(240_000);
    const response = await page.request.post("/api/v1/requests", {
      data: { rights: ["access", "erasure"], details: { dataToErase: "Gamle bilder", erasureGround: "a" }, name: "Språk Testesen", email: uniqueEmail("sprak"), unit: "barnehage", submissionKey: crypto.randomUUID() },
    });
    expect(response.status()).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    await signInAsStaff(page, "saksbehandler@demo.test");
    await switchLanguage(page, lang.button, lang.locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang.queue);
    await expect(page.getByTestId("staff-header")).toContainText(lang.signedIn);
    await page.getByTestId("queue-more-filters").locator("summary").click();
    await expectNoAxeViolations(page, `queue with filters (${lang.locale})`);
    await page.goto(`/staff/cases/${reference}`);
    await expectNoAxeViolations(page, `case page (${lang.locale})`);
    await scanEveryCaseAction(page, `case page (${lang.locale})`);
    await page.goto(`/staff/cases/${reference}/letter`);
    await expectNoAxeViolations(page, `letter page (${lang.locale})`);
    await page.goto("/staff/register");
    await expectNoAxeViolations(page, `register (${lang.locale})`);
    await page.goto("/staff/print-queue");
    await expectNoAxeViolations(page, `print queue (${lang.locale})`);
  });

  test(`the DPO's and the admin's pages in ${lang.locale}`, async ({ browser }) => {
    test.setTimeout(180_000);
    for (const [email, paths] of [
      ["personvernombud@demo.test", ["/staff/dashboard", "/staff/dashboard/trends", "/staff/complaints", "/staff/admin/log"]],
      ["admin@demo.test", ["/staff/admin/users", "/staff/admin/units", "/staff/admin/retention", "/staff/admin/templates", "/staff/admin/log", "/staff/admin/templates/access/granted/nn"]],
    ] as const) {
      const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
      const page = await context.newPage();
      await signInAsStaff(page, email);
      await switchLanguage(page, lang.button, lang.locale);
      for (const path of paths) {
        await page.goto(path);
        await expectNoAxeViolations(page, `${path} (${lang.locale})`);
      }
      await context.close();
    }
  });
}

test("the English request form names the units in English (falling back to bokmål)", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/request/new?right=access");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/request\/details$/);
  await expect(page.locator("main")).toContainText("Kindergartens");
  await expect(page.locator("main")).toContainText("Health and care");
  await expect(page.locator("main")).not.toContainText("Barnehage");
  await expectNoAxeViolations(page, "details (en) with English unit names");
});
