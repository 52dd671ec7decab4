import { expect, test } from "@playwright/test";
import { expectedDueDate } from "./legal-dates";
import { formatDateLong } from "@/lib/domain/calendar";
import { expectNoAxeViolations, uniqueEmail, waitForMail, withDb } from "./support";
import { fillAboutMyself, goOn, signInAndSend } from "./request-flow";

test("a citizen asks to see their data, step by step, gets a receipt page and a receipt e-mail", async ({ page }) => {
  // Fourteen axe scans and a sign-in: more than the default minute on a busy 2-core machine.
  test.setTimeout(150_000);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dine personopplysninger i Bergen kommune");
  await expect(page.getByText("Demomodus")).toBeVisible();
  // The start page routes innsynskrav and eID misuse elsewhere.
  await expect(page.getByRole("heading", { name: /innsynskrav/ })).toBeVisible();
  await expect(page.getByText(/offentleglova/)).toBeVisible();
  await expect(page.getByText(/kontakt politiet|meld fra til politiet/)).toBeVisible();
  await expectNoAxeViolations(page, "start page");

  await page.getByRole("link", { name: "Se hvilke opplysninger kommunen har om meg" }).first().click();
  await expect(page).toHaveURL(/\/request\/what$/);
  await expect(page.getByTestId("step-progress")).toHaveText("Steg 1 av 4");
  await expectNoAxeViolations(page, "what step");

  // Nothing chosen: a translated error summary that takes focus and links to the field.
  await page.getByRole("checkbox", { name: "Se hvilke opplysninger kommunen har om meg" }).uncheck();
  await goOn(page);
  const whatSummary = page.getByRole("alert").filter({ hasText: "Du må rette dette før du kan gå videre" });
  await expect(whatSummary).toBeFocused();
  await expect(whatSummary.getByRole("link", { name: "Velg hva forespørselen gjelder." })).toHaveAttribute("href", "#field-rights");
  await expectNoAxeViolations(page, "what step with errors");
  await page.getByRole("checkbox", { name: "Se hvilke opplysninger kommunen har om meg" }).check();
  await goOn(page);

  await expect(page).toHaveURL(/\/request\/details$/);
  await expectNoAxeViolations(page, "details step");
  await page.getByLabel(/Hvilken del av kommunen/).selectOption({ label: "Barnehage" });
  await page.getByLabel(/Gjelder det en bestemt tjeneste/).fill("Barnehagen 2024–2025");
  await page.getByLabel(/Er det noe mer vi bør vite/).fill("Gjelder også Solstrålen-avdelingen");
  await goOn(page);

  await expect(page).toHaveURL(/\/request\/about$/);
  await expectNoAxeViolations(page, "about step");
  await goOn(page);
  const summary = page.getByRole("alert").filter({ hasText: "Du må rette dette før du kan gå videre" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Skriv inn fullt navn." })).toHaveAttribute("href", "#field-name");
  await expect(page.getByLabel(/Fullt navn/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "about step with errors");
  await summary.getByRole("link", { name: "Skriv inn fullt navn." }).click();
  await expect(page.getByLabel(/Fullt navn/)).toBeFocused();

  const email = uniqueEmail("innsyn");
  await fillAboutMyself(page, { email: "ikke-en-adresse" });
  await goOn(page);
  await expect(page.getByRole("link", { name: /Skriv inn en gyldig e-postadresse/ })).toBeVisible();
  await page.getByLabel(/E-postadressen din/).fill(email);
  await goOn(page);

  await expect(page).toHaveURL(/\/request\/summary$/);
  await expect(page.getByText("Barnehagen 2024–2025")).toBeVisible();
  await expect(page.getByText("Gjelder også Solstrålen-avdelingen")).toBeVisible();
  await expectNoAxeViolations(page, "summary, signed out");
  await expect(page.getByRole("button", { name: "Logg inn for å sende" })).toBeVisible();
  // Sending needs a signed-in citizen: the button leads to the login page, which returns here.
  await page.getByRole("button", { name: "Logg inn for å sende" }).click();
  await expect(page).toHaveURL(/\/login\?returnTo=%2Frequest%2Fsummary/);

  const reference = await signInAndSend(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi har mottatt forespørselen din");
  // The receipt shows the stored due date, which is the one-month rule from the moment it came in.
  const stored = await withDb(async (db) =>
    (await db.query("SELECT received_at, due_date::text AS due FROM request_case WHERE reference = $1", [reference])).rows[0] as { received_at: Date; due: string },
  );
  expect(stored.due).toBe(expectedDueDate(stored.received_at));
  const expectedDue = formatDateLong(stored.due, "nb");
  await expect(page.getByTestId("due-line")).toHaveText(`Du får svar innen ${expectedDue}.`);
  await expect(page.getByTestId("due-line")).toHaveText(
    /^Du får svar innen (mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. [a-zæøå]+ \d{4}\.$/,
  );
  await expect(page.getByTestId("complaint-datatilsynet")).toContainText("Postboks 458 Sentrum, 0105 Oslo");
  await expect(page.locator("main").getByText(/personvernombud@bergen\.kommune\.no/)).toBeVisible();
  await expectNoAxeViolations(page, "receipt");
  const receiptUrl = page.url();

  // The receipt e-mail arrived over SMTP: reference and link only, no name, no description.
  const mail = await waitForMail(page, { to: email, subjectIncludes: reference });
  expect(mail.subject).toBe(`Kvittering for forespørsel ${reference}`);
  expect(mail.text).toContain(receiptUrl);
  expect(mail.text).not.toContain("Kari");
  expect(mail.text).not.toContain("Barnehagen");
  expect(mail.text).not.toContain("Solstrålen");
  await expectNoAxeViolations(page, "demo mailbox");

  await page.getByRole("link", { name: receiptUrl }).first().click();
  await expect(page.getByTestId("case-reference")).toHaveText(reference);
});

test("a double-click on send makes one case", async ({ page }) => {
  const email = uniqueEmail("dobbel");
  await page.goto("/request/access");
  await expect(page).toHaveURL(/\/request\/what$/);
  await goOn(page);
  await goOn(page);
  await fillAboutMyself(page, { email, name: "Dobbel Klikk" });
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/summary$/);
  const { signInWithEmailCode } = await import("./citizen-login");
  await signInWithEmailCode(page, email, { returnTo: "/request/summary" });
  await page.getByRole("button", { name: "Send forespørselen" }).dblclick();
  await expect(page).toHaveURL(/\/receipt\//);
  const reference = (await page.getByTestId("case-reference").innerText()).trim();
  await waitForMail(page, { to: email, subjectIncludes: "Kvittering" });
  const cards = page.getByTestId("demo-mail").filter({ hasText: "Kvittering" }).filter({ hasText: email });
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(reference);
});

test("unknown receipt tokens and rights answer 404; the old per-right URL leads into the flow", async ({ page }) => {
  const receipt = await page.goto("/receipt/abcdefghijklmnopqrstuvwxyz123456");
  expect(receipt?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fant ikke siden");
  await expectNoAxeViolations(page, "404");
  const right = await page.goto("/request/not-a-right");
  expect(right?.status()).toBe(404);
  await page.goto("/request/erasure");
  await expect(page).toHaveURL(/\/request\/what$/);
  await expect(page.getByRole("checkbox", { name: "Slette opplysninger" })).toBeChecked();
});

test("steps cannot be skipped: an empty draft is sent back to the first step", async ({ page }) => {
  await page.goto("/request/summary");
  await expect(page).toHaveURL(/\/request\/what$/);
  await page.goto("/request/about");
  await expect(page).toHaveURL(/\/request\/what$/);
});
