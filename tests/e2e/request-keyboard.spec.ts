// The whole filing flow with the keyboard only: Tab to move, Space to tick, Enter to follow and send.
// No mouse clicks, no fill(): text is typed key by key into the focused field.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { readEmailCode, waitForProofOfWork } from "./citizen-login";
import { expectNoAxeViolations, uniqueEmail } from "./support";

/** Presses Tab until `target` has focus (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

test("keyboard only: start page -> every step -> sign in -> send -> receipt", async ({ page }) => {
  const email = uniqueEmail("tastatur");
  await page.goto("/");
  // The skip link is the first stop.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Hopp til hovedinnholdet" })).toBeFocused();

  await tabTo(page, page.getByRole("link", { name: "Rette feil opplysninger" }).first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/request\/what$/);

  // Tick access as well (Space), then continue (Enter).
  await tabTo(page, page.getByRole("checkbox", { name: "Se hvilke opplysninger kommunen har om meg" }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "Se hvilke opplysninger kommunen har om meg" })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Gå videre" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/request\/details$/);
  // Enter on an empty step: the error summary takes focus; its link moves focus to the field.
  await tabTo(page, page.getByRole("button", { name: "Gå videre" }));
  await page.keyboard.press("Enter");
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(summary.getByRole("link", { name: "Skriv hvilke opplysninger som er feil." })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(/Hvilke opplysninger er feil/)).toBeFocused();
  await page.keyboard.type("Fødselsdatoen min");
  await typeInto(page, page.getByLabel(/Hva er riktig/), "1. januar 1990");
  await tabTo(page, page.getByRole("button", { name: "Gå videre" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/request\/about$/);
  await typeInto(page, page.getByLabel(/Fullt navn/), "Tastatur Testesen");
  await typeInto(page, page.getByLabel(/E-postadressen din/), email);
  await tabTo(page, page.getByLabel("Meg selv"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Meg selv")).toBeChecked();
  await tabTo(page, page.getByLabel("Digitalt i portalen"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Digitalt i portalen")).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Gå videre" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/request\/summary$/);
  await tabTo(page, page.getByRole("button", { name: "Logg inn for å sende" }));
  await page.keyboard.press("Enter");

  // Sign in with an e-mail code, by keyboard.
  await expect(page).toHaveURL(/\/login\?/);
  await typeInto(page, page.getByLabel("E-postadresse"), email);
  // The privacy-friendly proof-of-work runs by itself in the background; wait for it, no clicks.
  await waitForProofOfWork(page);
  await tabTo(page, page.getByRole("button", { name: "Send kode" }));
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/login/code");
  const codePage = page.url();
  const code = await readEmailCode(page, email);
  await page.goto(codePage);
  await typeInto(page, page.getByLabel("Kode fra e-posten"), code);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/request/summary");

  await tabTo(page, page.getByRole("button", { name: "Send forespørselen" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/receipt\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("receipt-rights")).toHaveText("Se hvilke opplysninger kommunen har om meg, Rette feil opplysninger");
  await expectNoAxeViolations(page, "receipt after keyboard run");
});
