// A request that staff register (phone, letter, ...) reaches the citizen's "Mine saker": by an
// e-mail code to the address the caseworker wrote down, or by ID-porten with the fødselsnummer the
// caseworker wrote down. The citizen answers the caseworker's question there and the clock runs again.
import { expect, test, type Page } from "@playwright/test";
import { addDays, osloDateOf } from "@/lib/domain/calendar";
import { expectNoAxeViolations, uniqueEmail, waitForMail } from "./support";
import { signInAsStaff, staffSignIn } from "./staff-login";
import { openCaseAction } from "./case-actions";
import { signInWithEmailCode, signInWithIdPorten, TEST_PERSONS } from "./citizen-login";

const KARI = "saksbehandler@demo.test";

/** Fills the register form (received yesterday at 08:00) up to the confirmation step. */
async function fillRegisterForm(
  page: Page,
  opts: { channel: "Telefon" | "Brev"; name: string; email?: string; nationalId?: string; postalAddress?: string; paper?: boolean },
) {
  await page.getByLabel(opts.channel, { exact: true }).check();
  await page.getByLabel("Dato", { exact: true }).fill(addDays(osloDateOf(new Date()), -1));
  await page.getByLabel("Klokkeslett").fill("08:00");
  await page.getByLabel("Innsyn (art. 15)").check();
  await page.getByLabel("Fullt navn").fill(opts.name);
  await page.getByLabel("Fødselsnummer eller D-nummer (valgfritt)").fill(opts.nationalId ?? "");
  await page.getByLabel("E-postadresse (valgfritt)").fill(opts.email ?? "");
  if (opts.postalAddress) await page.getByLabel("Postadresse", { exact: true }).fill(opts.postalAddress);
  if (opts.paper) await page.getByLabel("Brev i posten").check();
  await page.getByLabel("Enhet").selectOption("barnehage");
  await page.getByLabel("Hva ba innbyggeren om?").fill("Ba om innsyn i barnehagemappen.");
  await page.getByRole("button", { name: "Gå videre" }).click();
}

async function confirmRegistration(page: Page) {
  await page.getByRole("button", { name: "Registrer forespørselen" }).click();
  await expect(page).toHaveURL(/\/staff\/cases\/PV-\d{4}-\d{6}/);
  await expect(page.getByTestId("flash")).toContainText("Forespørselen er registrert");
  return page.url().match(/PV-\d{4}-\d{6}/)![0];
}

