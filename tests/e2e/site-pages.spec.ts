// Issue 13, items 9 and 10: the accessibility statement and the portal's privacy notice, reached
// from every page's footer (citizen and staff) and from the form, in three languages, at phone
// width, with the links an admin sets on "Nettstedet".
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

const LANGUAGE_BUTTON = { nb: "Bokmål", nn: "Nynorsk", en: "English" } as const;
const TEXT = {
  nb: { accessibility: "Tilgjengelighetserklæring", privacy: "Personvern i portalen", privacyHeading: "Slik behandler vi opplysningene dine i portalen", controller: "Byrådet i Bergen kommune er behandlingsansvarlig", years: "anonymiseres 3 år etter" },
  nn: { accessibility: "Tilgjengelegheitserklæring", privacy: "Personvern i portalen", privacyHeading: "Slik behandlar vi opplysningane dine i portalen", controller: "Byrådet i Bergen kommune er behandlingsansvarleg", years: "anonymisert 3 år etter" },
  en: { accessibility: "Accessibility statement", privacy: "Privacy in the portal", privacyHeading: "How we handle your information in the portal", controller: "The City Government (byrådet) of Bergen kommune is the controller", years: "anonymised 3 years after" },
} as const;

async function footerLink(page: Page, name: string) {
  return page.getByRole("navigation", { name: /Om nettstedet|Om nettstaden|About this website/ }).getByRole("link", { name, exact: true });
}

for (const locale of ["nb", "nn", "en"] as const) {
  test(`the accessibility statement and the privacy notice from the footer, in ${locale}, pass axe`, async ({ page }) => {
    const text = TEXT[locale];
    await page.goto("/");
    await page.getByRole("button", { name: LANGUAGE_BUTTON[locale] }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);

    // Keyboard: focus the footer link and follow it with Enter.
    const toStatement = await footerLink(page, text.accessibility);
    await toStatement.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.accessibility);
    await expect(page.getByTestId("conformance")).toHaveAttribute("data-conformance", "partial");
    await expect(page.getByTestId("deviation")).toHaveCount(2);
    const criteria = page.getByTestId("wcag-criteria").locator("tbody tr");
    await expect(criteria).toHaveCount(50);
    await expect(page.locator('tr[data-criterion="2.2.1"]')).toHaveAttribute("data-status", "partly");
    await expect(page.locator('tr[data-criterion="1.2.2"]')).toHaveAttribute("data-status", "not_applicable");
    await expect(page.getByRole("link", { name: /uutilsynet\.no/ })).toHaveAttribute("href", "https://www.uutilsynet.no/");
    await expectNoAxeViolations(page, `accessibility statement (${locale})`);

    await (await footerLink(page, text.privacy)).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.privacyHeading);
    await expect(page.getByTestId("controller")).toContainText(text.controller);
    // The retention period is the one the portal runs (the municipality's setting, 3 in the seed).
    await expect(page.getByTestId("privacy-request")).toContainText(text.years);
    await expect(page.getByTestId("privacy-abuse")).toBeVisible();
    await expectNoAxeViolations(page, `privacy notice (${locale})`);
  });
}

test("the request form links to the privacy notice; the staff pages have the footer links too", async ({ page }) => {
  await page.goto("/request/new?right=access");
  await page.getByRole("link", { name: "Slik behandler vi opplysningene du gir oss" }).click();
  await expect(page).toHaveURL(/\/privacy$/);

  await signInAsStaff(page, "saksbehandler@demo.test");
  await page.goto("/staff");
  await (await footerLink(page, "Tilgjengelighetserklæring")).click();
  await expect(page).toHaveURL(/\/accessibility$/);
});

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 720 } });
  test("neither page scrolls sideways (the criteria table scrolls in its own region)", async ({ page }) => {
    for (const path of ["/accessibility", "/privacy"]) {
      await page.goto(path);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, path).toBeLessThanOrEqual(client);
      await expectNoAxeViolations(page, `${path} at 320 px`);
    }
  });
});

