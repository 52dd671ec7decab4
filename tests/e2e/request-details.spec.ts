// "Forespørselen" on the staff case page: a rectification request filed through the real form reaches
// the caseworker with everything the citizen wrote; the national id is masked until "Vis
// fødselsnummer" (with and without JavaScript), each showing is logged in the timeline; the
// caseworker marks the case as special-category, and the citizen then needs ID-porten level high.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, uniqueEmail, withDb } from "./support";
import { fillAboutMyself, fillDetailsFor, goOn, signInAndSend, startWith, VALID_FNR } from "./request-flow";
import { signInAsStaff, staffSignIn } from "./staff-login";

test("the caseworker reads the filed rectification request, reveals the national id (logged) and marks the case special-category", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("henvendelse");

  // The citizen files through the form: rectification, a unit, a service, more text, their national id.
  await startWith(page, "rectification");
  await goOn(page);
  await fillDetailsFor(page, "rectification");
  await page.getByLabel(/Hvilken del av kommunen/).selectOption({ label: "Barnehage" });
  await page.getByLabel(/Gjelder det en bestemt tjeneste/).fill("Nordnes barnehage");
  await page.getByLabel(/Er det noe mer vi bør vite/).fill("Adressen ble feil da vi flyttet i fjor.");
  await goOn(page);
  await fillAboutMyself(page, { email, name: "Henny Henvendelse" });
  await page.getByLabel(/Ditt fødselsnummer/).fill(VALID_FNR);
  await goOn(page);
  const reference = await signInAndSend(page, email);

  // The caseworker of the unit opens the case: every answer is there, in plain words.
  const kari = await staffSignIn(browser, "saksbehandler@demo.test");
  await kari.page.goto(`/staff/cases/${reference}`);
  const section = kari.page.getByTestId("request-details");
  await expect(section.getByRole("heading", { level: 2, name: "Forespørselen" })).toBeVisible();
  await expect(section.getByRole("heading", { level: 3, name: "Retting av feil opplysninger (personvernforordningen artikkel 16)" })).toBeVisible();
  await expect(section.getByTestId("detail-rectification-incorrectData")).toHaveText("Adressen min i barnehagesystemet");
  await expect(section.getByTestId("detail-rectification-correctData")).toHaveText("Nygårdsgaten 1, 5015 Bergen");
  await expect(section.getByTestId("detail-scope-service")).toHaveText("Nordnes barnehage");
  await expect(section.getByTestId("detail-scope-period")).toHaveText("Ikke oppgitt");
  await expect(section.getByTestId("detail-unit")).toHaveText("Barnehage");
  await expect(section.getByTestId("detail-description")).toHaveText("Adressen ble feil da vi flyttet i fjor.");
  await expect(section.getByTestId("detail-on-behalf-of")).toHaveText("Innbyggeren selv");
  await expect(section.getByTestId("detail-answer-channel")).toContainText("Digitalt i portalen");
  await expect(section.getByTestId("detail-email")).toHaveText(email);
  const nationalId = section.getByTestId("national-id-requester");
  await expect(nationalId).toHaveText("010190*****");
  await expect(kari.page.getByText(VALID_FNR)).toHaveCount(0);
  await expectNoAxeViolations(kari.page, "staff case page with the request details");

  // Vis fødselsnummer: the full number for this page view, logged in the case.
  await section.getByRole("button", { name: "Vis fødselsnummer" }).click();
  await expect(nationalId).toHaveText(VALID_FNR);
  await expect(section.getByTestId("national-id-requester-status")).toHaveText("Vist nå og logget i saken.");
  await expectNoAxeViolations(kari.page, "staff case page, national id shown");
  const events = await withDb(
    async (db) =>
      (
        await db.query(
          `SELECT e.type, e.actor_type, e.after::text AS after FROM case_event e JOIN request_case c ON c.id = e.case_id
            WHERE c.reference = $1 AND e.type = 'case.national_id_viewed'`,
          [reference],
        )
      ).rows as { type: string; actor_type: string; after: string }[],
  );
  expect(events).toHaveLength(1);
  expect(events[0]!.actor_type).toBe("staff");
  expect(events[0]!.after).not.toContain(VALID_FNR);
  // A reload shows it masked again; the timeline names who looked.
  await kari.page.reload();
  await expect(nationalId).toHaveText("010190*****");
  await expect(kari.page.getByTestId("timeline").locator('[data-type="case.national_id_viewed"]')).toContainText("Kari Saksbehandler");
  await expect(kari.page.getByTestId("timeline").locator('[data-type="case.national_id_viewed"]')).toContainText("Fødselsnummeret til innbyggeren ble vist");

  // Without JavaScript the same button works (the server action answers with the page).
  const noJsContext = await browser.newContext({ javaScriptEnabled: false, locale: "nb-NO", storageState: await kari.context.storageState() });
  const noJs = await noJsContext.newPage();
  await noJs.goto(`/staff/cases/${reference}`);
  await expectNoAxeViolationsWithoutJs(browser, noJs, "staff case page without JavaScript");
  await noJs.getByTestId("request-details").getByRole("button", { name: "Vis fødselsnummer" }).click();
  await expect(noJs.getByTestId("national-id-requester")).toHaveText(VALID_FNR);
  await noJsContext.close();
  const viewings = await withDb(
    async (db) =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM case_event e JOIN request_case c ON c.id = e.case_id WHERE c.reference = $1 AND e.type = 'case.national_id_viewed'`,
            [reference],
          )
        ).rows[0].n,
      ),
  );
  expect(viewings).toBe(2);

  // The caseworker marks the case: it holds health data. The citizen now needs level high.
  await kari.page.reload();
  const special = kari.page.locator("#special-category");
  await expect(special.getByTestId("special-category-status")).toHaveAttribute("data-special", "off");
  await special.getByLabel("Saken inneholder særlige kategorier (helse o.l.)").check();
  await special.getByRole("button", { name: "Lagre merkingen" }).click();
  await expect(kari.page.getByTestId("special-category-done")).toHaveText("Saken er merket med særlige kategorier.");
  await expect(special.getByTestId("special-category-status")).toHaveAttribute("data-special", "on");
  await expect(special.getByLabel("Saken inneholder særlige kategorier (helse o.l.)")).toBeChecked();
  await expect(kari.page.getByTestId("timeline").locator('[data-type="case.special_category_set"]')).toContainText(
    "Saken ble merket med særlige kategorier",
  );
  await expectNoAxeViolations(kari.page, "staff case page, special category marked");
  await kari.context.close();

  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByRole("heading", { name: "Meldinger og filer krever innlogging på høyt sikkerhetsnivå" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send melding" })).toHaveCount(0);
});

test("the DPO reads the request details but has no toggle; a caseworker of another unit gets 404", async ({ browser }) => {
  test.setTimeout(120_000);
  const staffContext = await browser.newContext({ locale: "nb-NO" });
  const response = await staffContext.request.post("/api/v1/requests", {
    data: {
      rights: ["erasure"],
      name: "Slett Testesen",
      email: uniqueEmail("slett"),
      unit: "skole",
      details: { dataToErase: "Bilder fra skoleavslutningen", erasureGround: "b" },
      submissionKey: crypto.randomUUID(),
    },
  });
  expect(response.status()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  await staffContext.close();

  const dpo = await staffSignIn(browser, "personvernombud@demo.test");
  await dpo.page.goto(`/staff/cases/${reference}`);
  const section = dpo.page.getByTestId("request-details");
  await expect(section.getByTestId("detail-erasure-dataToErase")).toHaveText("Bilder fra skoleavslutningen");
  await expect(section.getByTestId("detail-erasure-erasureGround")).toHaveText("Innbyggeren har trukket tilbake samtykket (GDPR art. 17(1)(b))");
  await expect(section.getByTestId("special-category-status")).toBeVisible();
  await expect(section.getByRole("button", { name: "Lagre merkingen" })).toHaveCount(0);
  await expectNoAxeViolations(dpo.page, "staff case page for the DPO");
  await dpo.context.close();

  const ola = await staffSignIn(browser, "saksbehandler2@demo.test");
  expect((await ola.page.goto(`/staff/cases/${reference}`))?.status()).toBe(404);
  await ola.context.close();
});

test("an admin makes a new unit a special-category unit; its cases are marked when filed", async ({ page }) => {
  await signInAsStaff(page, "admin@demo.test", { landing: /\/staff\/admin\/users$/ });
  await page.goto("/staff/admin/units");
  const slug = `e2e-helse-${Date.now().toString(36)}`;
  await page.getByLabel("Navn", { exact: true }).fill("Psykisk helse");
  await page.getByLabel("Kortnavn").fill(slug);
  await page.getByLabel("Behandler særlige kategorier").check();
  await page.getByRole("button", { name: "Opprett enhet" }).click();
  await expect(page.locator(".ds-alert[role=status]")).toHaveText("Enheten er opprettet.");
  const row = page.locator(`tr[data-slug="${slug}"]`);
  await expect(row.getByTestId("unit-special-category")).toHaveText("Ja, krever høyt nivå");
  await expect(page.locator('tr[data-slug="barnehage"]').getByTestId("unit-special-category")).toHaveText("Nei, vanlig nivå");
  await expectNoAxeViolations(page, "admin units with the special-category column");
  await row.getByRole("link", { name: /Endre/ }).click();
  await expect(page.getByLabel("Behandler særlige kategorier")).toBeChecked();
  await expectNoAxeViolations(page, "admin edit unit with the special-category checkbox");

  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Enhet Testesen", email: uniqueEmail("psykisk"), unit: slug, submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  const marked = await withDb(
    async (db) => (await db.query("SELECT special_category FROM request_case WHERE reference = $1", [reference])).rows[0].special_category,
  );
  expect(marked).toBe(true);
});
