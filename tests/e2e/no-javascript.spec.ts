import { expect, test } from "@playwright/test";
import { expectNoAxeViolationsWithoutJs, uniqueEmail, withDb } from "./support";
import { signInWithEmailCode } from "./citizen-login";
import { fillAboutMyself, fillDetailsFor, goOn, send, startWith } from "./request-flow";

test.use({ javaScriptEnabled: false });

test("the whole request flow works without JavaScript: server-side errors on every step, then a receipt", async ({ page, browser }) => {
  test.setTimeout(120_000); // nine axe scans, each in a second browser context, and a sign-in
  const email = uniqueEmail("noscript");
  await page.goto("/");
  await expectNoAxeViolationsWithoutJs(browser, page, "start page");
  await page.getByRole("link", { name: "Rette feil opplysninger" }).first().click();
  await expect(page).toHaveURL(/\/request\/what$/);
  await expectNoAxeViolationsWithoutJs(browser, page, "what step");
  await page.getByRole("checkbox", { name: "Protestere mot bruken" }).check();
  await goOn(page);

  // Details: the server answers with the same translated errors.
  await expect(page).toHaveURL(/\/request\/details$/);
  await page.getByLabel(/Hvilke opplysninger er feil/).fill("Telefonnummeret mitt");
  await goOn(page);
  const errors = page.getByRole("alert").filter({ hasText: "Du må rette dette" });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole("link", { name: "Skriv hva som er riktig." })).toHaveAttribute("href", "#field-correctData");
  await expect(errors.getByRole("link", { name: "Svar på om protesten gjelder markedsføring." })).toHaveAttribute(
    "href",
    "#field-directMarketing",
  );
  // What was typed is kept.
  await expect(page.getByLabel(/Hvilke opplysninger er feil/)).toHaveValue("Telefonnummeret mitt");
  await expectNoAxeViolationsWithoutJs(browser, page, "details with server-side errors");
  await fillDetailsFor(page, "rectification");
  await fillDetailsFor(page, "objection");
  await goOn(page);

  // About: the fields about another person and the postal address wait for their choice, also
  // without JavaScript (CSS); errors come from the server.
  await expect(page).toHaveURL(/\/request\/about$/);
  await expect(page.getByTestId("on-behalf-fields")).toBeHidden();
  await expect(page.getByTestId("postal-fields")).toBeHidden();
  await expectNoAxeViolationsWithoutJs(browser, page, "about step");
  await page.getByLabel(/Fullt navn/).fill("Uten Skript");
  await page.getByLabel(/E-postadressen din/).fill("feil-adresse");
  await page.getByLabel(/Ditt fødselsnummer/).fill("12345678901");
  await goOn(page);
  await expect(page.getByRole("link", { name: /Skriv inn en gyldig e-postadresse/ })).toHaveAttribute("href", "#field-email");
  await expect(page.getByRole("link", { name: /Fødselsnummeret er ikke gyldig/ })).toHaveAttribute("href", "#field-nationalId");
  await expect(page.getByLabel(/Fullt navn/)).toHaveValue("Uten Skript");
  // A fødselsnummer is never echoed back into the page.
  await expect(page.getByLabel(/Ditt fødselsnummer/)).toHaveValue("");
  await expectNoAxeViolationsWithoutJs(browser, page, "about with server-side errors");
  await fillAboutMyself(page, { email, name: "Uten Skript" });
  await goOn(page);

  await expect(page).toHaveURL(/\/request\/summary$/);
  await expectNoAxeViolationsWithoutJs(browser, page, "summary");
  // Sending needs a signed-in citizen: the button leads to the login page (and back).
  await page.getByRole("button", { name: "Logg inn for å sende" }).click();
  await expect(page).toHaveURL(/\/login\?returnTo=%2Frequest%2Fsummary/);
  // The sign-in page's proof-of-work needs JavaScript (identity and abuse areas): sign in with it in
  // a second context and carry the session cookie over; everything of the request flow stays script-free.
  const withJs = await browser.newContext({ javaScriptEnabled: true, locale: "nb-NO", timezoneId: "Europe/Oslo" });
  try {
    await signInWithEmailCode(await withJs.newPage(), email);
    const cookies = (await withJs.cookies()).filter((c) => c.name !== "pv_draft");
    await page.context().addCookies(cookies);
  } finally {
    await withJs.close();
  }
  await page.goto("/request/summary");
  await expect(page.getByTestId("signed-in-note")).toBeVisible();
  const reference = await send(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi har mottatt forespørselen din");
  await expectNoAxeViolationsWithoutJs(browser, page, "receipt");
  const rights = await withDb(async (db) =>
    (await db.query("SELECT rights::text[] AS rights FROM request_case WHERE reference = $1", [reference])).rows[0].rights,
  );
  expect(rights).toEqual(["rectification", "objection"]);
});

