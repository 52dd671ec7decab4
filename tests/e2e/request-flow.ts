// Shared steps of the citizen's request flow for the e2e specs (bokmål labels).
import { expect, type Page } from "@playwright/test";
import { signInWithEmailCode } from "./citizen-login";
import type { Right } from "@/lib/domain/rights";

export const RIGHT_TITLES: Record<Right, string> = {
  access: "Se hvilke opplysninger kommunen har om meg",
  rectification: "Rette feil opplysninger",
  erasure: "Slette opplysninger",
  restriction: "Begrense bruken av opplysninger",
  objection: "Protestere mot bruken",
  portability: "Få opplysningene mine i et maskinlesbart format",
};

/** A valid (non-synthetic) fødselsnummer: 1 January 1990, both check digits right. */
export const VALID_FNR = "01019012480";

export async function goOn(page: Page) {
  const from = page.url();
  await page.getByRole("button", { name: "Gå videre" }).click();
  // Until the next step is there (or the step shows its errors): a test that goes on at once must
  // not race the navigation.
  await Promise.race([page.waitForURL((url) => url.href !== from), page.locator(".ds-error-summary").waitFor()]);
}

/** From the start page link to the first step with `right` ticked. */
export async function startWith(page: Page, right: Right) {
  await page.goto(`/request/new?right=${right}`);
  await expect(page).toHaveURL(/\/request\/what$/);
  await expect(page.getByRole("checkbox", { name: RIGHT_TITLES[right] })).toBeChecked();
}

export async function fillDetailsFor(page: Page, right: Right) {
  switch (right) {
    case "access":
      break;
    case "rectification":
      await page.getByLabel(/Hvilke opplysninger er feil/).fill("Adressen min i barnehagesystemet");
      await page.getByLabel(/Hva er riktig/).fill("Nygårdsgaten 1, 5015 Bergen");
      break;
    case "erasure":
      await page.getByLabel(/Hvilke opplysninger vil du ha slettet/).fill("Bilder fra skoleavslutningen");
      await page.getByLabel("Jeg trekker tilbake samtykket mitt").check();
      break;
    case "restriction":
      await page.getByLabel(/Hvilken bruk av opplysningene gjelder det/).fill("Deling med NAV");
      await page.getByLabel("Jeg mener opplysningene er feil, og dere må sjekke dem").check();
      break;
    case "objection":
      await page.getByLabel(/Hvilken bruk av opplysningene gjelder det/).fill("Nyhetsbrev fra kulturkontoret");
      await page.getByLabel("Ja, det gjelder markedsføring").check();
      break;
    case "portability":
      await page.getByLabel(/Hvilke opplysninger har du selv gitt oss/).fill("Søknaden om barnehageplass");
      break;
  }
}

export async function fillAboutMyself(page: Page, opts: { name?: string; email: string; paper?: string }) {
  await page.getByLabel(/Fullt navn/).fill(opts.name ?? "Kari Nordmann");
  await page.getByLabel(/E-postadressen din/).fill(opts.email);
  await page.getByLabel("Meg selv").check();
  if (opts.paper) {
    await page.getByLabel("Brev i posten").check();
    await page.getByLabel(/Postadressen din/).fill(opts.paper);
  } else {
    await page.getByLabel("Digitalt i portalen").check();
  }
}

/**
 * From the summary (or the login page it led to): signs in with an e-mail code, which returns to the
 * summary (the draft is kept), and sends; ends on the receipt.
 */
export async function signInAndSend(page: Page, email: string) {
  await signInWithEmailCode(page, email, { returnTo: "/request/summary" });
  await expect(page.getByTestId("signed-in-note")).toBeVisible();
  return send(page);
}

/** Presses Send on the summary of a signed-in citizen; returns the reference on the receipt. */
export async function send(page: Page) {
  await expect(page).toHaveURL(/\/request\/summary$/);
  await page.getByRole("button", { name: "Send forespørselen" }).click();
  await expect(page).toHaveURL(/\/receipt\/[A-Za-z0-9_-]+$/);
  const reference = (await page.getByTestId("case-reference").innerText()).trim();
  expect(reference).toMatch(/^PV-\d{4}-\d{6}$/);
  return reference;
}
