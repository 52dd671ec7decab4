import { expect, test } from "@playwright/test";
import { expectNoAxeViolationsWithoutJs, uniqueEmail } from "./support";

test.use({ javaScriptEnabled: false });

test("the request form works without JavaScript: server-side errors, then a receipt", async ({ page, browser }) => {
  await page.goto("/request/access");
  await page.getByLabel(/Fullt navn/).fill("Uten Skript");
  await page.getByLabel(/E-postadresse/).fill("feil-adresse");
  await page.getByRole("button", { name: "Send forespørselen" }).click();

  // The server answered with the same translated errors, and kept what was typed.
  await expect(page.getByRole("alert").filter({ hasText: "Du må rette dette" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Skriv inn en gyldig e-postadresse/ })).toHaveAttribute("href", "#field-email");
  await expect(page.getByLabel(/Fullt navn/)).toHaveValue("Uten Skript");
  await expectNoAxeViolationsWithoutJs(browser, page, "server-side errors");

  await page.getByLabel(/E-postadresse/).fill(uniqueEmail("noscript"));
  await page.getByRole("button", { name: "Send forespørselen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi har mottatt forespørselen din");
  await expect(page.getByTestId("case-reference")).toHaveText(/^PV-\d{4}-\d{6}$/);
});

test("the language switch works without JavaScript and keeps the page", async ({ page }) => {
  await page.goto("/request/access");
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page).toHaveURL(/\/request\/access$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await page.getByRole("button", { name: "Bokmål" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
});
