// Issue 13 item 8, "who may ask": a guardian (verge) files for an adult and reads on the receipt
// what to send; a person who has died gets the guidance instead of the form's button (also at phone
// width), with zero axe violations. Written to follow request-about.spec.ts; run by the main engineer.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { goOn, signInAndSend, startWith } from "./request-flow";

async function toAboutStep(page: import("@playwright/test").Page) {
  await startWith(page, "access");
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/details$/);
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/about$/);
}

test("a guardian files for an adult: the note on what to send, the receipt says guardian", async ({ page }) => {
  const email = uniqueEmail("verge");
  await toAboutStep(page);
  await page.getByLabel(/Fullt navn/).fill("Kari Nordmann");
  await page.getByLabel(/E-postadressen din/).fill(email);
  await page.getByLabel(/En voksen som jeg er oppnevnt verge for/).check();
  await expect(page.getByTestId("guardian-note")).toBeVisible();
  await expect(page.getByTestId("guardian-note")).toContainText("vergefullmakten");
  await page.getByLabel(/Navnet til personen det gjelder/).fill("Per Hansen");
  await page.getByLabel(/Jeg bekrefter at jeg har foreldreansvar/).check();
  await page.getByLabel("Digitalt i portalen").check();
  await expectNoAxeViolations(page, "about step, guardian");
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/summary$/);
  await signInAndSend(page, email);
  await expect(page.getByTestId("receipt-behalf")).toHaveText("Verge for en voksen");
  await expect(page.getByTestId("receipt-guardian-next")).toContainText("vergefullmakten");
  // The receipt is reached by a token: it never shows the other person's name.
  await expect(page.locator("body")).not.toContainText("Per Hansen");
});

for (const width of [1280, 375]) {
  test(`a person who has died: the guidance replaces the form's button (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await toAboutStep(page);
    const guidance = page.getByTestId("deceased-guidance");
    await expect(guidance).toBeHidden();
    await page.getByLabel("En person som er død").check();
    await expect(guidance).toBeVisible();
    await expect(guidance.getByRole("heading", { name: "Personvernforordningen gjelder ikke personer som er døde" })).toBeVisible();
    await expect(page.getByTestId("deceased-route-health")).toContainText("§ 5-1");
    await expect(guidance).toContainText("postmottak");
    await expect(page.getByRole("button", { name: "Gå videre" })).toBeHidden();
    await expect(page.getByTestId("on-behalf-fields")).toBeHidden();
    await expectNoAxeViolations(page, `about step, deceased, ${width} px`);
    // Another choice brings the form back.
    await page.getByLabel("Meg selv").check();
    await expect(guidance).toBeHidden();
  });
}
