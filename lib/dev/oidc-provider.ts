// A local stand-in for ID-porten, for development and tests only: a real OpenID Connect provider
// (oidc-provider) with one registered client (the portal) and a login page where you pick a test
// person and a security level. Started by scripts/serve.ts when IDPORTEN_ISSUER is not set.
//
// What it gives, like ID-porten: an id_token with `pid` (a synthetic fødselsnummer), `acr`
// (idporten-loa-substantial or idporten-loa-high), `amr` and `locale`; no name. It honours
// acr_values (if high was asked for, only high can be chosen) and asks every time (no single sign-on),
// so you can switch test persons after signing out.
//
// With `staffClient` it also stands in for the municipality's own identity provider (Entra ID) for
// staff sign-in: a second client ("portal-staff") whose login page lists the staff test accounts
// (lib/dev/test-persons.ts STAFF_TEST_ACCOUNTS) and whose id_token carries `email` and `name`.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { interactionPolicy } from "oidc-provider";
import { STAFF_TEST_ACCOUNTS, TEST_PERSONS } from "./test-persons";

export const ACR_SUBSTANTIAL = "idporten-loa-substantial";
export const ACR_HIGH = "idporten-loa-high";
const LEVELS = {
  substantial: { acr: ACR_SUBSTANTIAL, amr: ["Minid-PIN"], label: "MinID (sikkerhetsnivå betydelig)" },
  high: { acr: ACR_HIGH, amr: ["BankID"], label: "BankID (sikkerhetsnivå høyt)" },
} as const;
type LevelKey = keyof typeof LEVELS;

export type TestIdPorten = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The staff client, when `staffClient` was given. */
  staff: { clientId: string; clientSecret: string } | null;
  close(): Promise<void>;
};

export type TestIdPortenOptions = {
  /** Port (default OIDC_DEV_PORT or 3110). The issuer is http://localhost:<port>. */
  port?: number;
  /** Address to listen on (default OIDC_DEV_BIND or 127.0.0.1; "0.0.0.0" inside a container). */
  host?: string;
  /** The portal's public base URL; the redirect URI is <publicUrl>/api/citizen-auth/callback/idporten. */
  publicUrl: string;
  clientId?: string;
  clientSecret?: string;
  /** Also register the staff client; its redirect URI is <publicUrl>/api/auth/callback/staff-oidc. */
  staffClient?: { clientId?: string; clientSecret?: string };
};

/** ID-porten's `sub` is an opaque pairwise id, not the fødselsnummer. */
function subjectFor(pid: string) {
  return createHash("sha256").update(`test-idporten:${pid}`).digest("base64url").slice(0, 32);
}

