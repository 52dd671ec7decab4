// Reopening a closed case (issue 13, item 1), as the people who use it: the caseworker who closed
// it is not offered the action; the unit lead reopens with a ground and reasons (errors first, then
// the confirmation step), the case shows why it was reopened and its new due date; the requester
// reads in Mine saker that the case is open again, and gets only a reference and a link by e-mail.
import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations, uniqueEmail, waitForMail } from "./support";
import { createLinkedCase, signInWithEmailCode } from "./citizen-login";
import { decideOnCasePage } from "./decide-case";
import { signInAsStaff } from "./staff-login";
import { caseActions, offeredActions, openCaseAction } from "./case-actions";

async function staffPage(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const page = await context.newPage();
  await signInAsStaff(page, email);
  return { context, page };
}

test("a unit lead reopens a decided case after a complaint; the requester is told", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("gjenapning");
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email, "barnehage", "Gjenåpning Testesen");

  const kari = await staffPage(browser, "saksbehandler@demo.test");
  await decideOnCasePage(kari.page, reference, { outcome: "Ingen opplysninger funnet" });
  await kari.page.goto(`/staff/cases/${reference}`);
  // The caseworker who closed it cannot reopen it.
  expect(await offeredActions(kari.page)).not.toContain("Åpne saken igjen");

  const lead = await staffPage(browser, "leder@demo.test");
  await lead.page.goto(`/staff/cases/${reference}`);
  await openCaseAction(lead.page, "Åpne saken igjen");
  const form = lead.page.locator("#reopen");
  await expect(lead.page.getByTestId("action-reopen")).toContainText("Saken får ny frist én måned fra i dag");

  // Nothing chosen: an error summary that names both fields, and nothing changes.
  await form.getByRole("button", { name: "Gå videre" }).click();
  const summary = form.locator(".ds-error-summary");
  await expect(summary).toContainText("Velg hvorfor saken åpnes igjen.");
  await expect(summary).toContainText("Skriv en begrunnelse på minst 10 tegn.");
  await expectNoAxeViolations(lead.page, "reopen form with errors");

  await form.getByLabel("Klage fra innbyggeren (til personvernombudet eller kommunen)").check();
  await form.getByLabel("Begrunnelse (intern)").fill("Innbyggeren klaget: bilder fra barnehagen manglet i svaret.");
  await form.getByRole("button", { name: "Gå videre" }).click();
  await expect(lead.page.getByTestId("reopen-confirm")).toContainText("Saken åpnes igjen. Ny frist:");
  await expectNoAxeViolations(lead.page, "reopen confirmation");
  await lead.page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(lead.page.getByTestId("flash")).toContainText("Saken er åpnet igjen, og innbyggeren har fått melding med den nye fristen.");
  await expect(lead.page.getByTestId("reopened-info")).toContainText("Klage fra innbyggeren");
  await expect(lead.page.getByTestId("reopened-info")).toContainText("bilder fra barnehagen manglet");
  await expect(lead.page.getByText(/Saken ble åpnet igjen \(Klage fra innbyggeren/)).toBeVisible();
  await expect(caseActions(lead.page).getByRole("link", { name: "Avgjør saken", exact: true })).toBeVisible();
  await expectNoAxeViolations(lead.page, "reopened case page");

  // The requester: open again, told why in plain words, never the internal reasons.
  const mail = await waitForMail(page, { to: email, subjectIncludes: `Ny melding i sak ${reference}` });
  expect(mail.text).not.toContain("barnehagen manglet");
  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByTestId("case-status")).not.toHaveText("Innvilget");
  await expect(page.getByTestId("messages")).toContainText(`Vi har åpnet saken din ${reference} igjen fordi du har klaget`);
  await expect(page.getByTestId("messages")).not.toContainText("barnehagen manglet");
  await expect(page.getByTestId("timeline")).toContainText("Kommunen åpnet saken igjen");
  await expectNoAxeViolations(page, "citizen: reopened case");

  await kari.context.close();
  await lead.context.close();
});
