// Case work on the staff case page: register a request received by phone (receipt in the past),
// ask the requester and resume, extend (and be refused after the one-month date), 404 for another
// unit, the DPO reads but cannot decide, and two caseworkers editing the same case.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { addDays, formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { expectNoAxeViolations, uniqueEmail, waitForMail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";
import { caseActions, offeredActions, openCaseAction as openForm, scanEveryCaseAction } from "./case-actions";
import { portalDate } from "./clock";

const KARI = "saksbehandler@demo.test";
const OLA = "saksbehandler2@demo.test";
const LENE = "leder@demo.test";
const DPO = "personvernombud@demo.test";

/** Opens every disclosure (<details>) so that axe sees the forms. */
async function openAllForms(page: Page) {
  await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/**
 * Receipt dates and their due dates, written out by hand from legal-rules.md §1 (one month, same day
 * number; Saturday or Sunday moves to Monday; none of these days is a public holiday), so that the
 * expectation is not computed by the code under test. The 8th and the 22nd of each month: one of
 * them is always 10 to 27 days back, well inside the one-month period.
 */
const RECEIPTS: readonly (readonly [received: string, due: string])[] = [
  ["2026-10-08", "2026-11-09"], ["2026-10-22", "2026-11-23"], ["2026-11-08", "2026-12-08"], ["2026-11-22", "2026-12-22"],
  ["2026-12-08", "2027-01-08"], ["2026-12-22", "2027-01-22"], ["2027-01-08", "2027-02-08"], ["2027-01-22", "2027-02-22"],
  ["2027-02-08", "2027-03-08"], ["2027-02-22", "2027-03-22"], ["2027-03-08", "2027-04-08"], ["2027-03-22", "2027-04-22"],
  ["2027-04-08", "2027-05-10"], ["2027-04-22", "2027-05-24"], ["2027-05-08", "2027-06-08"], ["2027-05-22", "2027-06-22"],
  ["2027-06-08", "2027-07-08"], ["2027-06-22", "2027-07-22"], ["2027-07-08", "2027-08-09"], ["2027-07-22", "2027-08-23"],
  ["2027-08-08", "2027-09-08"], ["2027-08-22", "2027-09-22"], ["2027-09-08", "2027-10-08"], ["2027-09-22", "2027-10-22"],
  ["2027-10-08", "2027-11-08"], ["2027-10-22", "2027-11-22"], ["2027-11-08", "2027-12-08"], ["2027-11-22", "2027-12-22"],
  ["2027-12-08", "2028-01-10"], ["2027-12-22", "2028-01-24"], ["2028-01-08", "2028-02-08"], ["2028-01-22", "2028-02-22"],
  ["2028-02-08", "2028-03-08"], ["2028-02-22", "2028-03-22"], ["2028-03-08", "2028-04-10"], ["2028-03-22", "2028-04-24"],
  ["2028-04-08", "2028-05-08"], ["2028-04-22", "2028-05-22"], ["2028-05-08", "2028-06-08"], ["2028-05-22", "2028-06-22"],
  ["2028-06-08", "2028-07-10"], ["2028-06-22", "2028-07-24"], ["2028-07-08", "2028-08-08"], ["2028-07-22", "2028-08-22"],
  ["2028-08-08", "2028-09-08"], ["2028-08-22", "2028-09-22"], ["2028-09-08", "2028-10-09"], ["2028-09-22", "2028-10-23"],
  ["2028-10-08", "2028-11-08"], ["2028-10-22", "2028-11-22"], ["2028-11-08", "2028-12-08"], ["2028-11-22", "2028-12-22"],
  ["2028-12-08", "2029-01-08"], ["2028-12-22", "2029-01-22"],
];

/** The latest receipt date of RECEIPTS at least `daysAgo` days back, with its due date. */
function pastReceipt(daysAgo: number): { receivedDate: string; due: string } {
  const latest = addDays(osloDateOf(new Date()), -daysAgo);
  const found = RECEIPTS.filter(([received]) => received <= latest).at(-1);
  if (!found || addDays(found[0], 20) < latest) throw new Error("case-work.spec.ts: RECEIPTS needs dates for this year");
  return { receivedDate: found[0], due: found[1] };
}

/** Registers a phone request received 10-27 days ago (see RECEIPTS) at 09:15 Oslo time, through the register page. */
async function registerPhoneRequest(page: Page, opts: { daysAgo: number; email?: string; scan?: boolean }) {
  const { receivedDate, due } = pastReceipt(opts.daysAgo);
  const email = opts.email ?? uniqueEmail("telefon");
  await page.goto("/staff/register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registrer forespørsel");
  if (opts.scan) await expectNoAxeViolations(page, "register page");
  await page.getByLabel("Telefon", { exact: true }).check();
  await page.getByLabel("Dato", { exact: true }).fill(receivedDate);
  await page.getByLabel("Klokkeslett").fill("09:15");
  await page.getByLabel("Innsyn (art. 15)").check();
  await page.getByLabel("Fullt navn").fill("Telefon Testesen");
  await page.getByLabel("E-postadresse (valgfritt)").fill(email);
  await page.getByLabel("Enhet").selectOption("barnehage");
  await page.getByLabel("Hva ba innbyggeren om?").fill("Ringte og ba om innsyn i barnehagemappen.");
  await page.getByRole("button", { name: "Gå videre" }).click();
  const confirm = page.getByTestId("register-confirm");
  await expect(confirm).toContainText(`Fristen blir ${formatDateLong(due, "nb")}`);
  await expect(confirm).toContainText(`Mottatt ${formatDateLong(receivedDate, "nb")} kl. 09:15 via Telefon`);
  if (opts.scan) await expectNoAxeViolations(page, "register confirmation");
  await page.getByRole("button", { name: "Registrer forespørselen" }).click();
  await expect(page).toHaveURL(/\/staff\/cases\/PV-\d{4}-\d{6}/);
  await expect(page.getByTestId("flash")).toContainText("Forespørselen er registrert");
  const reference = page.url().match(/PV-\d{4}-\d{6}/)![0];
  return { reference, receivedDate, due, email };
}

async function createCaseViaApi(page: Page) {
  const response = await page.request.post("/api/v1/requests", {
    data: { rights: ["access"], name: "Arbeid Testesen", email: uniqueEmail("arbeid"), unit: "barnehage", submissionKey: crypto.randomUUID() },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

async function newStaffPage(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const page = await context.newPage();
  await signInAsStaff(page, email);
  return { context, page };
}

test("a phone request received weeks ago is registered with the due date counted from then", async ({ page }) => {
  // Registers, then scans the page and each of its seven action forms with axe.
  test.setTimeout(150_000);
  await signInAsStaff(page, KARI);
  const { reference, due, email, receivedDate } = await registerPhoneRequest(page, { daysAgo: 10, scan: true });
  await expect(page.getByTestId("due-date")).toContainText(formatDateLong(due, "nb"));
  await expect(page.getByTestId("received")).toContainText("via Telefon");
  await expect(page.getByTestId("identity-level")).toContainText("Ikke sterkt verifisert");
  await expect(page.getByTestId("timeline")).toContainText(`mottatt ${formatDateLong(receivedDate, "nb")} via Telefon`);
  await expect(page.getByTestId("timeline")).toContainText("Kari Saksbehandler");
  await expectNoAxeViolations(page, "case page after registering");
  // What a new case allows Kari: every action as a visible button, each form scanned with axe.
  expect(await offeredActions(page)).toEqual(["Avgjør saken", "Be om opplysninger", "Forleng fristen", "Internt notat", "Ny oppgave", "Begrens behandlingen", "Krevende sak"]);
  await scanEveryCaseAction(page, "case page");
  await openAllForms(page);
  await expectNoAxeViolations(page, "case page with the task forms open");

  const row = await withDb(async (db) =>
    (await db.query("SELECT channel, registered_by_id IS NOT NULL AS by_staff, due_date::text AS due FROM request_case WHERE reference = $1", [reference])).rows[0],
  );
  expect(row).toEqual({ channel: "phone", by_staff: true, due });
  const mail = await waitForMail(page, { to: email, subjectIncludes: reference });
  expect(mail.subject).toContain("Kvittering");
});

test("ask the requester pauses the clock, resume restarts it, and the deadline can be extended once", async ({ page }) => {
  await signInAsStaff(page, KARI);
  const { reference } = await registerPhoneRequest(page, { daysAgo: 10 });

  await openForm(page, "Be om opplysninger");
  await page.getByRole("button", { name: "Gå videre" }).first().click();
  await expect(page.locator(".ds-error-summary")).toContainText("Skriv hva innbyggeren må sende eller svare på.");
  await expectNoAxeViolations(page, "ask form with an error");
  await page.getByLabel("identitetsopplysninger").check();
  await page.getByLabel("Hva trenger du fra innbyggeren?").fill("Kan du bekrefte fødselsdatoen din når du logger inn?");
  await page.locator("#ask").getByRole("button", { name: "Gå videre" }).click();
  await expect(page.getByTestId("ask-confirm")).toContainText("Fristen stopper fra nå");
  await expectNoAxeViolations(page, "ask confirmation");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Fristen står stille");
  await expect(page.getByTestId("case-status")).toContainText("Venter på innbyggeren");
  await expect(page.locator('[data-badge="paused"]')).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("Innbyggeren ble bedt om identitetsopplysninger");

  await openForm(page, "Svar mottatt");
  await page.locator("#resume").getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Fristen løper igjen");
  await expect(page.locator('[data-badge="paused"]')).toHaveCount(0);

  // Extend: the reason is required, the requester gets it in the portal, the due date moves.
  await openForm(page, "Forleng fristen");
  await page.locator("#extend").getByRole("button", { name: "Gå videre" }).click();
  await expect(page.locator("#extend .ds-error-summary")).toContainText("Skriv hvorfor fristen må forlenges.");
  await expect(page.locator("#extend .ds-error-summary")).toContainText("Velg grunnlaget for forlengelsen.");
  await page.getByLabel("Begrunnelse til innbyggeren").fill("Vi må gå gjennom tre fagsystemer og mye dokumentasjon.");
  await page.locator("#extend").getByRole("button", { name: "Gå videre" }).click();
  // The reason alone is not enough: the ground (Art. 12(3)) must be chosen too.
  await expect(page.locator("#extend .ds-error-summary")).toContainText("Velg grunnlaget for forlengelsen.");
  await expect(page.locator("#extend .ds-error-summary")).not.toContainText("Skriv hvorfor fristen må forlenges.");
  await page.getByRole("group", { name: "Grunnlag for forlengelsen" }).getByLabel("Forespørselen er krevende").check();
  await page.locator("#extend").getByRole("button", { name: "Gå videre" }).click();
  await expect(page.getByTestId("extend-confirm")).toContainText("Fristen blir forlenget til");
  await expect(page.getByTestId("extend-confirm")).toContainText("Grunnlag for forlengelsen: Forespørselen er krevende");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Fristen er forlenget");
  await expect(page.locator('[data-badge="extended"]')).toBeVisible();
  const extended = await withDb(async (db) =>
    (await db.query("SELECT extended, extension_ground, due_date::text AS due, received_at FROM request_case WHERE reference = $1", [reference])).rows[0],
  );
  expect(extended.extended).toBe(true);
  expect(extended.extension_ground).toBe("complexity");
  await expect(page.getByTestId("due-date")).toContainText(formatDateLong(extended.due, "nb"));
  await expect(page.getByTestId("messages")).toContainText("Vi må gå gjennom tre fagsystemer");
  // Extended once: no second extend form, and the state machine's list decides what is offered.
  await expect(caseActions(page).getByRole("link", { name: "Forleng fristen" })).toHaveCount(0);
  expect(await offeredActions(page)).toEqual(["Avgjør saken", "Be om opplysninger", "Internt notat", "Ny oppgave", "Begrens behandlingen", "Krevende sak"]);
});

test("extending is not offered after the one-month due date, and a posted extension is refused", async ({ page }) => {
  await signInAsStaff(page, KARI);
  const { reference } = await registerPhoneRequest(page, { daysAgo: 10 });
  // The extend form as rendered while it was still allowed...
  await openForm(page, "Forleng fristen");
  await page.getByLabel("Begrunnelse til innbyggeren").fill("Saken er svært omfattende og gjelder mange systemer.");
  await page.getByLabel("Begge deler").check();
  await page.locator("#extend").getByRole("button", { name: "Gå videre" }).click();
  // ...then the one-month date passes (receipt moved 40 days back) before it is confirmed.
  await withDb((db) =>
    db.query("UPDATE request_case SET received_at = received_at - interval '30 days', due_date = due_date - 30, one_month_due_date = one_month_due_date - 30 WHERE reference = $1", [reference]),
  );
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.locator("#extend [role=alert]")).toContainText("Det er for sent å forlenge fristen. Innbyggeren måtte få beskjed senest");
  await expectNoAxeViolations(page, "extend refused");
  const row = await withDb(async (db) => (await db.query("SELECT extended FROM request_case WHERE reference = $1", [reference])).rows[0]);
  expect(row.extended).toBe(false);
  // A fresh page no longer offers it, and says why.
  await page.goto(`/staff/cases/${reference}`);
  await expect(caseActions(page).getByRole("link", { name: "Forleng fristen" })).toHaveCount(0);
  await expect(page.getByTestId("extend-too-late")).toContainText("Fristen kan ikke forlenges lenger");
  await expectNoAxeViolations(page, "extension no longer offered");
});

test("a caseworker of another unit gets 404 on the case", async ({ page }) => {
  const reference = await createCaseViaApi(page);
  await signInAsStaff(page, OLA);
  const response = await page.goto(`/staff/cases/${reference}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fant ikke siden");
});

test("the DPO can read the case but has no decide form, and a posted decision is refused", async ({ browser }) => {
  const kari = await newStaffPage(browser, KARI);
  const reference = await createCaseViaApi(kari.page);
  // The decide form exactly as the server renders it for Kari (no JavaScript): its hidden fields
  // identify the server action. The DPO posts the same form, as a browser without JavaScript would.
  const noJs = await browser.newContext({ locale: "nb-NO", javaScriptEnabled: false, storageState: await kari.context.storageState() });
  const noJsPage = await noJs.newPage();
  await noJsPage.goto(`/staff/cases/${reference}?act=decide`);
  const fields = await noJsPage.locator("form#decide").evaluate((form) =>
    Array.from(form.querySelectorAll("input[type=hidden]")).map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const),
  );
  await noJs.close();
  await kari.context.close();
  expect(fields.map(([name]) => name)).toContain("reference");

  const dpo = await newStaffPage(browser, DPO);
  await dpo.page.goto(`/staff/cases/${reference}`);
  await expect(dpo.page.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(dpo.page.getByTestId("no-decide")).toHaveText("Du kan lese saken, men ikke avgjøre den.");
  await expect(caseActions(dpo.page).getByRole("link", { name: "Avgjør saken" })).toHaveCount(0);
  await dpo.page.goto(`/staff/cases/${reference}?act=decide`);
  await expect(dpo.page.locator("form#decide")).toHaveCount(0);
  await expectNoAxeViolations(dpo.page, "case page for the DPO");

  const multipart: Record<string, string> = Object.fromEntries(fields);
  multipart["outcome.access"] = "granted";
  multipart.intent = "confirm";
  const response = await dpo.page.request.post(`/staff/cases/${reference}`, { multipart });
  expect(response.url()).toContain("denied=decide");
  expect(await response.text()).toContain("Du har ikke tilgang til å gjøre dette i saken. Ingenting er endret.");
  await dpo.page.goto(response.url());
  await expect(dpo.page.getByTestId("denied")).toBeVisible();
  await expectNoAxeViolations(dpo.page, "refusal shown to the DPO");
  const row = await withDb(async (db) =>
    (
      await db.query(
        "SELECT c.status, (SELECT count(*)::int FROM case_decision d WHERE d.case_id = c.id) AS decisions FROM request_case c WHERE reference = $1",
        [reference],
      )
    ).rows[0],
  );
  expect(row).toEqual({ status: "received", decisions: 0 });
  await dpo.context.close();
});

test("two caseworkers on the same case: the second one is told who changed it, and nothing is overwritten", async ({ browser }) => {
  const kari = await newStaffPage(browser, KARI);
  const lene = await newStaffPage(browser, LENE);
  const reference = await createCaseViaApi(kari.page);
  await Promise.all([kari.page.goto(`/staff/cases/${reference}`), lene.page.goto(`/staff/cases/${reference}?act=complex`)]);

  await openForm(kari.page, "Internt notat");
  await kari.page.getByLabel("Internt notat").fill("Ringte barnehagen om saken.");
  await kari.page.getByRole("button", { name: "Lagre notatet" }).click();
  await expect(kari.page.getByTestId("note-confirm")).toContainText("kan ikke slettes etterpå");
  await kari.page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(kari.page.getByTestId("flash")).toContainText("Notatet er lagret");
  const note = kari.page.locator('[data-testid="timeline"] li[data-internal="true"]');
  await expect(note).toContainText("Ringte barnehagen om saken.");
  await expect(note).toContainText("Internt – vises ikke for innbyggeren");
  await expect(note).toContainText("Kari Saksbehandler");

  // Lene still has the page from before Kari's note.
  await lene.page.getByRole("button", { name: "Merk saken som krevende" }).click();
  await expect(lene.page.getByTestId("complex-confirm")).toContainText("Fristen endres ikke.");
  await lene.page.getByRole("button", { name: "Bekreft og lagre" }).click();
  const alert = lene.page.locator("#complex [role=alert]");
  await expect(alert).toContainText("Saken er endret av Kari Saksbehandler – last inn på nytt.");
  await expectNoAxeViolations(lene.page, "conflict message");
  const row = await withDb(async (db) => (await db.query("SELECT complex FROM request_case WHERE reference = $1", [reference])).rows[0]);
  expect(row.complex).toBe(false);
  await alert.getByRole("link", { name: "Last inn saken på nytt" }).click();
  await expect(lene.page.getByTestId("timeline")).toContainText("Ringte barnehagen om saken.");
  await openForm(lene.page, "Krevende sak");
  await lene.page.getByRole("button", { name: "Merk saken som krevende" }).click();
  await lene.page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(lene.page.getByTestId("flash")).toContainText("Saken er merket som krevende");
  await expect(lene.page.locator('[data-badge="complex"]')).toBeVisible();
  await kari.context.close();
  await lene.context.close();
});

test("a refusal needs a legal basis and reasons; a decided case shows no action forms", async ({ page }) => {
  await signInAsStaff(page, KARI);
  const reference = await createCaseViaApi(page);
  await page.goto(`/staff/cases/${reference}`);
  await openForm(page, "Avgjør saken");
  await page.locator("#decide").getByLabel("Avslått").check();
  // The review step already asks the state machine: the missing parts are named before any confirmation.
  await page.locator("#decide").getByRole("button", { name: "Gå videre" }).click();
  await expect(page.getByRole("button", { name: "Bekreft og lagre" })).toHaveCount(0);
  const summary = page.locator("#decide .ds-error-summary");
  await expect(summary).toContainText("Velg minst ett rettslig grunnlag.");
  await expect(summary).toContainText("Skriv en begrunnelse.");
  await expectNoAxeViolations(page, "decide form with field errors");
  await page.locator("#decide").getByLabel(/GDPR art\. 12\(5\)/).check();
  await page.locator("#decide").getByLabel("Begrunnelse").fill("Samme forespørsel er besvart tre ganger denne måneden.");
  await page.locator("#decide").getByRole("button", { name: "Gå videre" }).click();
  await expect(page.getByTestId("decide-confirm")).toContainText("Saken blir avsluttet med status");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Avgjørelsen er lagret");
  await expect(page.getByTestId("decisions")).toContainText("GDPR art. 12(5)");
  await expect(page.locator("form#decide, form#ask, form#extend, form#note")).toHaveCount(0);
  // Closed: only the task work is left.
  expect(await offeredActions(page)).toEqual(["Ny oppgave"]);
  await page.goto(`/staff/cases/${reference}?act=decide`);
  await expect(page.locator("form#decide")).toHaveCount(0);
  await expectNoAxeViolations(page, "closed case");
});

test("tasks per system and a restriction that can only be lifted once the requester has been told", async ({ page }) => {
  await signInAsStaff(page, KARI);
  const response = await page.request.post("/api/v1/requests", {
    data: {
      rights: ["rectification"],
      name: "Retting Testesen",
      email: uniqueEmail("retting"),
      unit: "barnehage",
      details: { incorrectData: "Feil adresse", correctData: "Storgata 1" },
      submissionKey: crypto.randomUUID(),
    },
  });
  expect(response.status()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  await page.goto(`/staff/cases/${reference}`);
  await expect(page.locator("#tasks")).toContainText("artikkel 19");

  // A suggested task from the unit's systems, in one click.
  await page.getByRole("button", { name: "Legg til: Rette opplysninger i Barnehagesystem" }).click();
  await expect(page.getByTestId("suggest-0-confirm")).toContainText("Oppgaven «Rette opplysninger i Barnehagesystem» blir lagt til.");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Oppgaven er lagt til");
  // An Art. 19 task needs a recipient.
  await openForm(page, "Ny oppgave");
  const form = page.locator("#task-new");
  await form.getByLabel("Hva skal gjøres?").selectOption("notify_recipient");
  await form.getByLabel("System eller register").fill("Barnehagesystem");
  await form.getByRole("button", { name: "Legg til oppgave" }).click();
  await expect(form.locator(".ds-error-summary")).toContainText("Skriv hvem som skal varsles.");
  await form.getByLabel("Mottaker som skal varsles").fill("Skatteetaten");
  await form.getByLabel("Tildel til").selectOption({ label: "Lene Enhetsleder" });
  await form.getByRole("button", { name: "Legg til oppgave" }).click();
  await expect(page.getByTestId("task-new-confirm")).toContainText("Oppgaven blir tildelt Lene Enhetsleder.");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("tasks")).toContainText("Varsle mottaker i Barnehagesystem – mottaker: Skatteetaten");
  await expect(page.getByTestId("tasks")).toContainText("Tildelt Lene Enhetsleder");
  // Tick the first task off with a note.
  const first = page.getByTestId("tasks").locator("li").first();
  await first.locator("summary", { hasText: "Merk som utført" }).click();
  await first.getByLabel("Notat").fill("Adressen er rettet.");
  await first.getByRole("button", { name: "Merk som utført" }).click();
  await expect(first.getByTestId("task-done-0-confirm")).toContainText("Det kan ikke angres.");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Oppgaven er merket som utført");
  await expect(page.getByTestId("tasks").locator('li[data-done="yes"]')).toContainText("Adressen er rettet.");
  await expect(page.getByTestId("timeline")).toContainText("Oppgave utført: Rette opplysninger i Barnehagesystem.");

  // Restriction (Art. 18) and lifting it (18(3)).
  await openForm(page, "Begrens behandlingen");
  await page.getByLabel("Hva er begrenset, og hvorfor?").fill("Adressen i Barnehagesystem er omstridt.");
  await page.locator("#restrict").getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.locator('[data-badge="restricted"]')).toBeVisible();
  await openForm(page, "Opphev begrensningen");
  await page.locator("#lift").getByRole("button", { name: "Gå videre" }).click();
  await expect(page.locator("#lift .ds-error-summary")).toContainText("Kryss av for at innbyggeren har fått beskjed.");
  await expectNoAxeViolations(page, "lift restriction refused");
  await page.getByLabel("Innbyggeren har fått beskjed om at begrensningen blir opphevet").check();
  await page.locator("#lift").getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Begrensningen er opphevet");
  await expect(page.locator('[data-badge="restricted"]')).toHaveCount(0);
});

// ---------------------------------------------------------------------------
// Case rules (legal-rules.md §1 rule 6, Art. 18(3), Art. 19)

test("resume with the date the answer arrived: the due date counts the pause up to that day", async ({ page }) => {
  await signInAsStaff(page, KARI);
  const { reference } = await registerPhoneRequest(page, { daysAgo: 10 });
  await openForm(page, "Be om opplysninger");
  await page.getByLabel("Hva trenger du fra innbyggeren?").fill("Hvilken barnehage gjelder det?");
  await page.locator("#ask").getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Fristen står stille");

  // Literal dates from the legal rules (moved in the database): received Monday 5 October 2026, due
  // Thursday 5 November; the question went out Monday 12 October and the answer came by phone on
  // Wednesday 14 October. Two days paused: Saturday 7 November, moved to Monday 9 November.
  await withDb((db) =>
    db.query(
      `WITH c AS (UPDATE request_case SET received_at = '2026-10-05T10:00:00+02:00', one_month_due_date = '2026-11-05', due_date = '2026-11-05'
                  WHERE reference = $1 RETURNING id)
       UPDATE case_pause SET started_at = '2026-10-12T09:30:00+02:00' WHERE case_id = (SELECT id FROM c)`,
      [reference],
    ),
  );
  const pauseStart = "2026-10-12";
  const answeredOn = "2026-10-14";
  const due = "2026-11-09";

  // The queue shows "På vent" instead of days left, as the case header does.
  await page.goto(`/staff?q=${reference}`);
  await expect(page.locator(`tr[data-reference="${reference}"]`)).toContainText("På vent");
  await expectNoAxeViolations(page, "queue with a paused case");

  // "Today" is the portal's (the demo clock's), as the form's default and its check read it.
  const today = await portalDate(page);
  await page.goto(`/staff/cases/${reference}`);
  await openForm(page, "Svar mottatt");
  const form = page.locator("#resume");
  const date = form.getByLabel("Datoen svaret kom");
  await expect(date).toHaveValue(today);
  await expect(form).toContainText(`satt på vent (${formatDateLong(pauseStart, "nb")})`);
  await date.fill(addDays(pauseStart, -1));
  await form.getByRole("button", { name: "Gå videre" }).click();
  await expect(form.locator(".ds-error-summary")).toContainText(
    `Svaret kan ikke ha kommet før saken ble satt på vent (${formatDateLong(pauseStart, "nb")}).`,
  );
  await expectNoAxeViolations(page, "resume with an answer date before the pause");
  await date.fill(addDays(today, 1));
  await form.getByRole("button", { name: "Gå videre" }).click();
  await expect(form.locator(".ds-error-summary")).toContainText("Datoen kan ikke være fram i tid.");

  await date.fill(answeredOn);
  await form.getByRole("button", { name: "Gå videre" }).click();
  const confirm = page.getByTestId("resume-confirm");
  await expect(confirm).toContainText(`Svaret kom ${formatDateLong(answeredOn, "nb")}. Fristen sto stille i 2 dager.`);
  await expect(confirm).toContainText(`Ny frist blir ${formatDateLong(due, "nb")}.`);
  await expectNoAxeViolations(page, "resume confirmation");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Fristen løper igjen");
  await expect(page.getByTestId("due-date")).toContainText(formatDateLong(due, "nb"));
  await expect(page.locator('[data-badge="paused"]')).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toContainText(`Svaret kom ${formatDateLong(answeredOn, "nb")}.`);
  const stored = await withDb(async (db) =>
    (
      await db.query(
        "SELECT c.due_date::text AS due, c.status::text AS status, p.ended_at FROM request_case c JOIN case_pause p ON p.case_id = c.id WHERE c.reference = $1",
        [reference],
      )
    ).rows[0],
  );
  expect(stored.due).toBe(due);
  expect(stored.status).toBe("in_progress");
  expect(osloDateOf(stored.ended_at)).toBe(answeredOn);
});

test("a request made after an ID-porten login is not offered an identity question", async ({ page }) => {
  await signInAsStaff(page, KARI);
  const reference = await createCaseViaApi(page);
  await withDb((db) =>
    db.query(
      `WITH c AS (UPDATE request_case SET identity_level = 'idporten_high' WHERE reference = $1 RETURNING requester_id)
       UPDATE requester SET identity_level = 'idporten_high' WHERE id = (SELECT requester_id FROM c)`,
      [reference],
    ),
  );
  await page.goto(`/staff/cases/${reference}`);
  await openForm(page, "Be om opplysninger");
  await expect(page.getByTestId("identity-not-offered")).toContainText("logget inn med ID-porten");
  await expect(page.locator("#ask").getByLabel("identitetsopplysninger")).toHaveCount(0);
  await expect(page.locator("#ask").getByLabel("en presisering")).toBeChecked();
  await expectNoAxeViolations(page, "ask form without the identity question");
});

test("after the decision: the Art. 19 task is reassigned and ticked off, and the restriction lifted", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, KARI);
  const response = await page.request.post("/api/v1/requests", {
    data: {
      rights: ["rectification"],
      name: "Varsel Testesen",
      email: uniqueEmail("varsel"),
      unit: "barnehage",
      details: { incorrectData: "Feil adresse", correctData: "Storgata 2" },
      submissionKey: crypto.randomUUID(),
    },
  });
  expect(response.status()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  await page.goto(`/staff/cases/${reference}`);

  // An Art. 19 task and a restriction while the case is open.
  await openForm(page, "Ny oppgave");
  const taskForm = page.locator("#task-new");
  await taskForm.getByLabel("Hva skal gjøres?").selectOption("notify_recipient");
  await taskForm.getByLabel("System eller register").fill("Barnehagesystem");
  await taskForm.getByLabel("Mottaker som skal varsles").fill("Skatteetaten");
  await taskForm.getByRole("button", { name: "Legg til oppgave" }).click();
  await expect(page.getByTestId("task-new-confirm")).toContainText("Mottaker som skal varsles: Skatteetaten.");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Oppgaven er lagt til");
  await openForm(page, "Begrens behandlingen");
  await page.getByLabel("Hva er begrenset, og hvorfor?").fill("Adressen er omstridt til den er rettet.");
  await page.locator("#restrict").getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.locator('[data-badge="restricted"]')).toBeVisible();

  // Deciding warns about the open task but does not stop it.
  await openForm(page, "Avgjør saken");
  const warning = page.getByTestId("open-tasks-warning");
  await expect(warning).toContainText("Varsle mottaker i Barnehagesystem – mottaker: Skatteetaten");
  await expectNoAxeViolations(page, "decide form with open tasks");
  await page.locator("#decide").getByLabel("Innvilget", { exact: true }).check();
  await page.locator("#decide").getByRole("button", { name: "Gå videre" }).click();
  await expect(page.getByTestId("decide-confirm")).toContainText("1 oppgave er ikke utført ennå.");
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Noen oppgaver er ikke utført ennå");
  await expect(page.getByTestId("case-status")).toContainText("Innvilget");
  await expect(page.locator("#tasks")).toContainText("Saken er avgjort. Du kan fortsatt legge til og fullføre oppgaver");
  await expectNoAxeViolations(page, "closed case with an open task and a restriction");

  // Give the task to a colleague, then tick it off.
  const task = page.getByTestId("tasks").locator("li").first();
  await task.locator("summary", { hasText: "Gi oppgaven til en annen" }).click();
  await task.getByLabel("Tildel til").selectOption({ label: "Lene Enhetsleder" });
  await task.getByRole("button", { name: "Lagre tildelingen" }).click();
  await expect(page.getByTestId("flash")).toContainText("Oppgaven er tildelt på nytt.");
  await expect(task).toContainText("Tildelt Lene Enhetsleder");
  await expect(page.getByTestId("timeline")).toContainText("Oppgave tildelt på nytt: Varsle mottaker i Barnehagesystem.");
  await task.locator("summary", { hasText: "Merk som utført" }).click();
  await task.getByLabel("Notat").fill("Skatteetaten er varslet om rettingen.");
  await task.getByRole("button", { name: "Merk som utført" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Oppgaven er merket som utført");
  await expect(page.getByTestId("tasks").locator('li[data-done="yes"]')).toContainText("Skatteetaten er varslet om rettingen.");

  // The restriction outlived the decision: lift it once the requester has been told (18(3)).
  await expect(page.locator("#actions")).toContainText("Saken er avsluttet, men behandlingen er fortsatt begrenset.");
  await openForm(page, "Opphev begrensningen");
  await page.locator("#lift").getByRole("button", { name: "Gå videre" }).click();
  await expect(page.locator("#lift .ds-error-summary")).toContainText("Kryss av for at innbyggeren har fått beskjed.");
  await page.getByLabel("Innbyggeren har fått beskjed om at begrensningen blir opphevet").check();
  await page.locator("#lift").getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Begrensningen er opphevet");
  await expect(page.locator('[data-badge="restricted"]')).toHaveCount(0);
  expect(await offeredActions(page)).toEqual(["Ny oppgave"]);
  await expectNoAxeViolations(page, "closed case after the task and the lift");

  const row = await withDb(async (db) =>
    (
      await db.query(
        `SELECT c.status::text AS status, c.restricted_at, t.done_at IS NOT NULL AS done, u.email AS assignee
           FROM request_case c JOIN case_task t ON t.case_id = c.id LEFT JOIN staff_user u ON u.id = t.assignee_id WHERE c.reference = $1`,
        [reference],
      )
    ).rows[0],
  );
  expect(row).toEqual({ status: "completed", restricted_at: null, done: true, assignee: LENE });
});

test("the case forms work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ locale: "nb-NO", javaScriptEnabled: false });
  const page = await context.newPage();
  const reference = await createCaseViaApi(page);
  const js = await browser.newContext({ locale: "nb-NO" });
  const signInPage = await js.newPage();
  await signInAsStaff(signInPage, KARI);
  await context.addCookies(await js.cookies());
  await js.close();
  await page.goto(`/staff/cases/${reference}`);
  // The action buttons are links: they open the form without JavaScript too.
  await caseActions(page).getByRole("link", { name: "Internt notat" }).click();
  // Without JavaScript the browser posts the form and the server answers with the page and the errors.
  await page.getByRole("button", { name: "Lagre notatet" }).click();
  await expect(page.locator("#note .ds-error-summary")).toContainText("Skriv notatet.");
  await page.getByLabel("Internt notat").fill("Notat uten JavaScript.");
  await page.getByRole("button", { name: "Lagre notatet" }).click();
  await page.getByRole("button", { name: "Bekreft og lagre" }).click();
  await expect(page.getByTestId("flash")).toContainText("Notatet er lagret");
  await expect(page.getByTestId("timeline")).toContainText("Notat uten JavaScript.");
  await context.close();
});
