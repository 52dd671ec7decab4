// Response letters end to end: an ACCESS request answered with a letter and a JSON/CSV export that
// the citizen downloads from "Mine saker"; an ERASURE refused under GDPR 17(3)(b) whose letter the
// citizen reads (Datatilsynet, domstolene, the citation, the reasons, the archive duty), including
// the check that refuses a refusal edited without the court paragraph; a paper letter through the
// print queue.
//
// The citizens' cases are filed through POST /api/v1/requests and linked to the signed-in citizen by
// the shared createLinkedCase; the caseworker decides through the real Decide form on the case page
// and goes from there to the letter page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, uniqueEmail, withDb, waitForMail } from "./support";
import { createLinkedCase, signInWithEmailCode } from "./citizen-login";
import { decideOnCasePage, searchFoundData } from "./decide-case";
import { openCaseAction } from "./case-actions";
import { signInAsStaff } from "./staff-login";

async function fileCase(page: Page, data: Record<string, unknown>): Promise<string> {
  const response = await page.request.post("/api/v1/requests", {
    data: { name: "Brev Testesen", unit: "barnehage", submissionKey: crypto.randomUUID(), ...data },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

async function staffPage(browser: Browser, email = "saksbehandler@demo.test", opts: { javaScript?: boolean } = {}) {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", javaScriptEnabled: opts.javaScript ?? true });
  const page = await context.newPage();
  await signInAsStaff(page, email);
  return { context, page };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFile((await download.path())!);
}

test("an access request is answered with a letter and an export that the citizen downloads", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("svarbrev");
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email, "barnehage", "Brev Testesen");

  const staff = await staffPage(browser);
  // Before the decision: the page sends the caseworker to the case page first.
  await staff.page.goto(`/staff/cases/${reference}/letter`);
  await expect(staff.page.getByRole("heading", { name: "Registrer vedtak først" })).toBeVisible();
  await expect(staff.page.getByRole("link", { name: "Gå til saken" })).toHaveAttribute("href", `/staff/cases/${reference}`);

  // Granting access needs the copy on the case first: the generated JSON/CSV export of what the portal holds.
  await staff.page.goto(`/staff/cases/${reference}`);
  await openCaseAction(staff.page, "Avgjør saken");
  await expect(staff.page.getByTestId("no-answer-file")).toContainText("Saken har ingen svarfil ennå.");
  await staff.page.locator("#decide").getByLabel("Innvilget", { exact: true }).check();
  await staff.page.locator("#decide").getByRole("button", { name: "Gå videre" }).click();
  await expect(staff.page.locator("#decide .ds-error-summary")).toContainText("Legg ved svarfilen (kopien av opplysningene)");
  await expectNoAxeViolations(staff.page, "decide form: a copy is needed");
  // The search in the kindergarten system found data: the answer describes that system from the
  // records of processing (Art. 15(1)(a)-(h), 15(2)).
  await searchFoundData(staff.page, reference, "Barnehagesystem");
  await expectNoAxeViolations(staff.page, "case page with a search that found data");
  await decideOnCasePage(staff.page, reference, { outcome: "Innvilget", exportFirst: true });
  await expect(staff.page.getByRole("heading", { level: 1 })).toHaveText(`Svarbrev i sak ${reference}`);
  const body = staff.page.getByLabel("Teksten i brevet");
  await expect(body).toHaveValue(/Innsyn i opplysningene dine \(GDPR art\. 15\) – innvilget/);
  await expect(body).toHaveValue(/Hva vi behandler om deg, system for system/);
  await expect(body).toHaveValue(/Barnehagesystem:\n- Formål \(art\. 15 nr\. 1 bokstav a\): /);
  await expect(body).toHaveValue(/Automatiserte avgjørelser, også profilering \(bokstav h\)/);
  await expect(body).toHaveValue(/Overføring ut av EU\/EØS \(art\. 15 nr\. 2\)/);
  await expect(staff.page.getByTestId("art15-note")).toHaveCount(0);
  await expect(body).toHaveValue(/Den første kopien er gratis/);
  await expect(staff.page.getByLabel(/Digitalt: sikker melding/)).toBeChecked();
  await expectNoAxeViolations(staff.page, "letter page");

  // The export can be made here too (it was made on the case page before the decision).
  await expect(staff.page.getByRole("button", { name: "Lag JSON/CSV-eksport" })).toBeVisible();

  // The caseworker adds a line and sends it in the portal.
  const extra = `Kopien fra barnehagesystemet ligger ved. ${Date.now()}`;
  await body.fill(`${await body.inputValue()}\n${extra}\n`);
  await staff.page.getByRole("button", { name: "Send svarbrevet" }).click();
  await expect(staff.page.getByText("Svarbrevet er sendt som sikker melding med PDF.")).toBeVisible();
  const letterRow = staff.page.getByTestId("case-letters").locator("tbody tr");
  await expect(letterRow).toHaveCount(1);
  await expect(letterRow).toContainText("Levert i portalen");
  await expectNoAxeViolations(staff.page, "letter page after sending");
  const staffPdf = await staff.page.request.get((await letterRow.getByRole("link", { name: "Last ned PDF" }).getAttribute("href"))!);
  expect(staffPdf.status()).toBe(200);
  expect(staffPdf.headers()["content-disposition"]).toContain("attachment");
  expect((await staffPdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Only a reference and a link by e-mail.
  const mail = await waitForMail(page, { to: email, subjectIncludes: "Ny melding" });
  expect(mail.text).toContain(reference);
  expect(mail.text).not.toContain("Innsyn i opplysningene");

  // The citizen reads the letter and downloads the PDF and the export.
  await page.goto(`/my-cases/${reference}`);
  await expect(page.getByTestId("messages")).toContainText("Svar på forespørselen din om personopplysninger");
  await expect(page.getByTestId("messages")).toContainText(extra);
  // The letter reads as a document (headings, not "=====" lines), with its PDF beside it.
  const letterItem = page.getByTestId("messages").locator("li[data-letter]");
  await expect(letterItem.getByRole("heading", { name: "Svar på forespørselen din om personopplysninger" })).toBeVisible();
  await expect(letterItem.getByRole("heading", { name: /Innsyn i opplysningene dine \(GDPR art\. 15\) – innvilget/ })).toBeVisible();
  await expect(letterItem).not.toContainText("=====");
  await expect(letterItem).not.toContainText("-----");
  await expectNoAxeViolations(page, "Mine saker with a letter");
  const pdf = await downloaded(page, () => letterItem.getByRole("link", { name: /Last ned brevet som PDF/ }).click());
  const files = page.getByTestId("answer-files");
  await expect(files).not.toContainText(`svarbrev-${reference}.pdf`);
  await expect(files).toContainText(`personopplysninger-${reference}.json`);
  await expect(files).toContainText(`personopplysninger-${reference}.csv`);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const json = JSON.parse((await downloaded(page, () => files.getByRole("link", { name: new RegExp(`personopplysninger-${reference}\\.json`) }).click())).toString("utf8"));
  expect(json.cases.map((c: { reference: string }) => c.reference)).toContain(reference);
  expect(json.requester[0].email).toBe(email);
  expect(JSON.stringify(json)).not.toMatch(/nationalId|pidHash|pidEncrypted/);
  const csv = (await downloaded(page, () => files.getByRole("link", { name: new RegExp(`personopplysninger-${reference}\\.csv`) }).click())).toString("utf8");
  // A snapshot of what the portal held when the copy was made: before the decision.
  expect(csv).toContain(`"case","${reference}","status","received"`);

  // A caseworker of another unit: 404 on the letter page and on the PDF.
  const other = await staffPage(browser, "saksbehandler2@demo.test");
  const hidden = await other.page.goto(`/staff/cases/${reference}/letter`);
  expect(hidden?.status()).toBe(404);
  const hiddenPdf = await other.page.request.get((await letterRow.getByRole("link", { name: "Last ned PDF" }).getAttribute("href"))!);
  expect(hiddenPdf.status()).toBe(404);
  await other.context.close();

  // The DPO may read the letter page but not send.
  const dpo = await staffPage(browser, "personvernombud@demo.test");
  await dpo.page.goto(`/staff/cases/${reference}/letter`);
  await expect(dpo.page.getByText("Du kan lese utkastet, men du har ikke tilgang til å sende svarbrev i denne saken.")).toBeVisible();
  await expect(dpo.page.getByRole("button", { name: "Send svarbrevet" })).toHaveCount(0);
  await expectNoAxeViolations(dpo.page, "letter page, read-only");
  await dpo.context.close();
  await staff.context.close();
});

test("an erasure refused under GDPR 17(3)(b): the letter the citizen reads has complaint, court, citation and archive duty", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("sletting");
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email, "barnehage", "Brev Testesen", {
    rights: ["erasure"],
    details: { dataToErase: "Bilder fra barnehagen", erasureGround: "a" },
  });
  const reasons = "Bildene er journalført i barnehagens saksmappe.";

  const staff = await staffPage(browser);
  await decideOnCasePage(staff.page, reference, { outcome: "Avslått", basis: /GDPR art\. 17\(3\)\(b\)/, reasons });
  await expect(staff.page.getByTestId("decisions")).toContainText("Avslått (GDPR art. 17(3)(b))");
  const body = staff.page.getByLabel("Teksten i brevet");
  const draft = await body.inputValue();

  // Removing the court paragraph is refused with a translated error, and nothing is sent.
  await body.fill(draft.split("\n").filter((line) => !line.includes("domstolene")).join("\n"));
  await staff.page.getByRole("button", { name: "Send svarbrevet" }).click();
  const summary = staff.page.locator(".ds-error-summary");
  await expect(summary).toContainText("Brevet må fortelle at mottakeren kan bringe saken inn for domstolene.");
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#letter-body");
  await expectNoAxeViolations(staff.page, "letter page with an error");
  await expect(staff.page.getByText("Ingen brev er sendt ennå.")).toBeVisible();

  await body.fill(draft);
  await staff.page.getByRole("button", { name: "Send svarbrevet" }).click();
  await expect(staff.page.getByText("Svarbrevet er sendt som sikker melding med PDF.")).toBeVisible();
  await staff.context.close();

  await page.goto(`/my-cases/${reference}`);
  const letter = page.getByTestId("messages").locator("li").filter({ hasText: "Svar på forespørselen din" });
  await expect(letter).toContainText("Sletting av opplysninger (GDPR art. 17) – avslått");
  await expect(letter).toContainText(reasons);
  await expect(letter).toContainText("GDPR art. 17(3)(b)");
  await expect(letter).toContainText("lov om dokumentasjon og arkiv");
  await expect(letter).toContainText("begrenser bruken av opplysningene (GDPR art. 18)");
  await expect(letter).toContainText("klage til Datatilsynet, Postboks 458 Sentrum, 0105 Oslo");
  await expect(letter).toContainText("domstolene");
  // A refusal is an enkeltvedtak: the appeal information of forvaltningsloven § 27.
  await expect(letter).toContainText("enkeltvedtak etter forvaltningsloven");
  await expect(letter).toContainText("innen tre uker");
  await expect(letter).toContainText("personvernombud@bergen.kommune.no");
});

test("a paper letter goes through the print queue: downloaded and marked printed (without JavaScript)", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const reference = await fileCase(page, { rights: ["access"], email: uniqueEmail("papir"), answerChannel: "paper", postalAddress: "Papirveien 3, 5003 Bergen" });

  // The Decide form, the letter page and the print queue are plain forms: all of this works without JavaScript.
  const staff = await staffPage(browser, "saksbehandler@demo.test", { javaScript: false });
  await searchFoundData(staff.page, reference, "Barnehagesystem");
  await decideOnCasePage(staff.page, reference, { outcome: "Delvis innvilget", basis: /GDPR art\. 15\(4\)/, reasons: "Opplysninger om andre barn er tatt ut.", exportFirst: true });
  await expect(staff.page.getByLabel(/Brev i posten/)).toBeChecked();
  await staff.page.getByRole("button", { name: "Send svarbrevet" }).click();
  await expect(staff.page.getByText("Svarbrevet ligger i utskriftskøen.")).toBeVisible();
  await expect(staff.page.getByTestId("case-letters")).toContainText("Venter på utskrift");

  await staff.page.goto("/staff/print-queue");
  await expect(staff.page.getByRole("heading", { level: 1 })).toHaveText("Utskriftskø");
  // The paper request also queued its receipt: two letters for the case, the receipt first (older).
  const rows = staff.page.locator(`tr[data-reference="${reference}"]`);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Kvittering for forespørsel");
  const response = rows.filter({ hasText: "Svar på forespørsel" });
  await expect(response).toContainText("Brev Testesen");
  await expectNoAxeViolationsWithoutJs(browser, staff.page, "print queue");

  const pdf = await downloaded(staff.page, () => response.getByRole("link", { name: /Last ned PDF/ }).click());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // One by its own button, then the other by ticking it and "mark selected".
  await response.getByRole("button", { name: /Merk som skrevet ut/ }).click();
  await expect(staff.page.getByText("1 brev er merket som skrevet ut.")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await rows.getByRole("checkbox").check();
  await staff.page.getByRole("button", { name: "Merk valgte som skrevet ut" }).click();
  await expect(staff.page.getByText("1 brev er merket som skrevet ut.")).toBeVisible();
  await expect(rows).toHaveCount(0);
  await expectNoAxeViolationsWithoutJs(browser, staff.page, "print queue after marking");

  const audit = await withDb(async (db) =>
    (await db.query(`SELECT count(*)::int AS n FROM case_event e JOIN request_case c ON c.id = e.case_id WHERE c.reference = $1 AND e.type = 'letter.printed'`, [reference])).rows[0] as { n: number },
  );
  expect(audit.n).toBe(2);
  const states = await withDb(async (db) =>
    (await db.query(`SELECT l.status::text AS status, l.printed_at IS NOT NULL AS printed FROM letter l JOIN request_case c ON c.id = l.case_id WHERE c.reference = $1`, [reference])).rows,
  );
  expect(states).toEqual([
    { status: "printed", printed: true },
    { status: "printed", printed: true },
  ]);
  await staff.context.close();
});

test("a granted rectification without notice tasks: the letter claims no Art. 19 notices until 'no recipients' is recorded", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("retting");
  await signInWithEmailCode(page, email);
  const reference = await createLinkedCase(page, email, "barnehage", "Brev Testesen", {
    rights: ["rectification"],
    details: { incorrectData: "Feil adresse", correctData: "Testveien 2" },
  });
  const staff = await staffPage(browser);
  await decideOnCasePage(staff.page, reference, { outcome: "Innvilget" });
  const body = staff.page.getByLabel("Teksten i brevet");
  const note = staff.page.getByTestId("art19-note");
  await expect(note).toContainText("Saken har ingen oppgave om å gi beskjed til mottakere.");
  expect(await body.inputValue()).toContain("Du kan be oss om å få vite hvem vi har delt opplysningene med.");
  expect(await body.inputValue()).not.toMatch(/har gitt beskjed/);
  await expectNoAxeViolations(staff.page, "letter page with the Art. 19 note");

  await note.getByRole("button", { name: "Registrer at opplysningene ikke er delt med noen" }).click();
  await expect(staff.page.getByTestId("art19-note")).toContainText("Registrert: opplysningene er ikke delt med noen.");
  expect(await staff.page.getByLabel("Teksten i brevet").inputValue()).toContain("så det var ingen mottakere å gi beskjed til (GDPR art. 19)");
  await staff.page.getByRole("button", { name: "Send svarbrevet" }).click();
  await expect(staff.page.getByText("Svarbrevet er sendt som sikker melding med PDF.")).toBeVisible();
  await staff.context.close();
});