test("an admin adds the uustatus.no and privacy statement links; a bad address is refused with an error summary", async ({ page }) => {
  const before = await withDb((db) => db.query("SELECT privacy_statement_url, accessibility_statement_url FROM municipality WHERE id = 'bergen'"));
  try {
    await signInAsStaff(page, "admin@demo.test");
    await page.goto("/staff/admin/website");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lenker på nettstedet");
    await expectNoAxeViolations(page, "website links admin page");

    await page.getByLabel("Tilgjengelighetserklæringen på uustatus.no").fill("http://uustatus.no/feil");
    await page.getByRole("button", { name: "Lagre" }).click();
    await expect(page.locator(".ds-error-summary")).toBeFocused();
    await expect(page.locator(".ds-error-summary")).toContainText("https://");
    await expectNoAxeViolations(page, "website links admin page with an error");
    const unchanged = await withDb((db) => db.query("SELECT accessibility_statement_url FROM municipality WHERE id = 'bergen'"));
    expect(unchanged.rows[0].accessibility_statement_url).toBe(before.rows[0].accessibility_statement_url);

    const uustatus = "https://uustatus.no/nb/erklaringer/publisert/e2e-test";
    const privacy = "https://www.bergen.kommune.no/e2e-personvern";
    await page.getByLabel("Tilgjengelighetserklæringen på uustatus.no").fill(uustatus);
    await page.getByLabel("Kommunens personvernerklæring").fill(privacy);
    await page.getByRole("button", { name: "Lagre" }).click();
    await expect(page.getByRole("status")).toHaveText("Lenkene er lagret.");

    await page.goto("/accessibility");
    await expect(page.getByTestId("uustatus-link")).toHaveAttribute("href", uustatus);
    await page.goto("/privacy");
    await expect(page.getByTestId("privacy-statement-link")).toHaveAttribute("href", privacy);
  } finally {
    await withDb((db) =>
      db.query("UPDATE municipality SET privacy_statement_url = $1, accessibility_statement_url = $2 WHERE id = 'bergen'", [before.rows[0].privacy_statement_url, before.rows[0].accessibility_statement_url]),
    );
  }
});

test("an admin sees which contact details are unconfirmed assumptions, confirms one and changes the phone; the footer shows it (issue 13, item 12)", async ({ page }) => {
  const reset = "UPDATE municipality SET phone_override = NULL, dpo_postal_address_override = NULL WHERE id = 'bergen'";
  await withDb((db) => db.query(reset));
  try {
    await signInAsStaff(page, "admin@demo.test");
    await page.goto("/staff/admin/contact");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kontaktinformasjon");
    // Bergen's statement gives no postal address for the DPO: marked until an admin saves it.
    const dpoPostal = page.getByLabel("Personvernombudets postadresse");
    await expect(dpoPostal).toHaveAccessibleDescription(/Ikke bekreftet av kommunen: fra profilen portalen ble levert med\./);
    await expect(page.getByLabel("Personvernombudets e-post")).toHaveAccessibleDescription(/Fra kommunens personvernerklæring\./);
    await expectNoAxeViolations(page, "contact details admin page");

    await page.getByLabel("Telefon", { exact: true }).fill("ring oss");
    await page.getByRole("button", { name: "Lagre kontaktinformasjonen" }).click();
    await expect(page.locator(".ds-error-summary")).toBeFocused();
    await expect(page.locator(".ds-error-summary")).toContainText("telefonnummer");
    await expectNoAxeViolations(page, "contact details admin page with an error");
    const unchanged = await withDb((db) => db.query("SELECT phone_override FROM municipality WHERE id = 'bergen'"));
    expect(unchanged.rows[0].phone_override).toBeNull();

    await page.getByLabel("Telefon", { exact: true }).fill("55 00 11 22");
    await page.getByRole("button", { name: "Lagre kontaktinformasjonen" }).click();
    await expect(page.getByRole("status")).toHaveText("Kontaktinformasjonen er lagret.");
    await expect(page.getByLabel("Personvernombudets postadresse")).toHaveAccessibleDescription(/Lagret av en administrator\./);
    await expect(page.getByLabel("Telefon", { exact: true })).toHaveValue("55 00 11 22");

    await page.goto("/privacy");
    await expect(page.locator("footer")).toContainText("Telefon: 55 00 11 22");
  } finally {
    await withDb((db) => db.query(reset));
  }
});
