// The municipal platform on this machine, for demo mode and the tests: Maskinporten, KRR, SvarUt
// and the archive (Fiks Arkiv over Fiks IO, with a private RabbitMQ broker), each a local stand-in
// speaking the real protocol. Returns the environment that points the portal at them, exactly as
// production configuration points it at the real services (README "Platform integrations").
// Without rabbitmq-server the archive stand-in cannot run: the portal then records archive
// references by hand, and this says so.
import http from "node:http";
import path from "node:path";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { startMaskinportenStandIn } from "./maskinporten-stand-in";
import { accessTokenVerifier } from "./access-token-verifier";
import { startKrrStandIn, type KrrStandIn } from "./krr-stand-in";
import { KRR_TEST_PERSONS } from "./krr-test-persons";
import { startSvarUtStandIn, type SvarUtStandIn } from "./svarut-stand-in";
import { startRabbitMq, RABBITMQ_MISSING_MESSAGE } from "./rabbitmq";
import { startFiksIoStandIn } from "./fiks-io-stand-in";
import { startArchiveStandIn } from "./archive-stand-in";
import { generateTestCertificate } from "@/lib/integrations/asice";
import { KRR_SCOPES } from "@/lib/integrations/krr";
import { SVARUT_SCOPE } from "@/lib/integrations/svarut";
import { FIKS_IO_SCOPE } from "@/lib/integrations/fiks-io";
import type { ArchiveCore } from "@/lib/archive/archive-core";

export type PlatformStandIns = {
  env: Record<string, string>;
  svarut: SvarUtStandIn;
  krr: KrrStandIn;
  archive: ArchiveCore | null;
  /** Where the demo pages read the stand-ins' state (GET JSON). */
  demoUrls: { svarut: string; archive: string | null };
  notes: string[];
  close(): Promise<void>;
};

/** Who has a digital mailbox, from the KRR stand-in's register: everyone else is printed by SvarUt. */
function recipientChannel(nationalId: string): "digital" | "print" {
  const person = KRR_TEST_PERSONS.find((p) => p.personidentifikator === nationalId);
  if (!person) return "print";
  const active = person.status === "AKTIV" && person.reservasjon !== "JA";
  return active && person.digital_post ? "digital" : "print";
}

