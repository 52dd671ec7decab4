// WCAG 1.4.10 Reflow (issue 9, item 7): at 320 CSS px wide no citizen page scrolls sideways. Walks
// every citizen page a person can reach, with the states that add text (error summaries, the fields
// revealed by a choice, a signed-in header), and checks that the page is no wider than the window;
// each page also gets the usual axe scan.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { enterEmailCode, readEmailCode, requestEmailCode } from "./citizen-login";
import { fillDetailsFor, goOn, send } from "./request-flow";
import { RIGHTS } from "@/lib/domain/rights";

test.use({ viewport: { width: 320, height: 720 } });

/** No horizontal scrolling; on failure the message names the elements that stick out. */
async function expectNoSidewaysScroll(page: Page, context: string) {
  const result = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const tooWide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.textContent ?? "").trim().slice(0, 30)}"`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, tooWide };
  });
  expect(result.clientWidth, "the window really is 320 px wide").toBe(320);
  expect(result.scrollWidth, `sideways scroll ${context} on ${page.url()}: ${result.tooWide.join(", ")}`).toBeLessThanOrEqual(result.clientWidth);
}

async function check(page: Page, context: string) {
  await page.waitForLoadState("load");
  await expectNoSidewaysScroll(page, context);
  await expectNoAxeViolations(page, `${context} at 320 px`);
}

const LANGUAGE_BUTTON = { nb: "Bokmål", nn: "Nynorsk", en: "English" } as const;

test("at 320 px no citizen page scrolls sideways: front page, every step with its errors, sign-in, receipt, Mine saker", async ({ page }) => {
  test.setTimeout(300_000);
  const email = uniqueEmail("reflow");

  await page.goto("/");
  await check(page, "front page");

  // What: nothing ticked gives the error; then every right, so the details step shows every field.
  await page.goto("/request/new?right=rectification");
  await expect(page).toHaveURL(/\/request\/what$/);
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  await goOn(page);
  await expect(page.locator(".ds-error-summary")).toBeVisible();
  await check(page, "what step with an error");
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await goOn(page);

  await expect(page).toHaveURL(/\/request\/details$/);
  await check(page, "details step, all six rights");
  await goOn(page);
  await expect(page.locator(".ds-error-summary")).toBeVisible();
  await check(page, "details step with every error");
  for (const right of RIGHTS) await fillDetailsFor(page, right);
  await goOn(page);

  await expect(page).toHaveURL(/\/request\/about$/);
  await check(page, "about step");
  await goOn(page);
  await expect(page.locator(".ds-error-summary")).toBeVisible();
  await check(page, "about step with every error");
  await page.getByLabel("Et barn under 16 år som jeg har foreldreansvar for").check();
  await page.getByLabel("Brev i posten").check();
  await expect(page.getByTestId("on-behalf-fields")).toBeVisible();
  await goOn(page);
  await expect(page.locator(".ds-error-summary").getByRole("link", { name: "Skriv postadressen din, så vi kan sende svaret." })).toBeVisible();
  await check(page, "about step, child and paper, with errors");
  await page.getByLabel(/Fullt navn/).fill("Kari Smalskjerm-Nordmann");
  await page.getByLabel(/E-postadressen din/).fill(email);
  await page.getByLabel("Navnet til personen det gjelder").fill("Ola Smalskjerm-Nordmann");
  await page.getByLabel(/Jeg bekrefter at jeg har foreldreansvar/).check();
  await page.getByLabel(/Postadressen din/).fill("Nygårdsgaten 1\n5015 Bergen");
  await goOn(page);

  await expect(page).toHaveURL(/\/request\/summary$/);
  await check(page, "summary, signed out");
  await page.getByRole("button", { name: "Logg inn for å sende" }).click();
  await expect(page).toHaveURL(/\/login\?returnTo=%2Frequest%2Fsummary/);
  await check(page, "sign-in page");

  await requestEmailCode(page, email, { returnTo: "/request/summary" });
  await check(page, "code page");
  await enterEmailCode(page, "000000", { returnTo: "/request/summary" });
  await page.waitForURL(/error=wrong_code/);
  await check(page, "code page with a wrong code");
  const code = await readEmailCode(page, email);
  await enterEmailCode(page, code, { returnTo: "/request/summary" });
  await page.waitForURL((url) => url.pathname === "/request/summary");
  await expect(page.getByTestId("signed-in-note")).toBeVisible();
  await check(page, "summary, signed in");

  const reference = await send(page);
  const receipt = new URL(page.url()).pathname;
  await check(page, "receipt");

  const pages = [
    ["/my-cases", "Mine saker"],
    [`/my-cases/${reference}`, "case page"],
    [`/my-cases/${reference}/withdraw`, "withdraw page"],
    [`/login/step-up?returnTo=${encodeURIComponent(`/my-cases/${reference}`)}`, "step-up page"],
    ["/too-many-requests?retryAfter=90", "too many requests"],
  ] as const;
  for (const [path, context] of pages) {
    await page.goto(path);
    await check(page, context);
  }
  await page.goto("/my-cases/PV-1999-000001");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await check(page, "not found");

  // Nynorsk and English have other, often longer, words.
  for (const locale of ["nn", "en"] as const) {
    await page.goto("/");
    await page.getByRole("button", { name: LANGUAGE_BUTTON[locale] }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await check(page, `front page (${locale})`);
    for (const path of [receipt, "/my-cases", `/my-cases/${reference}`]) {
      await page.goto(path);
      await check(page, `${path} (${locale})`);
    }
    await page.goto("/request/new?right=erasure");
    await expect(page).toHaveURL(/\/request\/what$/);
    await check(page, `what step (${locale})`);
    await page.locator("#step-form button[type=submit]").click();
    await expect(page).toHaveURL(/\/request\/details$/);
    await page.locator("#step-form button[type=submit]").click();
    await expect(page.locator(".ds-error-summary")).toBeVisible();
    await check(page, `details step with errors (${locale})`);
  }
  await page.goto("/");
  await page.getByRole("button", { name: LANGUAGE_BUTTON.nb }).click();
});
