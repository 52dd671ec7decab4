import { expect, test } from "@playwright/test";
import { RIGHTS, type Right } from "@/lib/domain/rights";
import { expectNoAxeViolations, uniqueEmail, withDb } from "./support";
import { fillAboutMyself, fillDetailsFor, goOn, RIGHT_TITLES, signInAndSend, startWith } from "./request-flow";

for (const right of RIGHTS) {
  test(`files a ${right} request through the whole flow`, async ({ page }) => {
    const email = uniqueEmail(`rett-${right}`);
    await page.goto("/");
    await page.getByRole("link", { name: RIGHT_TITLES[right] }).first().click();
    await expect(page).toHaveURL(/\/request\/what$/);
    await goOn(page);
    await expect(page).toHaveURL(/\/request\/details$/);
    if (right !== "access") {
      // The step refuses to go on without the right's own fields.
      await goOn(page);
      await expect(page.locator(".ds-error-summary")).toBeFocused();
    }
    await fillDetailsFor(page, right);
    await goOn(page);
    await expect(page).toHaveURL(/\/request\/about$/);
    await fillAboutMyself(page, { email });
    await goOn(page);
    await expect(page).toHaveURL(/\/request\/summary$/);
    await expect(page.getByTestId("summary-rights")).toHaveText(RIGHT_TITLES[right]);
    const reference = await signInAndSend(page, email);
    await expect(page.getByTestId("receipt-rights")).toHaveText(RIGHT_TITLES[right]);

    const row = await withDb(async (db) =>
      (
        await db.query(
          `SELECT c.rights::text[] AS rights, c.details, r.identity_level::text AS level, r.identity_id
             FROM request_case c JOIN requester r ON r.id = c.requester_id WHERE c.reference = $1`,
          [reference],
        )
      ).rows[0],
    );
    expect(row.rights).toEqual([right]);
    expect(row.level).toBe("email_code");
    expect(row.identity_id).toBeTruthy();
    const expectedKeys: Record<Right, string[]> = {
      access: [],
      rectification: ["correctData", "incorrectData"],
      erasure: ["dataToErase", "erasureGround"],
      restriction: ["processingConcerned", "restrictionGround"],
      objection: ["directMarketing", "processingConcerned"],
      portability: ["dataProvided"],
    };
    expect(Object.keys(row.details).sort()).toEqual(expectedKeys[right]);
  });
}

test("several rights in one request become one case, and the draft survives a reload", async ({ page }) => {
  const email = uniqueEmail("flere");
  await startWith(page, "access");
  await page.getByRole("checkbox", { name: RIGHT_TITLES.rectification }).check();
  await goOn(page);
  await fillDetailsFor(page, "rectification");
  await page.getByLabel(/Hvilken del av kommunen/).selectOption({ label: "Skole" });
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/about$/);

  // Reload: the server-side draft keeps what was chosen and typed.
  await page.goto("/request/details");
  await expect(page.getByLabel(/Hvilke opplysninger er feil/)).toHaveValue("Adressen min i barnehagesystemet");
  await expect(page.getByLabel(/Hvilken del av kommunen/)).toHaveValue("skole");
  await page.reload();
  await expect(page.getByLabel(/Hva er riktig/)).toHaveValue("Nygårdsgaten 1, 5015 Bergen");
  await goOn(page);

  await fillAboutMyself(page, { email });
  await goOn(page);
  await expect(page.getByTestId("summary-rights")).toContainText(RIGHT_TITLES.access);
  await expect(page.getByTestId("summary-rights")).toContainText(RIGHT_TITLES.rectification);
  await expectNoAxeViolations(page, "summary, two rights");

  // "Endre" goes back to the step and returns to the summary.
  await page.getByRole("link", { name: /Endre.*Detaljer/ }).click();
  await expect(page).toHaveURL(/\/request\/details\?from=summary$/);
  await page.getByLabel(/Hva er riktig/).fill("Nygårdsgaten 2, 5015 Bergen");
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/summary$/);
  await expect(page.getByText("Nygårdsgaten 2, 5015 Bergen")).toBeVisible();

  const reference = await signInAndSend(page, email);
  const cases = await withDb(async (db) =>
    (
      await db.query(
        `SELECT c.reference, c.rights::text[] AS rights, u.slug FROM request_case c
           JOIN requester r ON r.id = c.requester_id LEFT JOIN unit u ON u.id = c.unit_id WHERE r.email = $1`,
        [email],
      )
    ).rows,
  );
  expect(cases).toEqual([{ reference, rights: ["access", "rectification"], slug: "skole" }]);
  // Sent: the draft is gone, a new visit starts empty.
  await page.goto("/request/what");
  await expect(page.getByRole("checkbox", { name: RIGHT_TITLES.access })).not.toBeChecked();
});

test("on behalf of a child, answered by post: a letter is queued and no e-mail is sent", async ({ page }) => {
  const email = uniqueEmail("papir");
  await startWith(page, "access");
  await goOn(page);
  await goOn(page);
  await page.getByLabel(/Fullt navn/).fill("Forelder Testesen");
  await page.getByLabel(/E-postadressen din/).fill(email);
  await page.getByLabel("Et barn under 16 år som jeg har foreldreansvar for").check();
  await page.getByLabel("Navnet til personen det gjelder").fill("Barn Testesen");
  await page.getByLabel(/Fødselsnummeret eller D-nummeret til personen/).fill("0101155 0076");
  await page.getByLabel("Brev i posten").check();
  await page.getByLabel(/Postadressen din/).fill("Testveien 1\n5003 Bergen");
  await goOn(page);
  // The declaration is required.
  await expect(page.getByRole("link", { name: "Du må bekrefte at du har rett til å be om dette for personen." })).toBeVisible();
  await page.getByLabel(/Jeg bekrefter at jeg har foreldreansvar/).check();
  await goOn(page);
  await expect(page).toHaveURL(/\/request\/summary$/);
  await expect(page.getByText("010115*****")).toBeVisible();
  await expect(page.getByText("01011550076")).toHaveCount(0);
  const reference = await signInAndSend(page, email);
  await expect(page.getByTestId("letter-note")).toBeVisible();
  await expectNoAxeViolations(page, "receipt, paper");

  const row = await withDb(async (db) =>
    (
      await db.query(
        `SELECT c.on_behalf_of::text AS behalf, c.subject_national_id_encrypted AS enc,
                (SELECT count(*)::int FROM letter l WHERE l.case_id = c.id AND l.kind = 'receipt') AS letters,
                (SELECT substring(l.pdf from 1 for 4) FROM letter l WHERE l.case_id = c.id LIMIT 1) AS head,
                (SELECT count(*)::int FROM mail_outbox m WHERE m.case_id = c.id) AS mails
           FROM request_case c WHERE c.reference = $1`,
        [reference],
      )
    ).rows[0],
  );
  expect(row.behalf).toBe("child");
  expect(row.enc).not.toContain("01011550076");
  expect(row.letters).toBe(1);
  expect(Buffer.from(row.head).toString("latin1")).toBe("%PDF");
  expect(row.mails).toBe(0);
});
