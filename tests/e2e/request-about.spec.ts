// The "about you" step (issue 9, item 18), with JavaScript: the fields about another person show only
// after "a child" or "power of attorney" is ticked, the postal address only after "letter by post",
// and the error summary lists every error at once (the empty e-mail was missing).
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { goOn, startWith } from "./request-flow";

test("about step: the on-behalf fields wait for their choice, and the error summary lists every error at once", async ({ page }) => {
  await startWith(page, "access");
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/details$/);
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/about$/);

  const behalf = page.getByTestId("on-behalf-fields");
  const postal = page.getByTestId("postal-fields");
  // Nothing chosen yet: the required fields about another person are not shown.
  await expect(behalf).toBeHidden();
  await expect(page.getByLabel(/Navnet til personen det gjelder/)).toBeHidden();
  await expect(page.getByLabel(/Jeg bekrefter at jeg har foreldreansvar/)).toBeHidden();
  await expect(postal).toBeHidden();
  // The e-mail is required unless the answer comes by post (the accessible name holds only the mark that applies).
  await expect(page.getByRole("textbox", { name: /^E-postadressen din \(\s*må fylles ut\s*\)$/ })).toBeVisible();
  await expectNoAxeViolations(page, "about step, nothing chosen");

  // Empty form: one summary with every error, the e-mail included, each linking to its field.
  await goOn(page);
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Skriv inn fullt navn.",
    "Skriv inn e-postadressen din.",
    "Velg hvem du spør for.",
    "Velg hvordan du vil få svar.",
  ]);
  await expect(summary.getByRole("link", { name: "Skriv inn e-postadressen din." })).toHaveAttribute("href", "#field-email");
  await expect(page.locator("#field-email")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "about step, every error");

  // A child, answered by post: the person's fields and the postal address appear; e-mail is optional now.
  await page.getByLabel("Et barn under 16 år som jeg har foreldreansvar for").check();
  await expect(behalf).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Navnet til personen det gjelder \(\s*må fylles ut\s*\)$/ })).toBeVisible();
  await page.getByLabel("Brev i posten").check();
  await expect(postal).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^E-postadressen din \(\s*valgfritt\s*\)$/ })).toBeVisible();
  await page.getByLabel(/Fullt navn/).fill("Forelder Testesen");
  await goOn(page);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Skriv navnet til personen det gjelder.",
    "Du må bekrefte at du har rett til å be om dette for personen.",
    "Skriv postadressen din, så vi kan sende svaret.",
  ]);
  await expectNoAxeViolations(page, "about step, child and paper with errors");

  // Power of attorney keeps the fields; "myself" hides them again, and their errors go with them.
  await page.getByLabel("En person som har gitt meg fullmakt").check();
  await expect(behalf).toBeVisible();
  await page.getByLabel(/Navnet til personen det gjelder/).fill("Ola Fullmaktsgiver");
  await page.getByLabel("Meg selv").check();
  await expect(behalf).toBeHidden();
  await expect(summary.getByRole("link", { name: "Skriv navnet til personen det gjelder." })).toHaveCount(0);
  await page.getByLabel("Digitalt i portalen").check();
  await expect(postal).toBeHidden();
  await page.getByLabel(/E-postadressen din/).fill(uniqueEmail("om-deg"));
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/summary$/);
  // What was typed for the other person is not kept once "myself" was chosen.
  await expect(page.getByTestId("summary-about")).toContainText("Meg selv");
  await expect(page.getByTestId("summary-about")).not.toContainText("Ola Fullmaktsgiver");
  await expectNoAxeViolations(page, "summary after the about step");
});