/** A small read-only JSON view of the archive stand-in for /demo/archive (loopback only). */
async function startArchiveViewer(core: ArchiveCore, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const parts = url.pathname.split("/").filter(Boolean); // _standin / arkiv / [systemId] / [xml|files] / [index]
    if (parts[0] !== "_standin" || parts[1] !== "arkiv") {
      res.writeHead(404).end();
      return;
    }
    if (parts.length === 2) {
      const folders = core.folders().map((f) => ({
        systemId: f.systemId,
        caseNumber: f.caseNumber,
        caseKey: f.caseKey,
        title: f.title,
        status: f.status,
        createdAt: f.createdAt,
        closedAt: f.closedAt,
        entries: f.entries.map((e) => ({
          systemId: e.systemId,
          entryReference: e.entryReference,
          type: e.type,
          title: e.title,
          screened: e.screened,
          receivedAt: e.receivedAt,
          answeredBy: e.answeredBy ?? null,
          files: e.files.map((file, index) => ({ index, fileName: file.fileName, size: file.bytes.length })),
        })),
      }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(folders));
      return;
    }
    const entry = core.entry(parts[2] ?? "");
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    if (parts[3] === "xml") {
      res.writeHead(200, { "content-type": "application/xml; charset=utf-8" }).end(entry.xml);
      return;
    }
    const file = parts[3] === "files" ? entry.files[Number(parts[4])] : undefined;
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/pdf" }).end(Buffer.from(file.bytes));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return { url: `http://127.0.0.1:${actual}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function startPlatformStandIns(options: {
  dataDir: string;
  /** 0 = any free port; demo mode passes fixed ones so bookmarks of the demo pages keep working. */
  ports?: { maskinporten?: number; krr?: number; svarut?: number; fiksIo?: number; rabbitmq?: number; archiveViewer?: number };
  /** Statuses move on by themselves (demo); tests call advanceAll. */
  svarutAdvanceAfterMs?: number;
  log?: (line: string) => void;
}): Promise<PlatformStandIns> {
  const ports = options.ports ?? {};
  const closers: (() => Promise<void>)[] = [];
  const notes: string[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    const clientId = `personvernportalen-${randomUUID().slice(0, 8)}`;
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const maskinporten = await startMaskinportenStandIn({
      port: ports.maskinporten ?? 0,
      clients: [
        { clientId, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), scopes: [...KRR_SCOPES, SVARUT_SCOPE, FIKS_IO_SCOPE], orgNumber: "964338531" },
      ],
    });
    closers.push(() => maskinporten.close());
    const authorize = accessTokenVerifier({ issuer: maskinporten.issuer, jwksUri: maskinporten.jwksUri });

    const krr = await startKrrStandIn({ port: ports.krr ?? 0, authorize });
    closers.push(() => krr.close());

    const svarutAccount = { accountId: randomUUID(), integrationId: randomUUID(), integrationPassword: randomUUID() };
    const svarut = await startSvarUtStandIn({ port: ports.svarut ?? 0, authorize, accounts: [svarutAccount], recipientChannel, advanceAfterMs: options.svarutAdvanceAfterMs });
    closers.push(() => svarut.close());

    const env: Record<string, string> = {
      MASKINPORTEN_TOKEN_URL: maskinporten.tokenEndpoint,
      MASKINPORTEN_ISSUER: maskinporten.issuer,
      MASKINPORTEN_CLIENT_ID: clientId,
      MASKINPORTEN_PRIVATE_KEY: privateKeyPem,
      MASKINPORTEN_KEY_ID: "portal-key-1",
      KRR_URL: krr.url,
      SVARUT_URL: svarut.url,
      SVARUT_ACCOUNT_ID: svarutAccount.accountId,
      SVARUT_INTEGRATION_ID: svarutAccount.integrationId,
      SVARUT_INTEGRATION_PASSWORD: svarutAccount.integrationPassword,
    };

    let archive: ArchiveCore | null = null;
    let archiveUrl: string | null = null;
    const broker = await startRabbitMq({ dataDir: path.join(options.dataDir, "rabbitmq"), port: ports.rabbitmq });
    if (!broker) {
      notes.push(`${RABBITMQ_MISSING_MESSAGE}. Until then the archive integration is off: staff record archive references by hand.`);
    } else {
      closers.push(() => broker.stop());
      const portal = { accountId: randomUUID(), integrationId: randomUUID(), integrationPassword: randomUUID(), ...(await generateTestCertificate("Personvernportalen")) };
      const arkiv = { accountId: randomUUID(), integrationId: randomUUID(), integrationPassword: randomUUID(), ...(await generateTestCertificate("Arkiv (stand-in)")) };
      const fiksIo = await startFiksIoStandIn({
        port: ports.fiksIo ?? 0,
        amqpUrl: broker.amqpUrl,
        authorize,
        accounts: [
          { accountId: portal.accountId, integrationId: portal.integrationId, integrationPassword: portal.integrationPassword, certificatePem: portal.certificatePem, name: "Personvernportalen" },
          { accountId: arkiv.accountId, integrationId: arkiv.integrationId, integrationPassword: arkiv.integrationPassword, certificatePem: arkiv.certificatePem, name: "Arkiv" },
        ],
      });
      closers.push(() => fiksIo.close());
      // The archive gets its own Maskinporten token source: it is another organisation's system.
      const { maskinportenTokenSource } = await import("@/lib/integrations/maskinporten");
      const archiveTokens = maskinportenTokenSource({ tokenEndpoint: maskinporten.tokenEndpoint, audience: maskinporten.issuer, clientId, privateKeyPem, keyId: "portal-key-1" });
      const archiveStandIn = await startArchiveStandIn({
        fiksIo: {
          apiUrl: fiksIo.url,
          amqpUrl: broker.amqpUrl,
          accountId: arkiv.accountId,
          integrationId: arkiv.integrationId,
          integrationPassword: arkiv.integrationPassword,
          accessToken: () => archiveTokens([FIKS_IO_SCOPE]),
          privateKeyPem: arkiv.privateKeyPem,
          certificatePem: arkiv.certificatePem,
        },
      });
      closers.push(() => archiveStandIn.close());
      archive = archiveStandIn.core;
      const viewer = await startArchiveViewer(archive, ports.archiveViewer ?? 0);
      closers.push(() => viewer.close());
      archiveUrl = viewer.url;
      Object.assign(env, {
        FIKS_IO_API_URL: fiksIo.url,
        FIKS_IO_AMQP_URL: broker.amqpUrl,
        FIKS_IO_ACCOUNT_ID: portal.accountId,
        FIKS_IO_INTEGRATION_ID: portal.integrationId,
        FIKS_IO_INTEGRATION_PASSWORD: portal.integrationPassword,
        FIKS_IO_PRIVATE_KEY: portal.privateKeyPem,
        FIKS_IO_CERTIFICATE: portal.certificatePem,
        FIKS_ARKIV_ACCOUNT_ID: arkiv.accountId,
      });
      options.log?.(`RabbitMQ for the Fiks IO stand-in started in ${broker.startedInMs} ms`);
    }
    env.DEMO_SVARUT_URL = svarut.url;
    if (archiveUrl) env.DEMO_ARCHIVE_URL = archiveUrl;
    return { env, svarut, krr, archive, demoUrls: { svarut: svarut.url, archive: archiveUrl }, notes, close };
  } catch (error) {
    await close();
    throw error;
  }
}