test("phone request with an e-mail: the citizen signs in with a code, sees the case, answers the question, and the clock runs again", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("registrert");
  await signInAsStaff(page, KARI);
  await page.goto("/staff/register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registrer forespørsel");
  await expect(page.getByText("Da kan innbyggeren se saken i «Mine saker» etter å ha logget inn med ID-porten")).toBeVisible();
  await expectNoAxeViolations(page, "register page with the national-id field");

  // A fødselsnummer with a wrong check digit is refused, with an error summary linking to the field.
  await fillRegisterForm(page, { channel: "Telefon", name: "Registrert Testesen", email, nationalId: "01019012481" });
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toContainText("Fødselsnummeret eller D-nummeret er ikke gyldig");
  await expectNoAxeViolations(page, "register page with a national-id error");
  await summary.getByRole("link", { name: /Fødselsnummeret/ }).click();
  await expect(page.getByLabel("Fødselsnummer eller D-nummer (valgfritt)")).toBeFocused();

  // Without a number, the e-mail address is how the citizen finds the case.
  await page.getByLabel("Fødselsnummer eller D-nummer (valgfritt)").fill("");
  await page.getByRole("button", { name: "Gå videre" }).click();
  await expect(page.getByTestId("register-confirm")).toContainText("Innbyggeren ser saken i «Mine saker» etter å ha logget inn med en kode sendt til e-postadressen.");
  await expectNoAxeViolations(page, "register confirmation");
  const reference = await confirmRegistration(page);

  // The caseworker asks for a clarification: the clock stops.
  await openCaseAction(page, "Be om opplysninger");
  await page.getByLabel("en presisering").check();
  const question = `Gjelder det begge barna, eller bare det eldste? ${Date.now()}`;
  await page.getByLabel("Hva trenger du fra innbyggeren?").fill(question);
  await page.locator("#ask").getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Fristen står stille");
  await expect(page.locator('[data-badge="paused"]')).toBeVisible();

  // The citizen follows the link in the e-mail (reference and link only) and signs in with a code.
  const citizenContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const citizen = await citizenContext.newPage();
  const mail = await waitForMail(citizen, { to: email, subjectIncludes: `Ny melding i sak ${reference}` });
  expect(mail.text).toContain(`/my-cases/${reference}`);
  expect(mail.text).not.toContain("barna");
  await signInWithEmailCode(citizen, email, { returnTo: `/my-cases/${reference}` });
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  await expect(citizen.getByTestId("case-status")).toHaveText("Venter på svar fra deg");
  const timeline = citizen.getByTestId("timeline");
  await expect(timeline).toContainText("Kommunen registrerte forespørselen (telefon)");
  await expect(timeline).toContainText("Saken ble koblet til innloggingen din med kode på e-post");
  await expect(citizen.getByTestId("messages")).toContainText(question);
  await expectNoAxeViolations(citizen, "registered case on Mine saker");

  await citizen.goto("/my-cases");
  await expect(citizen.locator(`tr[data-reference="${reference}"]`)).toBeVisible();
  await expectNoAxeViolations(citizen, "Mine saker with the registered case");

  // The citizen answers: the case is no longer waiting for them.
  await citizen.locator(`tr[data-reference="${reference}"]`).getByRole("link", { name: reference }).click();
  await citizen.getByLabel("Ny melding til kommunen").fill("Det gjelder begge barna.");
  await citizen.getByRole("button", { name: "Send melding" }).click();
  await expect(citizen.getByText("Takk for svaret.")).toBeVisible();
  await expect(citizen.getByTestId("case-status")).not.toHaveText("Venter på svar fra deg");
  await citizenContext.close();

  // The caseworker sees the answer, the clock running again and how the case reached the citizen.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  await expect(page.locator('[data-badge="paused"]')).toHaveCount(0);
  await expect(page.getByTestId("case-status")).not.toContainText("Venter på innbyggeren");
  await expect(page.getByTestId("messages")).toContainText("Det gjelder begge barna.");
  await expect(page.getByTestId("timeline")).toContainText("Saken ble koblet til innbyggerens innlogging (kode på e-post, samme adresse)");
  await expectNoAxeViolations(page, "staff case page after the answer");
});

test("letter request with a fødselsnummer: the citizen sees it after signing in with ID-porten", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const person = TEST_PERSONS[3]!;
  const staff = await staffSignIn(browser, KARI);
  await staff.page.goto("/staff/register");
  // Typed with a space between the birth date and the rest, as people often write it.
  await fillRegisterForm(staff.page, {
    channel: "Brev",
    name: "Brev Testesen",
    nationalId: `${person.pid.slice(0, 6)} ${person.pid.slice(6)}`,
    postalAddress: "Testveien 3\n5003 Bergen",
    paper: true,
  });
  await expect(staff.page.getByTestId("register-confirm")).toContainText(`Fødselsnummer ${person.pid.slice(0, 6)}*****`);
  await expect(staff.page.getByTestId("register-confirm")).not.toContainText(person.pid);
  const reference = await confirmRegistration(staff.page);
  await staff.context.close();

  await signInWithIdPorten(page, "substantial", { testPerson: 3 });
  const row = page.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: reference }).click();
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("Kommunen registrerte forespørselen (brev)");
  await expect(timeline).toContainText("Saken ble koblet til innloggingen din med ID-porten");
  await expectNoAxeViolations(page, "registered case after ID-porten");
});
