import { expect, test } from "@playwright/test";
import { computeDeadline } from "@/lib/domain/deadline";
import { formatDateLong } from "@/lib/domain/calendar";
import { expectNoAxeViolations, uniqueEmail, waitForMail } from "./support";

test("a citizen asks to see their data, gets a receipt page and a receipt e-mail", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dine personopplysninger i Bergen kommune");
  await expect(page.getByText("Demomodus")).toBeVisible();
  await expectNoAxeViolations(page, "start page");

  await page.getByRole("link", { name: "Se hvilke opplysninger kommunen har om meg" }).click();
  await expect(page).toHaveURL(/\/request\/access$/);
  await expectNoAxeViolations(page, "access form");

  // Sending the empty form shows a translated error summary that takes focus and links to the fields.
  await page.getByRole("button", { name: "Send forespørselen" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Du må rette dette før du kan sende" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Skriv inn fullt navn." })).toHaveAttribute("href", "#field-name");
  await expect(summary.getByRole("link", { name: "Skriv inn e-postadressen din." })).toBeVisible();
  await expect(page.getByLabel(/Fullt navn/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "access form with errors");

  await summary.getByRole("link", { name: "Skriv inn fullt navn." }).click();
  await expect(page.getByLabel(/Fullt navn/)).toBeFocused();

  const email = uniqueEmail("innsyn");
  await page.getByLabel(/Fullt navn/).fill("Kari Nordmann");
  await page.getByLabel(/E-postadresse/).fill("ikke-en-adresse");
  await page.getByRole("button", { name: "Send forespørselen" }).click();
  await expect(page.getByRole("link", { name: /Skriv inn en gyldig e-postadresse/ })).toBeVisible();

  await page.getByLabel(/E-postadresse/).fill(email);
  await page.getByLabel(/Hvilken del av kommunen/).selectOption({ label: "Barnehage" });
  await page.getByLabel(/Beskriv hva du ønsker/).fill("Opplysninger fra barnehagen 2024–2025.");
  const submittedAt = new Date();
  await page.getByRole("button", { name: "Send forespørselen" }).click();

  await expect(page).toHaveURL(/\/receipt\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi har mottatt forespørselen din");
  const reference = (await page.getByTestId("case-reference").innerText()).trim();
  expect(reference).toMatch(/^PV-\d{4}-\d{6}$/);
  const expectedDue = formatDateLong(computeDeadline({ receivedAt: submittedAt }).dueDate, "nb");
  await expect(page.getByTestId("due-line")).toHaveText(`Du får svar innen ${expectedDue}.`);
  await expect(page.getByTestId("due-line")).toHaveText(
    /^Du får svar innen (mandag|tirsdag|onsdag|torsdag|fredag) \d{1,2}\. [a-zæøå]+ \d{4}\.$/,
  );
  await expectNoAxeViolations(page, "receipt");
  const receiptUrl = page.url();

  // The receipt e-mail arrived over SMTP: reference and link only, no name, no description.
  const mail = await waitForMail(page, { to: email, subjectIncludes: reference });
  expect(mail.subject).toBe(`Kvittering for forespørsel ${reference}`);
  expect(mail.text).toContain(receiptUrl);
  expect(mail.text).not.toContain("Kari");
  expect(mail.text).not.toContain("barnehagen");
  await expectNoAxeViolations(page, "demo mailbox");

  await page.getByRole("link", { name: receiptUrl }).first().click();
  await expect(page.getByTestId("case-reference")).toHaveText(reference);
});

test("a double-click on send makes one case", async ({ page }) => {
  const email = uniqueEmail("dobbel");
  await page.goto("/request/access");
  await page.getByLabel(/Fullt navn/).fill("Dobbel Klikk");
  await page.getByLabel(/E-postadresse/).fill(email);
  await page.getByRole("button", { name: "Send forespørselen" }).dblclick();
  await expect(page).toHaveURL(/\/receipt\//);
  const reference = (await page.getByTestId("case-reference").innerText()).trim();
  await waitForMail(page, { to: email });
  const cards = page.getByTestId("demo-mail").filter({ hasText: email });
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(reference);
});

test("unknown receipt tokens and rights answer 404", async ({ page }) => {
  const receipt = await page.goto("/receipt/abcdefghijklmnopqrstuvwxyz123456");
  expect(receipt?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fant ikke siden");
  await expectNoAxeViolations(page, "404");
  const right = await page.goto("/request/not-a-right");
  expect(right?.status()).toBe(404);
});
