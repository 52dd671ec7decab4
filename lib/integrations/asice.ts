// ASiC-E containers and their CMS encryption, as Fiks IO carries them.
//
// Layout (ETSI TS 102 918; KS's ks-no/fiks-asice-dotnet AsiceArchive/CadesManifestCreator):
//   mimetype                    "application/vnd.etsi.asic-e+zip", first entry, stored (not deflated)
//   <payload files>             e.g. arkivmelding.xml and its attachments
//   META-INF/asicmanifest.xml   ASiCManifest: one DataObjectReference per file with its SHA-256 digest
//   META-INF/manifest.xml       OASIS (OpenDocument) manifest listing the files and their media types
// KS's clients also add a CAdES signature (META-INF/signature.p7s) made with the sender's business
// certificate. We do not sign (no business certificate here); KS's readers hand out the files of an
// unsigned container too. That is a known deviation, kept in one place: buildAsice.
//
// Encryption (ks-no kryptering CMSKrypteringImpl, used by ks-no/fiks-io-asice-handler): the whole
// container as CMS EnvelopedData, one KeyTransRecipientInfo for the receiver's certificate with
// RSAES-OAEP (SHA-256, MGF1-SHA-256), content encrypted with AES-256-CBC.
import { createHash, X509Certificate } from "node:crypto";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export const ASICE_MIME_TYPE = "application/vnd.etsi.asic-e+zip";
const ASIC_MANIFEST = "META-INF/asicmanifest.xml";
const OASIS_MANIFEST = "META-INF/manifest.xml";
const SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256";

export type AsiceFile = { name: string; bytes: Uint8Array; mimeType?: string };

function mimeTypeFor(name: string): string {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  const known: Record<string, string> = {
    xml: "application/xml",
    pdf: "application/pdf",
    json: "application/json",
    txt: "text/plain",
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
  };
  return known[ext] ?? "application/octet-stream";
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");
}

function checkName(name: string) {
  if (!name || name === "mimetype" || name.startsWith("META-INF/") || name.startsWith("/") || name.includes("..")) {
    throw new Error(`ASiC-E: not a valid payload file name: ${JSON.stringify(name)}`);
  }
}

/** An unencrypted, unsigned ASiC-E container with the files in the given order. */
export function buildAsice(files: AsiceFile[]): Uint8Array {
  const seen = new Set<string>();
  for (const file of files) {
    checkName(file.name);
    if (seen.has(file.name)) throw new Error(`ASiC-E: file name used twice: ${JSON.stringify(file.name)}`);
    seen.add(file.name);
  }
  const entries = files.map((f) => ({
    name: f.name,
    bytes: f.bytes,
    mimeType: f.mimeType ?? mimeTypeFor(f.name),
    digest: createHash("sha256").update(f.bytes).digest("base64"),
  }));
  const asicManifest =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<ASiCManifest xmlns="http://uri.etsi.org/2918/v1.2.1#" xmlns:ns2="http://www.w3.org/2000/09/xmldsig#">\n` +
    entries
      .map(
        (e) =>
          `  <DataObjectReference URI="${escapeXml(e.name)}" MimeType="${escapeXml(e.mimeType)}">\n` +
          `    <ns2:DigestMethod Algorithm="${SHA256_URI}"/>\n` +
          `    <ns2:DigestValue>${e.digest}</ns2:DigestValue>\n` +
          `  </DataObjectReference>\n`,
      )
      .join("") +
    `</ASiCManifest>\n`;
  const oasisManifest =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">\n` +
    `  <manifest:file-entry manifest:full-path="/" manifest:media-type="${ASICE_MIME_TYPE}"/>\n` +
    entries
      .map((e) => `  <manifest:file-entry manifest:full-path="${escapeXml(e.name)}" manifest:media-type="${escapeXml(e.mimeType)}"/>\n`)
      .join("") +
    `</manifest:manifest>\n`;

  // fflate keeps insertion order: mimetype first, stored (level 0) so a reader can sniff it at
  // offset 38 without inflating.
  const zippable: Zippable = { mimetype: [strToU8(ASICE_MIME_TYPE), { level: 0 }] };
  for (const e of entries) zippable[e.name] = [e.bytes, { level: 6 }];
  zippable[ASIC_MANIFEST] = [strToU8(asicManifest), { level: 6 }];
  zippable[OASIS_MANIFEST] = [strToU8(oasisManifest), { level: 6 }];
  return zipSync(zippable);
}

/** Declared SHA-256 digests from an ASiCManifest, by file name (other algorithms are skipped). */
function declaredDigests(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const blocks = xml.match(/<(?:[\w-]+:)?DataObjectReference\b[\s\S]*?<\/(?:[\w-]+:)?DataObjectReference>/g) ?? [];
  for (const block of blocks) {
    const uri = /\bURI="([^"]*)"/.exec(block)?.[1];
    const algorithm = /\bAlgorithm="([^"]*)"/.exec(block)?.[1];
    const value = /<(?:[\w-]+:)?DigestValue>\s*([^<\s]+)\s*</.exec(block)?.[1];
    if (!uri || !value || !algorithm || !/sha256$/i.test(algorithm)) continue;
    let name = unescapeXml(uri);
    try {
      name = decodeURIComponent(name);
    } catch {
      // Not percent-encoded.
    }
    out.set(name, value);
  }
  return out;
}

/**
 * The payload files of a container (not mimetype, not META-INF/*). Checks the mimetype entry and,
 * where the ASiC manifest declares SHA-256 digests, that each file matches its digest.
 */
