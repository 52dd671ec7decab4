// The municipal platform end to end, through the stand-ins `npm start` runs in demo mode: a request
// registered with a fødselsnummer is journaled in the archive (its saksnummer on the staff case
// page and on /demo/archive), the answer reaches the citizen's digital mailbox through SvarUt for a
// person with one and is sent to print for a person reserved in KRR (/demo/digital-post), closing
// closes the folder, and retention says it waits for a case the archive has not acknowledged.
import { expect, test, type Page } from "@playwright/test";
import { addDays, osloDateOf } from "@/lib/domain/calendar";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";
import { decideOnCasePage } from "./decide-case";
import { TEST_PERSONS } from "./citizen-login";

const KARI = "saksbehandler@demo.test";

async function register(page: Page, opts: { name: string; nationalId: string; email?: string; postalAddress?: string; paper?: boolean }) {
  await page.goto("/staff/register");
  await page.getByLabel(opts.paper ? "Brev" : "Telefon", { exact: true }).check();
  await page.getByLabel("Dato", { exact: true }).fill(addDays(osloDateOf(new Date()), -1));
  await page.getByLabel("Klokkeslett").fill("08:00");
  await page.getByLabel("Innsyn (art. 15)").check();
  await page.getByLabel("Fullt navn").fill(opts.name);
  await page.getByLabel("Fødselsnummer eller D-nummer (valgfritt)").fill(opts.nationalId);
  await page.getByLabel("E-postadresse (valgfritt)").fill(opts.email ?? "");
  if (opts.postalAddress) await page.getByLabel("Postadresse", { exact: true }).fill(opts.postalAddress);
  if (opts.paper) await page.getByLabel("Brev i posten").check();
  await page.getByLabel("Enhet").selectOption("barnehage");
  await page.getByLabel("Hva ba innbyggeren om?").fill("Ba om innsyn i barnehagemappen.");
  await page.getByRole("button", { name: "Gå videre" }).click();
  await page.getByRole("button", { name: "Registrer forespørselen" }).click();
  await expect(page).toHaveURL(/\/staff\/cases\/PV-\d{4}-\d{6}/);
  return page.url().match(/PV-\d{4}-\d{6}/)![0];
}

