// Every citizen page, in all three languages, with an axe scan (and the untranslated-text check in
// expectNoAxeViolations). The case is filed through the real flow, so this also proves the request
// flow and "Mine saker" fit together: a filed case shows up for the identity that sent it.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { fillAboutMyself, goOn, signInAndSend, startWith } from "./request-flow";

const LANGUAGE_BUTTON = { nb: "Bokmål", nn: "Nynorsk", en: "English" } as const;

async function switchLanguage(page: Page, locale: keyof typeof LANGUAGE_BUTTON) {
  await page.getByRole("button", { name: LANGUAGE_BUTTON[locale] }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("a filed case appears in Mine saker; every citizen page passes axe in nb, nn and en", async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("sprak");
  await startWith(page, "access");
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/details$/);
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/about$/);
  await fillAboutMyself(page, { email });
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/summary$/);
  const reference = await signInAndSend(page, email);
  const receiptUrl = page.url();

  await page.goto("/my-cases");
  await expect(page.locator(`tr[data-reference="${reference}"]`)).toBeVisible();

  const pages = [
    "/",
    receiptUrl,
    "/request/new?right=rectification",
    "/request/details",
    "/request/about",
    "/request/summary",
    "/my-cases",
    `/my-cases/${reference}`,
    "/too-many-requests?retryAfter=90",
  ];
  for (const locale of ["nn", "en", "nb"] as const) {
    await page.goto("/");
    await switchLanguage(page, locale);
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page, `${path} (${locale})`);
    }
  }
});

test("the sign-in pages pass axe in nb, nn and en", async ({ page }) => {
  for (const locale of ["nn", "en", "nb"] as const) {
    await page.goto("/");
    await switchLanguage(page, locale);
    for (const path of ["/login?returnTo=%2Fmy-cases", "/login/code?returnTo=%2Fmy-cases"]) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (${locale})`);
    }
  }
});
