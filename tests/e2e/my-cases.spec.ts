// "Mine saker": the citizen's private case pages, secure messages, uploads, downloads, withdrawal.
//
// The case is created through POST /api/v1/requests and then linked to the signed-in citizen's
// identity with withDb (requester.identity_id), because the rebuilt request flow that links it by
// itself is being built in parallel; the JSON API files without a sign-in.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, uniqueEmail, waitForMail, withDb } from "./support";
import { completeTestIdPorten, createLinkedCase, signInWithEmailCode, signInWithIdPorten, TEST_PERSONS } from "./citizen-login";
import { fillAboutMyself, goOn, send, startWith } from "./request-flow";
import { staffSignIn } from "./staff-login";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 7)]);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("This program cannot be run in DOS mode.")]);

test("secure message round trip, answer download through an expiring link, upload and withdraw", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("mine");
  await signInWithEmailCode(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mine saker");
  await expectNoAxeViolations(page, "my cases, empty");

  const reference = await createLinkedCase(page, email);
  await page.goto("/my-cases");
  const row = page.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toContainText("Mottatt");
  await expectNoAxeViolations(page, "my cases with a case");
  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText("Mottatt");
  await expect(page.getByTestId("timeline")).toContainText("Du sendte forespørselen");
  await expectNoAxeViolations(page, "case page");

  // An empty message is refused with an error summary linking to the field.
  await page.getByRole("button", { name: "Send melding" }).click();
  await expect(page.locator(".ds-error-summary")).toContainText("Skriv en melding før du sender.");

  // Citizen -> municipality.
  const question = `Hvilke opplysninger har barnehagen om meg? ${Date.now()}`;
  await page.getByLabel("Ny melding til kommunen").fill(question);
  await page.getByRole("button", { name: "Send melding" }).click();
  await expect(page.getByText("Meldingen er sendt.")).toBeVisible();
  await expect(page.getByTestId("messages")).toContainText(question);

  // The caseworker reads it on the staff case page (reached from the queue) and answers.
  const staff = await staffSignIn(browser, "saksbehandler@demo.test");
  // Found in the queue by its reference (other tests fill the queue with earlier due dates).
  await staff.page.getByLabel("Søk", { exact: true }).fill(reference);
  await staff.page.getByRole("button", { name: "Søk", exact: true }).click();
  await staff.page.locator(`tr[data-reference="${reference}"]`).getByRole("link", { name: reference }).click();
  await expect(staff.page.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  await expect(staff.page.getByTestId("requester-name")).toHaveText("Mine Saker Testesen");
  await expect(staff.page.getByTestId("messages")).toContainText(question);
  await expectNoAxeViolations(staff.page, "staff case page");
  const reply = `Vi har funnet opplysninger i barnehagesystemet. ${Date.now()}`;
  await staff.page.getByLabel("Melding til innbyggeren").fill(reply);
  await staff.page.getByRole("button", { name: "Send til innbyggeren" }).click();
  await expect(staff.page.getByText("Meldingen er sendt til innbyggeren.")).toBeVisible();
  await staff.page.getByLabel("Svarfil").setInputFiles({ name: "innsynspakke.pdf", mimeType: "application/pdf", buffer: PDF });
  await staff.page.getByRole("button", { name: "Legg ved svarfil" }).click();
  await expect(staff.page.getByText("Svarfilen er lagt ved.")).toBeVisible();
  await expectNoAxeViolations(staff.page, "staff case page with answer");

  // The e-mail says only that there is a new message: reference and link, not the text.
  const mail = await waitForMail(page, { to: email, subjectIncludes: `Ny melding i sak ${reference}` });
  expect(mail.text).toContain(`/my-cases/${reference}`);
  expect(mail.text).not.toContain("barnehagesystemet");

  await page.goto(`/my-cases/${reference}`);
  const messages = page.getByTestId("messages");
  await expect(messages.locator('[data-from="municipality"]')).toContainText(reply);
  await expect(messages.locator('[data-from="municipality"]')).toContainText("Kommunen");
  await expect(page.getByText("Kari")).toHaveCount(0);

  // Download the answer through its expiring link.
  const answerLink = page.getByTestId("answer-files").getByRole("link", { name: /innsynspakke\.pdf/ });
  const href = (await answerLink.getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/files\/[0-9a-f-]{36}\?expires=\d+&sig=[\w-]{43}$/);
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  const [browserDownload] = await Promise.all([page.waitForEvent("download"), answerLink.click()]);
  expect(browserDownload.suggestedFilename()).toBe("innsynspakke.pdf");
  // A tampered signature or expiry is 404.
  const tampered = href.replace(/sig=(.)/, (_m, c: string) => `sig=${c === "A" ? "B" : "A"}`);
  expect((await page.request.get(tampered)).status()).toBe(404);
  expect((await page.request.get(href.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) - 1}`))).status()).toBe(404);
  // Staff allowed to see the case may use the link too.
  expect((await staff.page.request.get(href)).status()).toBe(200);

  // Upload: a PNG named .pdf is accepted as the PNG it is; an EXE named .pdf is refused.
  await page.getByLabel("Velg fil").setInputFiles({ name: "skjerm.pdf", mimeType: "application/pdf", buffer: PNG });
  await page.getByRole("button", { name: "Last opp fil" }).click();
  await expect(page.getByText("Filen er lastet opp.")).toBeVisible();
  await expect(page.getByTestId("own-files")).toContainText("skjerm.png");
  await page.getByLabel("Velg fil").setInputFiles({ name: "faktura.pdf", mimeType: "application/pdf", buffer: EXE });
  await page.getByRole("button", { name: "Last opp fil" }).click();
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toContainText("Vi kan bare ta imot PDF, JPEG og PNG.");
  await expectNoAxeViolations(page, "case page with upload error");
  await summary.getByRole("link").click();
  await expect(page.getByLabel("Velg fil")).toBeFocused();
  await expect(page.getByTestId("own-files").getByRole("listitem")).toHaveCount(1);

  // The staff page lists the citizen's upload.
  await staff.page.reload();
  await expect(staff.page.getByTestId("files")).toContainText("skjerm.png");
  await staff.context.close();

  // Withdraw, with a confirmation step.
  await page.getByRole("link", { name: "Trekk tilbake forespørselen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Er du sikker?");
  await expectNoAxeViolations(page, "withdraw confirmation");
  await page.getByRole("link", { name: "Nei, gå tilbake til saken" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("Mottatt");
  await page.getByRole("link", { name: "Trekk tilbake forespørselen" }).click();
  await page.getByRole("button", { name: "Ja, trekk tilbake forespørselen" }).click();
  await expect(page.getByText("Forespørselen er trukket tilbake, og saken er avsluttet.")).toBeVisible();
  await expect(page.getByTestId("case-status")).toHaveText("Trukket tilbake");
  await expect(page.getByTestId("timeline")).toContainText("Du trakk tilbake forespørselen");
  await expect(page.getByRole("button", { name: "Send melding" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Last opp fil" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Trekk tilbake forespørselen" })).toHaveCount(0);
  await expectNoAxeViolations(page, "closed case page");
  const status = await withDb(async (db) => (await db.query("SELECT status FROM request_case WHERE reference = $1", [reference])).rows[0].status);
  expect(status).toBe("withdrawn");
});

test("another citizen gets 404 on the first one's case page and its withdraw page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const owner = uniqueEmail("eier");
  await signInWithEmailCode(page, owner);
  const reference = await createLinkedCase(page, owner);
  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);

  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const other = await context.newPage();
  await signInWithEmailCode(other, uniqueEmail("annen"));
  const response = await other.goto(`/my-cases/${reference}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText(reference)).toHaveCount(0);
  expect((await other.goto(`/my-cases/${reference}/withdraw`))?.status()).toBe(404);
  // The same answer for a reference that does not exist at all.
  expect((await other.goto("/my-cases/PV-2026-999999"))?.status()).toBe(404);
  await other.goto("/my-cases");
  await expect(other.locator(`tr[data-reference="${reference}"]`)).toHaveCount(0);
  await context.close();

  // Not signed in: sent to the sign-in page, not shown the case.
  const anonymous = await browser.newContext({ locale: "nb-NO" });
  const anon = await anonymous.newPage();
  await anon.goto(`/my-cases/${reference}`);
  await expect(anon).toHaveURL(/\/login\?returnTo=/);
  await anonymous.close();
});

test("a caseworker of another unit gets 404 on the staff case page", async ({ page, browser }) => {
  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Enhet Testesen", email: uniqueEmail("enhet"), unit: "barnehage", submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  const ola = await staffSignIn(browser, "saksbehandler2@demo.test");
  expect((await ola.page.goto(`/staff/cases/${reference}`))?.status()).toBe(404);
  expect((await ola.page.goto("/staff/cases/PV-2026-999999"))?.status()).toBe(404);
  await ola.context.close();
});

test("without JavaScript: read the case, send a message and withdraw", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("utenjs");
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email);
  // The same signed-in session in a browser with JavaScript turned off.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "nb-NO", storageState: await page.context().storageState() });
  const noJs = await context.newPage();
  await noJs.goto(`/my-cases/${reference}`);
  await expect(noJs.getByRole("heading", { level: 1 })).toHaveText(`Sak ${reference}`);
  await expectNoAxeViolationsWithoutJs(browser, noJs, "case page without JavaScript");

  await noJs.getByRole("button", { name: "Send melding" }).click();
  await expect(noJs.locator(".ds-error-summary")).toContainText("Skriv en melding før du sender.");
  await noJs.getByLabel("Ny melding til kommunen").fill("Sendt uten JavaScript");
  await noJs.getByRole("button", { name: "Send melding" }).click();
  await expect(noJs.getByText("Meldingen er sendt.")).toBeVisible();
  await expect(noJs.getByTestId("messages")).toContainText("Sendt uten JavaScript");

  await noJs.getByRole("link", { name: "Trekk tilbake forespørselen" }).click();
  await expect(noJs).toHaveURL(/\/withdraw$/);
  await expect(noJs.getByRole("button", { name: "Ja, trekk tilbake forespørselen" })).toBeVisible();
  await expectNoAxeViolationsWithoutJs(browser, noJs, "withdraw confirmation without JavaScript");
  await noJs.getByRole("button", { name: "Ja, trekk tilbake forespørselen" }).click();
  await expect(noJs.getByTestId("case-status")).toHaveText("Trukket tilbake");
  await context.close();
});