/** Reloads `url` until `probe` finds what it waits for (the outbox works in the background). */
async function reloadUntil(page: Page, url: string, probe: () => Promise<boolean>, timeout = 60_000) {
  await expect
    .poll(
      async () => {
        await page.goto(url);
        return probe();
      },
      { timeout, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
}

async function answerNoDataFound(page: Page, reference: string, sent: RegExp) {
  await decideOnCasePage(page, reference, { outcome: "Ingen opplysninger funnet" });
  await page.getByRole("button", { name: "Send svarbrevet" }).click();
  await expect(page.getByText(sent)).toBeVisible();
}

test("journaled on receipt, answered to the digital mailbox through SvarUt, folder closed on closing", async ({ page }) => {
  test.setTimeout(240_000);
  const person = TEST_PERSONS[0]!; // KRR stand-in: active, digital mailbox
  await signInAsStaff(page, KARI);
  const reference = await register(page, { name: "Arkiv Testesen", nationalId: person.pid, email: uniqueEmail("arkiv") });
  const caseUrl = `/staff/cases/${reference}`;

  const caseNumber = page.getByTestId("archive-case-number");
  await reloadUntil(page, caseUrl, async () => /Saksmappe i arkivet: \d{4}\/\d+/.test(await caseNumber.innerText()));
  const number = (await caseNumber.innerText()).match(/\d{4}\/\d+/)![0];
  await expect(page.getByTestId("krr-decision")).toContainText("har digital postkasse");
  const panel = page.getByTestId("platform-panel");
  await expect(panel.locator('[data-kind="archive_case_folder"]')).toContainText(`Journalført som ${number}-1`);
  await expectNoAxeViolations(page, "case page with the archive's numbers");

  // The archive stand-in has the folder, with the request as a screened incoming entry.
  await page.goto("/demo/archive");
  const folder = page.locator(`[data-testid="demo-archive-folder"][data-case-number="${number}"]`);
  await expect(folder).toBeVisible();
  await expect(folder.getByTestId("demo-archive-entry")).toHaveCount(1);
  await expect(folder.getByTestId("demo-archive-entry").first()).toHaveAttribute("data-type", "I");
  await expect(folder.getByTestId("demo-archive-entry-screened").first()).toHaveAttribute("data-screened", "true");
  await expectNoAxeViolations(page, "demo archive");
  const xmlHref = await folder.getByTestId("demo-archive-entry-xml").first().getAttribute("href");
  const xml = await page.request.get(xmlHref!);
  expect(xml.status()).toBe(200);
  expect(await xml.text()).toContain("arkivmelding");

  // The answer: a portal message, and the same letter through SvarUt to the digital mailbox.
  await answerNoDataFound(page, reference, /Svarbrevet er sendt som sikker melding/);
  const letter = page.getByTestId("demo-forsendelse").filter({ hasText: reference });
  // The outbox sends it in the background: reload until SvarUt has it (slow under CI load).
  await reloadUntil(page, "/demo/digital-post", async () => (await letter.count()) === 1);
  await expect(letter).toHaveAttribute("data-channel", "digital");
  await expect(letter).not.toContainText(person.pid);
  await expectNoAxeViolations(page, "demo digital post");

  // Closing (the decision closed the case) closes the folder, after the letter's entry.
  await reloadUntil(page, "/demo/archive", async () => (await folder.getByTestId("demo-archive-folder-status").getAttribute("data-status")) === "closed", 120_000);
  await expect(folder.getByTestId("demo-archive-entry")).toHaveCount(2);
  await reloadUntil(page, caseUrl, async () => (await caseNumber.innerText()).includes("avsluttet i arkivet"));
  await expect(panel.locator('[data-kind="archive_letter"]')).toContainText(`Journalført som ${number}-2`);
  await reloadUntil(page, caseUrl, async () => /Levert i digital postkasse|Lest av mottakeren/.test(await panel.locator('[data-kind="svarut_letter"]').innerText()));
  // The timeline tells it too.
  await expect(page.getByTestId("timeline")).toContainText("Journalført i arkivet");
});

test("a person reserved in KRR gets the letter on paper: SvarUt sends it to print, not the print queue", async ({ page }) => {
  test.setTimeout(240_000);
  const person = TEST_PERSONS[1]!; // KRR stand-in: reserved
  await signInAsStaff(page, KARI);
  const reference = await register(page, { name: "Papir Testesen", nationalId: person.pid, postalAddress: "Testveien 2\n5003 Bergen", paper: true });
  const caseUrl = `/staff/cases/${reference}`;
  await reloadUntil(page, caseUrl, async () => (await page.getByTestId("krr-decision").count()) === 1);
  // The requester asked for paper: that wins, whatever KRR says.
  await expect(page.getByTestId("krr-decision")).toContainText("Innbyggeren har valgt brev på papir");

  await answerNoDataFound(page, reference, /Svarbrevet er sendt gjennom SvarUt/);
  await expect(page.getByTestId("case-letters")).toContainText("Gjennom SvarUt");
  // Not in the manual print queue: SvarUt prints it (the paper receipt stays in the queue).
  const deliveries = await withDb(async (db) =>
    (await db.query(`SELECT l.kind, l.delivery FROM letter l JOIN request_case c ON c.id = l.case_id WHERE c.reference = $1 ORDER BY l.created_at`, [reference])).rows,
  );
  expect(deliveries).toEqual([
    { kind: "receipt", delivery: "post" },
    { kind: "response", delivery: "svarut" },
  ]);

  const letter = page.getByTestId("demo-forsendelse").filter({ hasText: reference });
  await reloadUntil(page, "/demo/digital-post", async () => (await letter.count()) === 1);
  await expect(letter).toHaveAttribute("data-channel", "print");
  await reloadUntil(page, "/demo/digital-post", async () => /SENDT_PRINT|PRINTET/.test((await letter.getByTestId("demo-forsendelse-status").getAttribute("data-status")) ?? ""));
  await reloadUntil(page, caseUrl, async () => /Sendt til utskrift|Skrevet ut/.test(await page.getByTestId("platform-panel").locator('[data-kind="svarut_letter"]').innerText()));
  await expectNoAxeViolations(page, "case page with a letter sent to print");
});

test("retention waits for a case the archive has not acknowledged", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, KARI);
  const reference = await register(page, { name: "Venter Testesen", nationalId: TEST_PERSONS[2]!.pid, email: uniqueEmail("venter") });
  // Closed long ago, and the archive has not acknowledged the folder yet (as if it were down).
  await withDb(async (db) => {
    await db.query(
      `UPDATE request_case SET status = 'completed', closed_at = now() - interval '5 years', archive_case_number = NULL, version = version + 1 WHERE reference = $1`,
      [reference],
    );
    await db.query(
      `UPDATE integration_message SET status = 'pending', next_attempt_at = now() + interval '1 day' WHERE case_id = (SELECT id FROM request_case WHERE reference = $1) AND kind = 'archive_case_folder'`,
      [reference],
    );
  });
  await page.goto(`/staff/cases/${reference}`);
  await expect(page.getByTestId("retention-status")).toContainText("ingenting slettes før arkivet har bekreftet");
  await expect(page.getByTestId("archive-case-number")).toContainText("ikke opprettet i arkivet ennå");
  await expect(page.getByTestId("platform-panel").locator('[data-kind="archive_case_folder"]')).toContainText("Venter på arkivet");
});
