// Letter templates: an admin writes the municipality's own main paragraph for access / granted in
// bokmål (without JavaScript, with an error first), a caseworker's draft letter for such a case then
// shows it, and the admin resets it to the standard text. The templates pages pass axe; everyone
// but admins gets 404.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, withDb } from "./support";
import { decideOnCasePage } from "./decide-case";
import { signInAsStaff, staffSignIn } from "./staff-login";

const ADMIN = "admin@demo.test";
const STANDARD_ACCESS_GRANTED = "Vi har søkt etter opplysninger om deg i systemene der vi kan ha slike opplysninger. Du får en kopi av alt vi fant.";

/** The cell of one right, outcome and language in the list. */
function cell(page: Page, right: string, outcome: string, locale: string) {
  return page.getByTestId(`templates-${right}`).locator(`tr[data-outcome="${outcome}"] td[data-locale="${locale}"]`);
}

async function expectTranslated(page: Page) {
  // support.ts does not know this message area: check for raw keys here too.
  expect(await page.locator("body").innerText()).not.toMatch(/\bletterTemplates\.[A-Za-z]/);
}

test("an admin writes the access/granted text in bokmål, the caseworker's draft uses it, and it is reset to the standard text", async ({ browser }) => {
  test.setTimeout(240_000);
  const own = `Vi har gått gjennom alle fagsystemene i Bergen kommune. Her er alt vi fant om deg. ${Date.now()}`;

  // The admin, without JavaScript: the forms are plain server-action forms.
  const noJs = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", javaScriptEnabled: false });
  const admin = await noJs.newPage();
  await signInAsStaff(admin, ADMIN, { landing: /\/staff\/admin\/users$/ });
  await admin.getByRole("navigation", { name: "Administrasjon" }).getByRole("link", { name: "Brevmaler" }).click();
  await expect(admin).toHaveURL(/\/staff\/admin\/templates$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Brevmaler");
  await expect(admin.getByRole("link", { name: "Brevmaler" })).toHaveAttribute("aria-current", "page");
  // 6 rights x 3 outcomes, and "no data held" for access and portability: each in three languages.
  await expect(admin.locator("table[data-testid^=templates-] tbody tr")).toHaveCount(20);
  await expect(admin.locator("td[data-locale]")).toHaveCount(60);
  const nb = cell(admin, "access", "granted", "nb");
  await expect(nb).toContainText("Standardteksten brukes");
  await expect(nb).toContainText(STANDARD_ACCESS_GRANTED);
  await expect(cell(admin, "access", "granted", "nn")).toContainText("Vi har søkt etter opplysningar om deg");
  await expectTranslated(admin);
  await expectNoAxeViolationsWithoutJs(browser, admin, "letter templates list");

  const edit = nb.getByRole("link", { name: /^Skriv egen tekst\s+\(Innsyn i opplysningene dine \(GDPR art\. 15\), Innvilget, Bokmål\)$/ });
  await edit.click();
  await expect(admin).toHaveURL(/\/staff\/admin\/templates\/access\/granted\/nb$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Innsyn i opplysningene dine (GDPR art. 15) – Innvilget");
  await expect(admin.getByTestId("template-status")).toContainText("Nå brukes standardteksten.");
  const body = admin.getByLabel("Hovedavsnittet i brevet");
  await expect(body).toHaveValue(STANDARD_ACCESS_GRANTED);
  await expect(admin.getByRole("button", { name: "Tilbakestill til standardtekst" })).toHaveCount(0);
  await expectTranslated(admin);
  await expectNoAxeViolationsWithoutJs(browser, admin, "letter template edit form");

  // An empty text is refused with an error summary linking to the field; nothing is saved.
  await body.fill("   ");
  await admin.getByRole("button", { name: "Lagre kommunens tekst" }).click();
  const summary = admin.locator(".ds-error-summary");
  await expect(summary).toContainText("Rett opp dette før du lagrer:");
  await expect(summary.getByRole("link", { name: "Avsnittet kan ikke være tomt." })).toHaveAttribute("href", "#template-body");
  await expect(admin.getByLabel("Hovedavsnittet i brevet")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolationsWithoutJs(browser, admin, "letter template edit form with an error");
  const saved = await withDb(async (db) => (await db.query(`SELECT count(*)::int AS n FROM letter_template WHERE "right" = 'access' AND outcome = 'granted' AND locale = 'nb'`)).rows[0] as { n: number });
  expect(saved.n).toBe(0);

  await admin.getByLabel("Hovedavsnittet i brevet").fill(own);
  await admin.getByRole("button", { name: "Lagre kommunens tekst" }).click();
  await expect(admin).toHaveURL(/\/staff\/admin\/templates\?done=saved$/);
  await expect(admin.locator(".ds-alert[role=status]")).toHaveText("Teksten er lagret. Nye svarbrev bruker den.");
  await expect(nb).toContainText("Kommunens egen tekst");
  await expect(nb).toContainText(own);
  // Only that language changed.
  await expect(cell(admin, "access", "granted", "nn")).toContainText("Standardteksten brukes");
  await expect(cell(admin, "access", "granted", "en")).toContainText("Standardteksten brukes");
  await expectNoAxeViolationsWithoutJs(browser, admin, "letter templates list after saving");

  // A caseworker decides an access request (granted) and opens the letter: the draft has the new text.
  const kari = await staffSignIn(browser, "saksbehandler@demo.test");
  const response = await kari.page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Mal Testesen", email: `mal-${Date.now()}@example.test`, unit: "barnehage", submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  await decideOnCasePage(kari.page, reference, { outcome: "Innvilget", exportFirst: true });
  const draft = kari.page.getByLabel("Teksten i brevet");
  await expect(draft).toHaveValue(new RegExp(own.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  expect(await draft.inputValue()).not.toContain(STANDARD_ACCESS_GRANTED);
  // The parts the template cannot touch are still there.
  await expect(draft).toHaveValue(/Innsyn i opplysningene dine \(GDPR art\. 15\) – innvilget/);
  await expect(draft).toHaveValue(/Den første kopien er gratis/);

  // The admin resets the text to the standard text (the edit page, now with the reset action).
  await cell(admin, "access", "granted", "nb").getByRole("link", { name: /^Endre egen tekst/ }).click();
  await expect(admin.getByTestId("template-status")).toContainText("Nå brukes kommunens egen tekst, sist endret");
  await expect(admin.getByTestId("template-status")).toContainText("av Anne Admin");
  await expect(admin.getByLabel("Hovedavsnittet i brevet")).toHaveValue(own);
  await expect(admin.getByTestId("standard-text")).toHaveText(STANDARD_ACCESS_GRANTED);
  await expectNoAxeViolationsWithoutJs(browser, admin, "letter template edit form, own text");
  await admin.getByRole("button", { name: "Tilbakestill til standardtekst" }).click();
  await expect(admin).toHaveURL(/\/staff\/admin\/templates\?done=reset$/);
  await expect(admin.locator(".ds-alert[role=status]")).toHaveText("Teksten er satt tilbake til standardteksten.");
  await expect(cell(admin, "access", "granted", "nb")).toContainText("Standardteksten brukes");
  await expect(cell(admin, "access", "granted", "nb")).toContainText(STANDARD_ACCESS_GRANTED);

  await kari.page.reload();
  await expect(kari.page.getByLabel("Teksten i brevet")).toHaveValue(new RegExp(STANDARD_ACCESS_GRANTED.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await kari.context.close();
  await noJs.close();
});

test("the templates pages with JavaScript pass axe, and only admins reach them", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsStaff(page, ADMIN, { landing: /\/staff\/admin\/users$/ });
  await page.goto("/staff/admin/templates");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Brevmaler");
  await expectNoAxeViolations(page, "letter templates list (JS)");
  await page.goto("/staff/admin/templates/erasure/refused/en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sletting av opplysninger (GDPR art. 17) – Avslått");
  await expect(page.getByTestId("template-language")).toHaveText("Språk: English");
  await expect(page.getByTestId("template-language").locator("[lang=en]")).toHaveText("English");
  await expect(page.getByLabel("Hovedavsnittet i brevet")).toHaveValue(/We have considered your request to erase your data/);
  // Too long (a pasted text beyond the limit; the browser's maxlength does not stop a script).
  await page.getByLabel("Hovedavsnittet i brevet").evaluate((el) => {
    (el as HTMLTextAreaElement).removeAttribute("maxlength");
    (el as HTMLTextAreaElement).value = "x".repeat(4001);
  });
  await page.getByRole("button", { name: "Lagre kommunens tekst" }).click();
  await expect(page.locator(".ds-error-summary")).toContainText("Teksten er for lang. Den kan være på høyst 4000 tegn.");
  await expect(page.locator(".ds-error-summary")).toBeFocused();
  await expectNoAxeViolations(page, "letter template edit form with an error (JS)");
  // Unknown right, outcome or language: 404.
  for (const path of ["/staff/admin/templates/deletion/granted/nb", "/staff/admin/templates/access/maybe/nb", "/staff/admin/templates/access/granted/de"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }

  for (const email of ["saksbehandler@demo.test", "personvernombud@demo.test"]) {
    const other = await staffSignIn(browser, email);
    for (const path of ["/staff/admin/templates", "/staff/admin/templates/access/granted/nb"]) {
      const response = await other.page.goto(path);
      expect(response?.status(), `${email} ${path}`).toBe(404);
    }
    await other.context.close();
  }
});