test("a health case filed after an e-mail-code sign-in hides messages and files, and says why instead of offering ID-porten", async ({ page }) => {
  test.setTimeout(120_000);
  // Even with the citizen's own fødselsnummer typed in the request: an unchecked number never hands
  // the case to an ID-porten identity, so a step-up would end on "not found".
  const email = uniqueEmail("helse");
  const person = TEST_PERSONS[0]!;
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email, "helse-omsorg", "Mine Saker Testesen", { nationalId: person.pid });
  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByRole("heading", { name: "Meldinger og filer krever innlogging på høyt sikkerhetsnivå" })).toBeVisible();
  await expect(page.getByText("En slik sak kan ikke åpnes med ID-porten i ettertid.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Logg inn på høyt sikkerhetsnivå" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send melding" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Last opp fil" })).toHaveCount(0);
  await expectNoAxeViolations(page, "health case filed with an e-mail code");

  // An ID-porten sign-in (a fresh browser session) with the typed number does not take the case over.
  await page.context().clearCookies();
  await signInWithIdPorten(page, "high", { testPerson: 0 });
  await expect(page.locator(`tr[data-reference="${reference}"]`)).toHaveCount(0);
  expect((await page.goto(`/my-cases/${reference}`))?.status()).toBe(404);
});

test("a health case filed after an ID-porten (MinID) sign-in: step up to BankID on the case page, then its content shows", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithIdPorten(page, "substantial", { testPerson: 1, returnTo: "/" });
  await startWith(page, "access");
  await goOn(page);
  await page.getByLabel(/Hvilken del av kommunen/).selectOption({ label: "Helse og omsorg" });
  await goOn(page);
  await fillAboutMyself(page, { email: uniqueEmail("helse-minid"), name: "Minid Testesen" });
  await goOn(page);
  const reference = await send(page);

  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByRole("heading", { name: "Meldinger og filer krever innlogging på høyt sikkerhetsnivå" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send melding" })).toHaveCount(0);
  await page.getByRole("link", { name: "Logg inn på høyt sikkerhetsnivå" }).click();
  await expect(page).toHaveURL(/\/login\/step-up\?returnTo=/);
  await page.getByRole("button", { name: "Logg inn med ID-porten" }).click();
  await completeTestIdPorten(page, "high", 1);
  await page.waitForURL((url) => url.pathname === `/my-cases/${reference}`, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Meldinger og filer krever innlogging på høyt sikkerhetsnivå" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send melding" })).toBeVisible();
  const question = `Spørsmål om journalen ${Date.now()}`;
  await page.getByLabel("Ny melding til kommunen").fill(question);
  await page.getByRole("button", { name: "Send melding" }).click();
  await expect(page.getByTestId("messages")).toContainText(question);
  await expectNoAxeViolations(page, "health case at level high after step-up");
});