test("the draft survives without JavaScript too, and the language switch keeps the page", async ({ page }) => {
  await startWith(page, "access");
  await goOn(page);
  await page.getByLabel(/Gjelder det en bestemt tjeneste/).fill("Hjemmetjenesten");
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/about$/);
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page).toHaveURL(/\/request\/about$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await page.goto("/request/details");
  await expect(page.getByLabel(/Gjeld det ei bestemt teneste/)).toHaveValue("Hjemmetjenesten");
  await page.getByRole("button", { name: "Bokmål" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
});

test("about step without JavaScript: every error at once, and the on-behalf fields only after their choice", async ({ page, browser }) => {
  await startWith(page, "access");
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/details$/);
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/about$/);
  const behalf = page.getByTestId("on-behalf-fields");
  const postal = page.getByTestId("postal-fields");
  await expect(behalf).toBeHidden();
  await expect(page.getByLabel(/Navnet til personen det gjelder/)).toBeHidden();

  // The server's answer to an empty form: one summary with every error, the e-mail included.
  await goOn(page);
  const summary = page.getByRole("alert").filter({ hasText: "Du må rette dette" });
  await expect(summary.getByRole("link")).toHaveText([
    "Skriv inn fullt navn.",
    "Skriv inn e-postadressen din.",
    "Velg hvem du spør for.",
    "Velg hvordan du vil få svar.",
  ]);
  await expect(summary.getByRole("link", { name: "Skriv inn e-postadressen din." })).toHaveAttribute("href", "#field-email");
  await expect(behalf).toBeHidden();
  await expectNoAxeViolationsWithoutJs(browser, page, "about step, every error from the server");

  // Ticking "a child" and "letter by post" shows their fields at once (no script needed).
  await page.getByLabel("Et barn under 16 år som jeg har foreldreansvar for").check();
  await expect(behalf).toBeVisible();
  await page.getByLabel("Brev i posten").check();
  await expect(postal).toBeVisible();
  await page.getByLabel(/Fullt navn/).fill("Forelder Utenskript");
  await goOn(page);

  // After the post the choice is kept, so the fields stay, with the server's errors on them.
  await expect(page.getByLabel("Et barn under 16 år som jeg har foreldreansvar for")).toBeChecked();
  await expect(behalf).toBeVisible();
  await expect(postal).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText([
    "Skriv navnet til personen det gjelder.",
    "Du må bekrefte at du har rett til å be om dette for personen.",
    "Skriv postadressen din, så vi kan sende svaret.",
  ]);
  await expect(page.locator("#field-subjectName-error")).toHaveText("Skriv navnet til personen det gjelder.");
  await expectNoAxeViolationsWithoutJs(browser, page, "about step, child and paper, errors from the server");

  await page.getByLabel(/Navnet til personen det gjelder/).fill("Barn Utenskript");
  await page.getByLabel(/Jeg bekrefter at jeg har foreldreansvar/).check();
  await page.getByLabel(/Postadressen din/).fill("Testveien 1\n5003 Bergen");
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/summary$/);
  await expect(page.getByTestId("summary-about")).toContainText("Barn Utenskript");
  await expectNoAxeViolationsWithoutJs(browser, page, "summary, child and paper");
});
