import { expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import { E2E_DB } from "../../playwright.config";

const RAW_MESSAGE_KEY =
  /\b(?:requestFlow|requestForm|myCases|identity|abuse|staffQueue|caseWork|letters|validation|errors|staff|layout|home|receipt|rights|caseStatus|channel|demoMailbox|demoClock|mail)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*\b/;

/** A message placeholder that was never filled in ("E-post: {email}"). */
const RAW_PLACEHOLDER = /\{[A-Za-z_][A-Za-z0-9_]*\}/;

/** The page's HTML without scripts (client components get texts with placeholders they fill in themselves). */
async function visibleHtml(page: Page): Promise<string> {
  return (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
}

/**
 * What every rendered page must pass: no untranslated key, no unfilled placeholder, and an axe scan
 * with WCAG 2.1 A/AA and axe's best-practice rules at zero violations.
 */
export async function expectNoAxeViolations(page: Page, context = "") {
  // Every scanned page is also checked for untranslated texts: next-intl shows a missing message
  // as its key path (e.g. "requestFlow.about.heading"), which no test would otherwise notice.
  const text = await page.locator("body").innerText();
  expect(text.match(RAW_MESSAGE_KEY), `untranslated text ${context} on ${page.url()}`).toBeNull();
  expect((await visibleHtml(page)).match(RAW_PLACEHOLDER)?.[0], `unformatted placeholder ${context} on ${page.url()}`).toBeUndefined();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations ${context} on ${page.url()}`).toEqual([]);
}

/**
 * axe needs JavaScript in the page. For a page rendered with JavaScript disabled, serve its exact
 * HTML (scripts stripped, same URL so the CSS loads) to a scripting page and scan that.
 */
export async function expectNoAxeViolationsWithoutJs(browser: Browser, page: Page, context = "") {
  // After a click the navigation may still be under way: scan the page that arrives, not the gap.
  await page.waitForLoadState("load");
  await expect(page.locator("html")).toHaveAttribute("lang", /^(nb|nn|en)$/);
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const url = page.url();
  const scanContext = await browser.newContext({ javaScriptEnabled: true, locale: "nb-NO" });
  const scanPage = await scanContext.newPage();
  try {
    await scanPage.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
    await scanPage.goto(url);
    await expectNoAxeViolations(scanPage, context);
  } finally {
    await scanContext.close();
  }
}

/** Reads the demo mailbox page (mail caught by the app's real SMTP catcher) until a mail matches. */
export async function waitForMail(page: Page, match: { to: string; subjectIncludes?: string; subjectPattern?: RegExp; timeoutMs?: number }) {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        // The subject filter too: a reminder run mails one caseworker about a hundred cases, and
        // the page lists the newest 100.
        const subject = match.subjectIncludes ? `&subject=${encodeURIComponent(match.subjectIncludes)}` : "";
        await page.goto(`/demo/mailbox?to=${encodeURIComponent(match.to.toLowerCase())}${subject}`);
        const cards = page.getByTestId("demo-mail");
        const count = await cards.count();
        for (let i = 0; i < count; i++) {
          const card = cards.nth(i);
          const to = await card.getByTestId("demo-mail-to").innerText();
          const subject = await card.getByRole("heading").innerText();
          const subjectOk = (!match.subjectIncludes || subject.includes(match.subjectIncludes)) && (!match.subjectPattern || match.subjectPattern.test(subject));
          if (to.includes(match.to) && subjectOk) {
            found = { subject, text: await card.innerText() };
            return true;
          }
        }
        return false;
      },
      { timeout: match.timeoutMs ?? 20_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: E2E_DB.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}
