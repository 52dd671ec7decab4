// The portal on another name for the same server (127.0.0.1 instead of localhost, which is
// PUBLIC_URL here): proxy.ts sends pages to the canonical origin first, so the cookies (request
// draft, sign-in state) and next-auth's callback URLs are all on one host. The e2e server listens
// on every interface (next start without -H), so 127.0.0.1 reaches it.
import { expect, test, type Page } from "@playwright/test";
import { completeTestIdPorten, readEmailCode, waitForProofOfWork } from "./citizen-login";
import { fillAboutMyself, goOn, send } from "./request-flow";
import { expectNoAxeViolations, uniqueEmail } from "./support";

function origins() {
  const canonical = new URL(test.info().project.use.baseURL!);
  return { canonical: canonical.origin, other: `http://127.0.0.1:${canonical.port}` };
}

async function expectAtCanonical(page: Page, pathAndQuery: string) {
  await page.waitForURL(`${origins().canonical}${pathAndQuery}`);
}

test("a page opened on 127.0.0.1 moves to localhost, and the e-mail-code sign-in from the summary keeps the draft", async ({ page, context }) => {
  const { other } = origins();
  await page.goto(`${other}/`);
  await expectAtCanonical(page, "/");
  await expectNoAxeViolations(page, "front page after the redirect");

  // The whole request flow starts on the wrong host; every step is on the canonical one.
  await page.goto(`${other}/request/new?right=access`);
  await expectAtCanonical(page, "/request/what");
  await expectNoAxeViolations(page, "what step");
  await goOn(page);
  await expectAtCanonical(page, "/request/details");
  await expectNoAxeViolations(page, "details step");
  await goOn(page);
  await expectAtCanonical(page, "/request/about");
  const email = uniqueEmail("vertsnavn");
  await fillAboutMyself(page, { email, name: "Verts Navnesen" });
  await expectNoAxeViolations(page, "about step");
  await goOn(page);
  await expectAtCanonical(page, "/request/summary");
  await expect(page.getByText("Verts Navnesen")).toBeVisible();
  await expectNoAxeViolations(page, "summary, signed out");

  // Sign in with an e-mail code by clicking through (no page.goto to the test's own base URL).
  await page.getByRole("button", { name: "Logg inn for å sende" }).click();
  await expectAtCanonical(page, "/login?returnTo=%2Frequest%2Fsummary");
  await expectNoAxeViolations(page, "/login");
  await page.getByLabel("E-postadresse").fill(email);
  await waitForProofOfWork(page);
  await page.getByRole("button", { name: "Send kode" }).click();
  await page.waitForURL((url) => url.pathname === "/login/code");
  await expectNoAxeViolations(page, "/login/code");
  const mailbox = await context.newPage();
  const code = await readEmailCode(mailbox, email);
  await expectNoAxeViolations(mailbox, "demo mailbox");
  await mailbox.close();
  await page.getByLabel("Kode fra e-posten").fill(code);
  await page.getByRole("button", { name: "Logg inn" }).click();

  // Back on the summary, signed in, with the draft that was filled in before signing in.
  await expectAtCanonical(page, "/request/summary");
  await expect(page.getByTestId("signed-in-note")).toBeVisible();
  await expect(page.getByText("Verts Navnesen")).toBeVisible();
  await expectNoAxeViolations(page, "summary, signed in");
  await send(page);
  expect(new URL(page.url()).origin).toBe(origins().canonical);
  await expectNoAxeViolations(page, "receipt");
});

test("ID-porten started from 127.0.0.1 signs in (on the canonical host) instead of ending on error=Configuration", async ({ page }) => {
  const { other } = origins();
  await page.goto(`${other}/login?returnTo=%2Fmy-cases`);
  await expectAtCanonical(page, "/login?returnTo=%2Fmy-cases");
  await expectNoAxeViolations(page, "/login after the redirect");
  await page.getByRole("button", { name: "Logg inn med ID-porten" }).click();
  await completeTestIdPorten(page, "substantial", 2);
  await expectAtCanonical(page, "/my-cases");
  await expect(page.getByRole("banner").getByRole("button", { name: "Logg ut" })).toBeVisible();
  await expectNoAxeViolations(page, "Mine saker");
});

test("over HTTP: GET and HEAD get a 308 (query kept, X-Forwarded-Host ignored), other methods a 421, /api answers on any host", async ({ request }) => {
  const { canonical, other } = origins();

  const get = await request.get(`${other}/request/what?right=access&x=%C3%B8`, { maxRedirects: 0 });
  expect(get.status()).toBe(308);
  expect(get.headers()["location"]).toBe(`${canonical}/request/what?right=access&x=%C3%B8`);
  expect(get.headers()["cache-control"]).toBe("no-store");

  const head = await request.head(`${other}/staff/cases/PV-2026-000001`, { maxRedirects: 0 });
  expect(head.status()).toBe(308);
  expect(head.headers()["location"]).toBe(`${canonical}/staff/cases/PV-2026-000001`);

  // A client cannot talk its way out of (or into) the redirect with X-Forwarded-Host.
  const forged = await request.get(`${other}/`, { maxRedirects: 0, headers: { "x-forwarded-host": new URL(canonical).host } });
  expect(forged.status()).toBe(308);
  const onCanonical = await request.get(`${canonical}/`, { maxRedirects: 0, headers: { "x-forwarded-host": "127.0.0.1:1" } });
  expect(onCanonical.status()).toBe(200);

  // A form post on the wrong host is neither redirected (it would become a GET, or re-send the body
  // to another origin) nor handled: 421, with a link to the page on the canonical origin.
  const post = await request.post(`${other}/request/summary`, { form: { a: "b" }, maxRedirects: 0 });
  expect(post.status()).toBe(421);
  expect(post.headers()["location"]).toBeUndefined();
  expect(await post.text()).toContain(`href="${canonical}/request/summary"`);

  // The liveness route answers on any host a load balancer uses (its own IP), uncached, no redirect.
  for (const origin of [other, canonical]) {
    const health = await request.get(`${origin}/api/health`, { maxRedirects: 0 });
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(health.headers()["cache-control"]).toBe("no-store");
    expect((await request.head(`${origin}/api/health`, { maxRedirects: 0 })).status()).toBe(200);
  }

  // /api is not redirected: the integration API and next-auth's endpoints answer on any host.
  const api = await request.post(`${other}/api/v1/requests`, {
    data: { rights: ["access"], name: "Api Vertsen", email: uniqueEmail("api-vert"), unit: "barnehage", submissionKey: crypto.randomUUID() },
    maxRedirects: 0,
  });
  expect(api.status()).toBe(201);
  const providers = await request.get(`${other}/api/citizen-auth/providers`, { maxRedirects: 0 });
  expect(providers.status()).toBe(200);
});
