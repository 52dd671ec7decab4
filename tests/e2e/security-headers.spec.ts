// Content-Security-Policy (issue 10, item 7): every HTML page carries a policy whose scripts need
// the request's nonce (no 'unsafe-inline'), and which forbids framing; and every page still works
// under it: no policy violation is reported while citizens and staff use the pages, including the
// proof-of-work widget of the e-mail-code sign-in and the request steps.
import { expect, test, type Page, type Response } from "@playwright/test";
import { signInWithEmailCode } from "./citizen-login";
import { signInAsStaff } from "./staff-login";
import { uniqueEmail } from "./support";

/** Records every CSP violation the page reports (from the first script on). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} on ${location.pathname}`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

function expectPolicy(response: Response | null, where: string) {
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-frame-options"], where).toBe("DENY");
}

test("citizen pages: a nonce policy on every page, no violation through the request steps and the e-mail-code sign-in", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  for (const path of ["/", "/login", "/too-many-requests", "/not-a-page"]) expectPolicy(await page.goto(path), path);
  // Two requests get two nonces.
  const a = (await page.goto("/"))?.headers()["content-security-policy"];
  const b = (await page.goto("/"))?.headers()["content-security-policy"];
  expect(a).not.toBe(b);

  // The step form (client-side validation) and the proof-of-work widget run under the policy.
  await page.goto("/request/new?right=access");
  await page.getByRole("button", { name: "Gå videre" }).click();
  await expect(page).toHaveURL(/\/request\/details$/);
  expectPolicy(await page.reload(), "/request/details");
  await signInWithEmailCode(page, uniqueEmail("csp"));
  await page.goto("/my-cases");
  expect(violations).toEqual([]);
});

test("staff pages: a nonce policy, no violation on the queue, a case page with a form open and the dashboard", async ({ page }) => {
  const violations = await watchViolations(page);
  expectPolicy(await page.goto("/staff/signin"), "/staff/signin");
  await signInAsStaff(page, "leder@demo.test");
  expectPolicy(await page.goto("/staff"), "/staff");
  await page.getByTestId("queue-more-filters").locator("summary").click();
  const first = page.locator("tbody tr").first().getByRole("link").first();
  await first.click();
  await expect(page.getByTestId("case-actions")).toBeVisible();
  await page.getByTestId("case-actions").getByRole("link").first().click();
  await page.locator("form button[type=submit]").first().click();
  // Let the form's answer arrive before leaving (a navigation now would abort it).
  await page.waitForLoadState("networkidle");
  expectPolicy(await page.goto("/staff/dashboard"), "/staff/dashboard");
  expect(violations).toEqual([]);
});

test("the portal cannot be framed by another page", async ({ page }) => {
  // frame-ancestors 'none' (and X-Frame-Options: DENY): the frame stays empty.
  const base = test.info().project.use.baseURL!;
  // No fixed sleep: the outer page's load event waits for its frames, blocked or not. The portal's
  // answer is seen to arrive (with its headers), and a control frame next to it shows that a frame's
  // text can be read at that point.
  const answer = page.waitForResponse((r) => r.url().startsWith(base) && r.request().resourceType() === "document");
  await page.setContent(`<iframe id="f" src="${base}/"></iframe><iframe id="control" srcdoc="<p>Kontroll</p>"></iframe>`, { waitUntil: "load" });
  const headers = (await answer).headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.frameLocator("#control").locator("p")).toHaveText("Kontroll");
  const frame = page.frames().find((f) => f.url().startsWith(base));
  const text = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
  expect(text).not.toContain("Personvernportalen");
});