function staffSubjectFor(email: string) {
  return createHash("sha256").update(`test-staff:${email.toLowerCase()}`).digest("base64url").slice(0, 32);
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function renderLoginPage(opts: { uid: string; clientName: string; highOnly: boolean; error?: string; person?: string }) {
  const levels: LevelKey[] = opts.highOnly ? ["high"] : ["substantial", "high"];
  const persons = TEST_PERSONS.map(
    (p, i) => `
        <div class="choice">
          <input type="radio" id="person-${i}" name="person" value="${i}" required${opts.person === String(i) ? " checked" : ""}>
          <label for="person-${i}">${escapeHtml(p.label)} <span class="pid">fødselsnummer ${p.pid}</span></label>
        </div>`,
  ).join("");
  const levelChoices = levels
    .map(
      (key, i) => `
        <div class="choice">
          <input type="radio" id="level-${key}" name="level" value="${key}" required${i === 0 ? " checked" : ""}>
          <label for="level-${key}">${LEVELS[key].label}</label>
        </div>`,
    )
    .join("");
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test-ID-porten (kun for utvikling)</title>
<style>
  body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1a1a1a; background: #fff; }
  .banner { background: #ffe08a; border-bottom: 3px solid #8a5a00; padding: 0.75rem 1rem; margin: 0; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  fieldset { border: 1px solid #6b6b6b; border-radius: 4px; margin: 0 0 1.25rem; padding: 0.75rem 1rem; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .choice { display: flex; gap: 0.5rem; align-items: baseline; margin: 0.4rem 0; }
  .choice input { width: 1.2rem; height: 1.2rem; }
  .pid { display: block; color: #404040; font-size: 0.9rem; }
  .error { border: 2px solid #b3001b; background: #fff0f0; padding: 0.75rem 1rem; margin: 0 0 1rem; }
  .buttons { display: flex; gap: 1rem; flex-wrap: wrap; }
  button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 4px; border: 2px solid #0062ba; cursor: pointer; }
  button.primary { background: #0062ba; color: #fff; }
  button.secondary { background: #fff; color: #0062ba; }
  button:focus-visible, input:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
</style>
</head>
<body>
<header>
  <p class="banner"><strong>Ikke ekte ID-porten.</strong> Denne siden finnes bare når portalen kjører lokalt eller i test. Testpersonene er oppdiktede.</p>
</header>
<main>
  <h1>Test-ID-porten (kun for utvikling)</h1>
  <p>${escapeHtml(opts.clientName)} ber deg logge inn. Velg hvem du vil være og hvordan du logger inn.</p>
  ${opts.highOnly ? '<p id="high-only">Tjenesten krever høyt sikkerhetsnivå. Bare BankID kan velges.</p>' : ""}
  ${opts.error ? `<div class="error" role="alert">${escapeHtml(opts.error)}</div>` : ""}
  <form method="post" action="/interaction/${escapeHtml(opts.uid)}">
    <fieldset>
      <legend>Testperson</legend>${persons}
    </fieldset>
    <fieldset>
      <legend>Innloggingsmetode</legend>${levelChoices}
    </fieldset>
    <div class="buttons">
      <button type="submit" class="primary" name="action" value="login">Logg inn</button>
      <button type="submit" class="secondary" name="action" value="abort" formnovalidate>Avbryt</button>
    </div>
  </form>
</main>
</body>
</html>`;
}

function renderStaffLoginPage(opts: { uid: string; error?: string }) {
  const accounts = STAFF_TEST_ACCOUNTS.map(
    (a, i) => `
        <div class="choice">
          <input type="radio" id="account-${i}" name="account" value="${i}" required>
          <label for="account-${i}">${escapeHtml(a.label)} <span class="pid">${escapeHtml(a.email)}</span></label>
        </div>`,
  ).join("");
  return renderLoginPage({ uid: opts.uid, clientName: "", highOnly: false })
    .replace("<title>Test-ID-porten (kun for utvikling)</title>", "<title>Test-innlogging for ansatte (kun for utvikling)</title>")
    .replace(/<strong>Ikke ekte ID-porten.<\/strong>[^<]*/, "<strong>Ikke kommunens ekte innlogging.</strong> Denne siden finnes bare når portalen kjører lokalt eller i test. Kontoene er oppdiktede.")
    .replace(/<main>[\s\S]*<\/main>/, `<main>
  <h1>Test-innlogging for ansatte (kun for utvikling)</h1>
  <p>Står i stedet for kommunens egen innlogging (for eksempel Entra ID). Velg hvilken ansatt du vil være.</p>
  ${opts.error ? `<div class="error" role="alert">${escapeHtml(opts.error)}</div>` : ""}
  <form method="post" action="/interaction/${escapeHtml(opts.uid)}">
    <fieldset>
      <legend>Ansatt</legend>${accounts}
    </fieldset>
    <div class="buttons">
      <button type="submit" class="primary" name="action" value="login">Logg inn</button>
      <button type="submit" class="secondary" name="action" value="abort" formnovalidate>Avbryt</button>
    </div>
  </form>
</main>`);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

export async function startTestIdPorten(options: TestIdPortenOptions): Promise<TestIdPorten> {
  const port = options.port ?? Number(process.env.OIDC_DEV_PORT ?? 3110);
  const issuer = `http://localhost:${port}`;
  const clientId = options.clientId ?? "personvernportalen-dev";
  const clientSecret = options.clientSecret ?? randomBytes(32).toString("base64url");
  const redirectUri = `${options.publicUrl.replace(/\/$/, "")}/api/citizen-auth/callback/idporten`;
  const pidBySubject = new Map(TEST_PERSONS.map((p) => [subjectFor(p.pid), p.pid]));
  const staffBySubject = new Map(STAFF_TEST_ACCOUNTS.map((a) => [staffSubjectFor(a.email), a]));
  const staff = options.staffClient
    ? {
        clientId: options.staffClient.clientId ?? "portal-staff",
        clientSecret: options.staffClient.clientSecret ?? randomBytes(32).toString("base64url"),
      }
    : null;
  const publicBase = options.publicUrl.replace(/\/$/, "");

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-idporten", use: "sig", alg: "RS256" };

  // No single sign-on: every authorization request shows the login page, so the requested level is
  // always honoured and another test person can be chosen after signing out.
  const policy = interactionPolicy.base();
  policy.get("login")!.checks.add(
    new interactionPolicy.Check("always_login", "the test ID-porten asks every time", (ctx) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  );

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: "Personvernportalen",
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [options.publicUrl.replace(/\/$/, "") + "/"],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
      ...(staff
        ? [
            {
              client_id: staff.clientId,
              client_secret: staff.clientSecret,
              client_name: "Personvernportalen (ansatte)",
              redirect_uris: [`${publicBase}/api/auth/callback/staff-oidc`],
              post_logout_redirect_uris: [`${publicBase}/staff/signin`],
              grant_types: ["authorization_code"],
              response_types: ["code"],
              token_endpoint_auth_method: "client_secret_basic",
            },
          ]
        : []),
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    acrValues: [ACR_SUBSTANTIAL, ACR_HIGH],
    scopes: ["openid", "profile", "email"],
    claims: {
      acr: null,
      amr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: ["sub", "pid", "locale"],
      // Only the staff accounts have these (ID-porten gives no name or address).
      email: ["email", "email_verified"],
      profile: ["name"],
    },
    // ID-porten puts pid, acr, amr and locale in the id_token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`, policy },
    async findAccount(_ctx: unknown, sub: string) {
      const staffAccount = staffBySubject.get(sub);
      if (staffAccount) {
        return {
          accountId: sub,
          claims: async () => ({ sub, email: staffAccount.email, email_verified: true, name: staffAccount.name, locale: "nb" }),
        };
      }
      const pid = pidBySubject.get(sub);
      if (!pid) return undefined;
      return { accountId: sub, claims: async () => ({ sub, pid, locale: "nb" }) };
    },
    ttl: { Session: 30 * 60, Interaction: 30 * 60, Grant: 30 * 60, AccessToken: 10 * 60, AuthorizationCode: 60, IdToken: 10 * 60 },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Feil i test-ID-porten</title></head><body><main><h1>Feil i test-ID-porten</h1><p>${escapeHtml(out.error ?? "")}: ${escapeHtml(out.error_description ?? "")}</p></main></body></html>`;
    },
  });

  const oidcHandler = provider.callback();

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, "<!doctype html><title>Ugyldig</title>");
    if (staff && details.params.client_id === staff.clientId) return handleStaffInteraction(req, res, details);
    const requested = (details.params.acr_values ?? "").split(" ").filter(Boolean);
    const highOnly = requested.length > 0 && requested.every((acr) => acr === ACR_HIGH);
    const page = { uid, clientName: "Personvernportalen", highOnly };

    if (req.method === "GET") return send(res, 200, renderLoginPage(page));
    if (req.method !== "POST") return send(res, 405, "<!doctype html><title>405</title>");

    const form = await readForm(req);
    if (form.get("action") === "abort") {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "Avbrutt av brukeren" }, {
        mergeWithLastSubmission: false,
      });
    }
    const person = TEST_PERSONS[Number(form.get("person") ?? "-1")];
    const levelKey = form.get("level") as LevelKey | null;
    const level = levelKey && levelKey in LEVELS ? LEVELS[levelKey] : undefined;
    if (!person || !level) {
      return send(res, 400, renderLoginPage({ ...page, error: "Velg en testperson og en innloggingsmetode.", person: form.get("person") ?? undefined }));
    }
    if (highOnly && level.acr !== ACR_HIGH) {
      return send(res, 400, renderLoginPage({ ...page, error: "Tjenesten krever høyt sikkerhetsnivå: velg BankID.", person: form.get("person") ?? undefined }));
    }

    const accountId = subjectFor(person.pid);
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope ?? "openid");
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId, acr: level.acr, amr: [...level.amr], remember: false }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  async function handleStaffInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    details: Awaited<ReturnType<typeof provider.interactionDetails>>,
  ) {
    if (req.method === "GET") return send(res, 200, renderStaffLoginPage({ uid: details.uid }));
    if (req.method !== "POST") return send(res, 405, "<!doctype html><title>405</title>");
    const form = await readForm(req);
    if (form.get("action") === "abort") {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "Avbrutt av brukeren" }, {
        mergeWithLastSubmission: false,
      });
    }
    const account = STAFF_TEST_ACCOUNTS[Number(form.get("account") ?? "-1")];
    if (!account) return send(res, 400, renderStaffLoginPage({ uid: details.uid, error: "Velg en ansatt." }));
    const accountId = staffSubjectFor(account.email);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId, amr: ["pwd"], remember: false }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const server = http.createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!match) return oidcHandler(req, res);
    handleInteraction(req, res, match[1]!).catch((error: Error) => {
      console.error(`[test-idporten] interaction failed: ${error.name}`);
      if (!res.headersSent) send(res, 400, `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Feil</title></head><body><main><h1>Innloggingen kan ikke fortsette</h1><p>Start innloggingen på nytt fra portalen.</p></main></body></html>`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, options.host ?? process.env.OIDC_DEV_BIND ?? "127.0.0.1", () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  if (actualPort !== port) throw new Error("test ID-porten bound to an unexpected port");

  return {
    issuer,
    clientId,
    clientSecret,
    staff,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
