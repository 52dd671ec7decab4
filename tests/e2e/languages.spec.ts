import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

const CONTINUE = { nb: "Gå videre", nn: "Gå vidare", en: "Continue" } as const;

async function errorsFocused(page: Page, context: string) {
  await page.locator("form#step-form button[type=submit]").click();
  await expect(page.locator(".ds-error-summary")).toBeFocused();
  await expectNoAxeViolations(page, `${context} with errors`);
}

for (const [locale, button, heading] of [
  ["nb", "Bokmål", "Dine personopplysninger i Bergen kommune"],
  ["nn", "Nynorsk", "Personopplysningane dine i Bergen kommune"],
  ["en", "English", /Bergen kommune/],
] as const) {
  test(`start page and every step, with errors, in ${locale}, with zero axe violations`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: button }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page, `start page (${locale})`);

    // Every right chosen: the details step shows every field there is.
    await page.goto("/request/new?right=access&right=rectification&right=erasure&right=restriction&right=objection&right=portability");
    await expectNoAxeViolations(page, `what (${locale})`);
    await page.getByRole("button", { name: CONTINUE[locale] }).click();
    await expect(page).toHaveURL(/\/request\/details$/);
    await expectNoAxeViolations(page, `details (${locale})`);
    await errorsFocused(page, `details (${locale})`);
    await page.locator("#field-incorrectData").fill("a");
    await page.locator("#field-correctData").fill("b");
    await page.locator("#field-dataToErase").fill("c");
    await page.locator("#field-erasureGround").check();
    await page.locator("#field-processingConcerned").fill("d");
    await page.locator("#field-restrictionGround").check();
    await page.locator("#field-directMarketing").check();
    await page.locator("#field-dataProvided").fill("e");
    await page.getByRole("button", { name: CONTINUE[locale] }).click();
    await expect(page).toHaveURL(/\/request\/about$/);
    await expectNoAxeViolations(page, `about (${locale})`);
    await errorsFocused(page, `about (${locale})`);
    await page.locator("#field-name").fill("Test Testesen");
    await page.locator("#field-email").fill("spraak@example.test");
    await page.locator("#field-onBehalfOf").check();
    await page.locator("#field-answerChannel").check();
    await page.getByRole("button", { name: CONTINUE[locale] }).click();
    await expect(page).toHaveURL(/\/request\/summary$/);
    await expectNoAxeViolations(page, `summary (${locale})`);
  });
}

test("English and nynorsk texts are really translated", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: /See what information the municipality has about me/ })).toBeVisible();
  await expect(page.getByText(/Freedom of Information Act/)).toBeVisible();
  await page.goto("/request/new?right=erasure");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you want to ask for?");
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kva vil du be om?");
});