export function readAsice(container: Uint8Array): { name: string; bytes: Uint8Array }[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(container);
  } catch (error) {
    throw new Error(`ASiC-E: not a zip container (${error instanceof Error ? error.message : "unreadable"})`);
  }
  const mimetype = entries["mimetype"];
  if (mimetype && strFromU8(mimetype).trim() !== ASICE_MIME_TYPE) {
    throw new Error("ASiC-E: the mimetype entry is not application/vnd.etsi.asic-e+zip");
  }
  const manifest = entries[ASIC_MANIFEST];
  const digests = manifest ? declaredDigests(strFromU8(manifest)) : new Map<string, string>();
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const [name, bytes] of Object.entries(entries)) {
    if (name === "mimetype" || name.startsWith("META-INF/") || name.endsWith("/")) continue;
    const declared = digests.get(name);
    if (declared && createHash("sha256").update(bytes).digest("base64") !== declared) {
      throw new Error(`ASiC-E: ${name} does not match its digest in the manifest`);
    }
    files.push({ name, bytes });
  }
  return files;
}

// --- CMS -------------------------------------------------------------------------------------

let engineReady = false;
function cryptoEngine(): pkijs.ICryptoEngine {
  if (!engineReady) {
    // Node's WebCrypto; pkijs otherwise looks for a browser `self.crypto`.
    pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: globalThis.crypto }));
    engineReady = true;
  }
  return pkijs.getCrypto(true);
}

function pemToDer(pem: string, label: string): ArrayBuffer {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  if (!match?.[1]) throw new Error(`Expected a PEM ${label}`);
  const der = Buffer.from(match[1].replace(/\s+/g, ""), "base64");
  return der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;
}

function derToPem(der: ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der).toString("base64");
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join("\n")}\n-----END ${label}-----\n`;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function parseCertificate(certificatePem: string): pkijs.Certificate {
  return pkijs.Certificate.fromBER(pemToDer(certificatePem, "CERTIFICATE"));
}

/** CMS EnvelopedData (DER, in a ContentInfo) of `data` for the holder of `certificatePem`. */
export async function encryptForCertificate(data: Uint8Array, certificatePem: string): Promise<Uint8Array> {
  const crypto = cryptoEngine();
  const certificate = parseCertificate(certificatePem);
  const enveloped = new pkijs.EnvelopedData();
  // Variant 1 = key transport (KeyTransRecipientInfo, IssuerAndSerialNumber); RSAES-OAEP with SHA-256.
  enveloped.addRecipientByCertificate(certificate, { oaepHashAlgorithm: "SHA-256" }, 1, crypto);
  await enveloped.encrypt({ name: "AES-CBC", length: 256 } as Algorithm, toArrayBuffer(data), crypto);
  const contentInfo = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.ENVELOPED_DATA, content: enveloped.toSchema() });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** Decrypts EnvelopedData addressed to `certificatePem` with its private key (PKCS#8 PEM). */
export async function decryptWithKey(cms: Uint8Array, privateKeyPem: string, certificatePem: string): Promise<Uint8Array> {
  const crypto = cryptoEngine();
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
  if (contentInfo.contentType !== pkijs.ContentInfo.ENVELOPED_DATA) throw new Error("CMS: not EnvelopedData");
  const enveloped = new pkijs.EnvelopedData({ schema: contentInfo.content });
  const certificate = parseCertificate(certificatePem);
  const index = enveloped.recipientInfos.findIndex((info) => {
    if (!(info.value instanceof pkijs.KeyTransRecipientInfo)) return false;
    const rid = info.value.rid;
    return (
      rid instanceof pkijs.IssuerAndSerialNumber &&
      rid.issuer.isEqual(certificate.issuer) &&
      rid.serialNumber.isEqual(certificate.serialNumber)
    );
  });
  if (index < 0) throw new Error("CMS: not encrypted for this certificate");
  const plain = await enveloped.decrypt(
    index,
    { recipientCertificate: certificate, recipientPrivateKey: pemToDer(privateKeyPem, "PRIVATE KEY") },
    crypto,
  );
  return new Uint8Array(plain);
}

/**
 * A self-signed RSA-2048 certificate and its PKCS#8 private key, for tests and demo-mode accounts.
 * Real Fiks IO accounts publish the public half of a key pair the organisation holds.
 */
export async function generateTestCertificate(commonName: string): Promise<{ certificatePem: string; privateKeyPem: string }> {
  const crypto = cryptoEngine();
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: "SHA-256",
  };
  const keys = (await crypto.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = globalThis.crypto.getRandomValues(new Uint8Array(16));
  serial[0] = serial[0]! & 0x7f; // positive INTEGER
  certificate.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  const name = [new pkijs.AttributeTypeAndValue({ type: "2.5.4.3", value: new asn1js.Utf8String({ value: commonName }) })];
  certificate.issuer.typesAndValues = name;
  certificate.subject.typesAndValues = [
    new pkijs.AttributeTypeAndValue({ type: "2.5.4.3", value: new asn1js.Utf8String({ value: commonName }) }),
  ];
  const now = new Date();
  certificate.notBefore.value = new Date(now.getTime() - 60_000);
  certificate.notAfter.value = new Date(now.getTime() + 5 * 365 * 24 * 3600_000);
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, crypto);
  await certificate.sign(keys.privateKey, "SHA-256", crypto);
  const certificatePem = derToPem(certificate.toSchema().toBER(false), "CERTIFICATE");
  const privateKeyPem = derToPem(await crypto.exportKey("pkcs8", keys.privateKey), "PRIVATE KEY");
  // Parse it back with node: a certificate node cannot read is no use to the stand-in either.
  new X509Certificate(certificatePem);
  return { certificatePem, privateKeyPem };
}
