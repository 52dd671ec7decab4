// Every citizen page, in all three languages, with an axe scan (and the untranslated-text check in
// expectNoAxeViolations). The case is filed through the real flow, so this also proves the request
// flow and "Mine saker" fit together: a filed case shows up for the identity that sent it.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { fillAboutMyself, goOn, signInAndSend, startWith } from "./request-flow";
import { requestEmailCode } from "./citizen-login";

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
  // A message on the case, so the case page is scanned with its message list, and the message
  // form's error summary.
  await page.goto(`/my-cases/${reference}`);
  await page.getByLabel("Ny melding til kommunen").fill("Hei, jeg lurer på hva som skjer videre.");
  await page.getByRole("button", { name: "Send melding" }).click();
  await expect(page.getByTestId("messages")).toContainText("jeg lurer på");

  const pages = [
    "/",
    receiptUrl,
    "/request/new?right=rectification",
    "/request/details",
    "/request/about",
    "/request/summary",
    "/my-cases",
    `/my-cases/${reference}`,
    `/my-cases/${reference}/withdraw`,
    `/login/step-up?returnTo=${encodeURIComponent(`/my-cases/${reference}`)}`,
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
    // The message form with its error summary (an empty message).
    await page.goto(`/my-cases/${reference}`);
    await page.locator("#messages").getByRole("button").first().click();
    await expect(page.locator(".ds-error-summary")).toBeVisible();
    await expectNoAxeViolations(page, `message error (${locale})`);
  }
});

test("the sign-in pages pass axe in nb, nn and en, also with their error messages", async ({ page }) => {
  test.setTimeout(180_000); // 21 axe scans
  // Without a pending code: the "ask for a code first" page.
  for (const locale of ["nn", "en", "nb"] as const) {
    await page.goto("/");
    await switchLanguage(page, locale);
    for (const path of ["/login?returnTo=%2Fmy-cases", "/login/code?returnTo=%2Fmy-cases"]) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} (${locale})`);
    }
  }
  // With a pending code (asked for once): the code form and each of its error states.
  await requestEmailCode(page, uniqueEmail("kodefeil"));
  for (const locale of ["nn", "en", "nb"] as const) {
    await page.goto("/");
    await switchLanguage(page, locale);
    for (const query of ["", "&error=wrong_code&left=3", "&error=invalid_format", "&error=expired", "&error=too_many_attempts"]) {
      const path = `/login/code?returnTo=%2Fmy-cases${query}`;
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page, `${path} (${locale})`);
    }
  }
});

// Issue 9, item 21: people arriving from the municipality's privacy statement look for the rights'
// legal names; the front page and the "what" step show each one beside its plain title.
const LEGAL_NAMES = {
  nb: {
    access: "Rett til innsyn",
    rectification: "Rett til retting",
    erasure: "Rett til sletting",
    restriction: "Rett til begrensning av behandlingen",
    objection: "Rett til å protestere",
    portability: "Rett til dataportabilitet",
  },
  nn: {
    access: "Rett til innsyn",
    rectification: "Rett til retting",
    erasure: "Rett til sletting",
    restriction: "Rett til avgrensing av behandlinga",
    objection: "Rett til å protestere",
    portability: "Rett til dataportabilitet",
  },
  en: {
    access: "Right of access",
    rectification: "Right to rectification",
    erasure: "Right to erasure",
    restriction: "Right to restriction of processing",
    objection: "Right to object",
    portability: "Right to data portability",
  },
} as const;

test("the front page and the 'what' step show each right's legal name beside its plain title, in nb, nn and en", async ({ page }) => {
  test.setTimeout(120_000);
  for (const locale of ["nn", "en", "nb"] as const) {
    await page.goto("/");
    await switchLanguage(page, locale);
    for (const [right, legalName] of Object.entries(LEGAL_NAMES[locale])) {
      const card = page.getByTestId(`right-card-${right}`);
      await expect(card.getByTestId(`legal-name-${right}`)).toContainText(legalName);
      // Beside the plain title: in the same card, right under its heading.
      await expect(card.getByRole("heading", { level: 3 })).toBeVisible();
    }
    // The words of the privacy statement can be found on the page (the browser's find).
    const text = await page.locator("main").innerText();
    for (const legalName of Object.values(LEGAL_NAMES[locale])) expect(text).toContain(legalName);
    await expectNoAxeViolations(page, `front page with legal names (${locale})`);

    await page.goto("/request/new?right=access");
    await expect(page).toHaveURL(/\/request\/what$/);
    for (const [right, legalName] of Object.entries(LEGAL_NAMES[locale])) {
      // Part of the checkbox's label, so it is read out with the choice.
      await expect(page.getByRole("checkbox", { name: new RegExp(legalName) })).toHaveValue(right);
    }
    await expectNoAxeViolations(page, `what step with legal names (${locale})`);
  }
});
