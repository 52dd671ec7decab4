// The receipt as a PDF to keep (issue 19): downloaded from the receipt page and from the case in
// Mine saker, parsed back with pdf-lib; another token, another citizen or no sign-in gets 404.
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { expectNoAxeViolations, uniqueEmail } from "./support";
import { fillAboutMyself, goOn, signInAndSend, startWith } from "./request-flow";
import { signInWithEmailCode } from "./citizen-login";

/** The text drawn in the PDF (Helvetica text is hex-encoded in Tj operators, in Flate streams). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  return [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
    .map((m) => {
      const bytes = Buffer.from(m[1]!, "latin1");
      try {
        return inflateSync(bytes).toString("latin1");
      } catch {
        return bytes.toString("latin1");
      }
    })
    .join("\n")
    .split("\n")
    .map((line) => /^<([0-9A-Fa-f]*)> Tj$/.exec(line.trim())?.[1])
    .filter((hex): hex is string => hex !== undefined)
    .map((hex) => Buffer.from(hex, "hex").toString("latin1"))
    .join(" ");
}

/** Clicks the link and returns the downloaded file and its suggested name. */
async function download(page: Page, link: ReturnType<Page["getByTestId"]>) {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

async function fileAccessRequest(page: Page, email: string) {
  await startWith(page, "access");
  await goOn(page);
  await goOn(page);
  await fillAboutMyself(page, { email, name: "Kvittering Testesen" });
  await goOn(page);
  return signInAndSend(page, email);
}

test("the receipt downloads as a PDF from the receipt page and from Mine saker; others get 404", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("kvittering-pdf");
  const reference = await fileAccessRequest(page, email);
  const receiptPath = new URL(page.url()).pathname;
  await expectNoAxeViolations(page, "receipt with the PDF link");

  const fromReceipt = await download(page, page.getByTestId("receipt-pdf-link"));
  expect(fromReceipt.name).toBe(`kvittering-${reference}.pdf`);
  const doc = await PDFDocument.load(fromReceipt.bytes);
  expect(doc.getPageCount()).toBe(1);
  expect(doc.getTitle()).toBe(`Kvittering for forespørsel ${reference}`);
  expect(doc.getSubject()).toBe(reference);
  const text = pdfText(fromReceipt.bytes);
  expect(text).toContain(reference);
  expect(text).toContain("Se hvilke opplysninger kommunen har om meg (Rett til innsyn)");
  expect(text).toMatch(/Du får svar innen \S+ \d+\. \S+ \d{4}\./);
  expect(text).toContain("«Mine saker»");
  expect(text).not.toContain("Kvittering Testesen");
  expect(text).not.toContain(email);

  // The same receipt from the case page in Mine saker (the signed-in owner).
  await page.goto(`/my-cases/${reference}`);
  const fromCase = await download(page, page.getByTestId("receipt-pdf-link"));
  expect(fromCase.name).toBe(`kvittering-${reference}.pdf`);
  expect(pdfText(fromCase.bytes)).toContain(reference);

  // The headers: a download, never cached.
  const direct = await page.request.get(`${receiptPath}/pdf`);
  expect(direct.status()).toBe(200);
  expect(direct.headers()["content-type"]).toBe("application/pdf");
  expect(direct.headers()["content-disposition"]).toBe(`attachment; filename="kvittering-${reference}.pdf"`);
  expect(direct.headers()["cache-control"]).toBe("private, no-store");

  // Another token, a malformed one: 404.
  expect((await page.request.get(`/receipt/${"A".repeat(32)}/pdf`)).status()).toBe(404);
  expect((await page.request.get("/receipt/kort/pdf")).status()).toBe(404);
  // The owner's route for a case that does not exist: 404.
  expect((await page.request.get("/api/receipts/PV-1999-000001/pdf")).status()).toBe(404);

  // Not signed in: 404 from the owner's route (the token still works: it is the receipt page's key).
  const anonymous = await browser.newContext();
  try {
    expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/receipts/${reference}/pdf`)).status()).toBe(404);
    expect((await anonymous.request.get(`${new URL(page.url()).origin}${receiptPath}/pdf`)).status()).toBe(200);
  } finally {
    await anonymous.close();
  }

  // Another citizen, signed in: 404 for this case.
  const other = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", baseURL: new URL(page.url()).origin });
  try {
    const otherPage = await other.newPage();
    await signInWithEmailCode(otherPage, uniqueEmail("annen-innbygger"));
    expect((await otherPage.request.get(`/api/receipts/${reference}/pdf`)).status()).toBe(404);
    await otherPage.goto(`/my-cases/${reference}`);
    await expect(otherPage.getByTestId("receipt-pdf-link")).toHaveCount(0);
    await expectNoAxeViolations(otherPage, "another citizen's case: not found");
  } finally {
    await other.close();
  }
});

test("the receipt PDF is in the language of the page", async ({ page }) => {
  const email = uniqueEmail("kvittering-en");
  const reference = await fileAccessRequest(page, email);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoAxeViolations(page, "receipt in English");
  const file = await download(page, page.getByTestId("receipt-pdf-link"));
  expect(file.name).toBe(`receipt-${reference}.pdf`);
  expect((await PDFDocument.load(file.bytes)).getTitle()).toBe(`Receipt for request ${reference}`);
  expect(pdfText(file.bytes)).toContain("See what information the municipality has about me (Right of access)");
  await page.getByRole("button", { name: "Bokmål" }).click();
});
