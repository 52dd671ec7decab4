import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

for (const [locale, button, heading] of [
  ["nb", "Bokmål", "Dine personopplysninger i Bergen kommune"],
  ["nn", "Nynorsk", /Bergen kommune/],
  ["en", "English", /Bergen kommune/],
] as const) {
  test(`start page, form and errors in ${locale}, with zero axe violations`, async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: button }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page, `start page (${locale})`);
    await page.goto("/request/access");
    await page.locator("form#request-form button[type=submit]").click();
    await expect(page.locator(".ds-error-summary")).toBeFocused();
    await expectNoAxeViolations(page, `form with errors (${locale})`);
  });
}

test("English texts are really English", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: /See what information the municipality has about me/ })).toBeVisible();
});
