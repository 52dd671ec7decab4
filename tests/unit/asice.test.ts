import { describe, expect, it, beforeAll } from "vitest";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import {
  buildAsice,
  decryptWithKey,
  encryptForCertificate,
  generateTestCertificate,
  readAsice,
} from "@/lib/integrations/asice";

const xml = strToU8('<?xml version="1.0"?><arkivmelding>æøå</arkivmelding>');
const pdf = new Uint8Array(4096).map((_, i) => (i * 31) % 256);

describe("ASiC-E container", () => {
  it("round trips the payload files in order, without mimetype and META-INF", () => {
    const container = buildAsice([
      { name: "arkivmelding.xml", bytes: xml },
      { name: "vedlegg/brev.pdf", bytes: pdf, mimeType: "application/pdf" },
    ]);
    const files = readAsice(container);
    expect(files.map((f) => f.name)).toEqual(["arkivmelding.xml", "vedlegg/brev.pdf"]);
    expect(Buffer.from(files[0]!.bytes).equals(Buffer.from(xml))).toBe(true);
    expect(Buffer.from(files[1]!.bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it("puts mimetype first, stored, with no extra field", () => {
    const container = buildAsice([{ name: "arkivmelding.xml", bytes: xml }]);
    const view = Buffer.from(container);
    expect(view.readUInt32LE(0)).toBe(0x04034b50); // local file header
    expect(view.readUInt16LE(8)).toBe(0); // method 0 = stored
    const nameLength = view.readUInt16LE(26);
    const extraLength = view.readUInt16LE(28);
    expect(view.subarray(30, 30 + nameLength).toString()).toBe("mimetype");
    expect(extraLength).toBe(0);
    expect(view.readUInt32LE(18)).toBe(31); // compressed size = the 31 bytes as they are
    expect(view.subarray(38, 38 + 31).toString()).toBe("application/vnd.etsi.asic-e+zip");
  });

  it("declares each file with its SHA-256 digest in the ASiC manifest and lists it in manifest.xml", () => {
    const entries = unzipSync(buildAsice([{ name: "arkivmelding.xml", bytes: xml }]));
    const asic = strFromU8(entries["META-INF/asicmanifest.xml"]!);
    const digest = createHash("sha256").update(xml).digest("base64");
    expect(asic).toContain('URI="arkivmelding.xml"');
    expect(asic).toContain(`<ns2:DigestValue>${digest}</ns2:DigestValue>`);
    expect(strFromU8(entries["META-INF/manifest.xml"]!)).toContain('manifest:full-path="arkivmelding.xml"');
  });

  it("is a zip that a standard tool reads (python zipfile)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "asice-"));
    const file = path.join(dir, "melding.asice");
    writeFileSync(file, buildAsice([{ name: "arkivmelding.xml", bytes: xml }]));
    const listing = execFileSync("python3", [
      "-c",
      "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(' '.join(i.filename+':'+str(i.compress_type) for i in z.infolist()))",
      file,
    ]).toString();
    expect(listing.split("\n")[0]).toBe("None");
    expect(listing.split("\n")[1]!.split(" ")[0]).toBe("mimetype:0");
  });

  it("refuses reserved or repeated file names", () => {
    expect(() => buildAsice([{ name: "META-INF/x.xml", bytes: xml }])).toThrow();
    expect(() => buildAsice([{ name: "mimetype", bytes: xml }])).toThrow();
    expect(() => buildAsice([{ name: "../x", bytes: xml }])).toThrow();
    expect(() => buildAsice([{ name: "a.xml", bytes: xml }, { name: "a.xml", bytes: xml }])).toThrow();
  });

  it("rejects a file that does not match its declared digest", () => {
    const entries = unzipSync(buildAsice([{ name: "arkivmelding.xml", bytes: xml }]));
    entries["arkivmelding.xml"] = strToU8("<changed/>");
    const tampered = zipSync({ mimetype: [entries["mimetype"]!, { level: 0 }], ...entries });
    expect(() => readAsice(tampered)).toThrow(/digest/);
  });

  it("rejects something that is not a zip", () => {
    expect(() => readAsice(strToU8("not a zip"))).toThrow(/zip/);
  });
});

describe("CMS encryption", () => {
  let receiver: { certificatePem: string; privateKeyPem: string };
  let other: { certificatePem: string; privateKeyPem: string };
  beforeAll(async () => {
    [receiver, other] = await Promise.all([generateTestCertificate("Arkiv"), generateTestCertificate("Andre")]);
  });

  it("round trips a container", async () => {
    const container = buildAsice([{ name: "arkivmelding.xml", bytes: xml }]);
    const cms = await encryptForCertificate(container, receiver.certificatePem);
    expect(Buffer.from(cms).includes(Buffer.from(container.subarray(0, 64)))).toBe(false);
    const plain = await decryptWithKey(cms, receiver.privateKeyPem, receiver.certificatePem);
    expect(Buffer.from(plain).equals(Buffer.from(container))).toBe(true);
  });

  it("uses the algorithms of KS's Fiks IO clients: RSAES-OAEP/SHA-256 key transport, AES-256-CBC content", async () => {
    const cms = await encryptForCertificate(xml, receiver.certificatePem);
    const info = pkijs.ContentInfo.fromBER(cms.buffer.slice(cms.byteOffset, cms.byteOffset + cms.byteLength) as ArrayBuffer);
    expect(info.contentType).toBe("1.2.840.113549.1.7.3"); // envelopedData
    const enveloped = new pkijs.EnvelopedData({ schema: info.content });
    expect(enveloped.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId).toBe("2.16.840.1.101.3.4.1.42"); // aes256-CBC
    expect(enveloped.recipientInfos).toHaveLength(1);
    const ktri = enveloped.recipientInfos[0]!.value as pkijs.KeyTransRecipientInfo;
    expect(ktri).toBeInstanceOf(pkijs.KeyTransRecipientInfo);
    expect(ktri.keyEncryptionAlgorithm.algorithmId).toBe("1.2.840.113549.1.1.7"); // id-RSAES-OAEP
    const params = new pkijs.RSAESOAEPParams({ schema: ktri.keyEncryptionAlgorithm.algorithmParams as asn1js.Sequence });
    expect(params.hashAlgorithm.algorithmId).toBe("2.16.840.1.101.3.4.2.1"); // sha-256
  });

  it("openssl decrypts it with the receiver's key (interoperability with a second implementation)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cms-"));
    const cms = await encryptForCertificate(xml, receiver.certificatePem);
    writeFileSync(path.join(dir, "m.der"), cms);
    writeFileSync(path.join(dir, "key.pem"), receiver.privateKeyPem);
    writeFileSync(path.join(dir, "cert.pem"), receiver.certificatePem);
    const out = execFileSync("openssl", [
      "cms", "-decrypt", "-inform", "DER", "-in", path.join(dir, "m.der"),
      "-inkey", path.join(dir, "key.pem"), "-recip", path.join(dir, "cert.pem"),
    ]);
    expect(Buffer.from(out).equals(Buffer.from(xml))).toBe(true);
  });

  it("fails with another account's certificate and key", async () => {
    const cms = await encryptForCertificate(xml, receiver.certificatePem);
    await expect(decryptWithKey(cms, other.privateKeyPem, other.certificatePem)).rejects.toThrow();
  });

  it("fails with the right certificate but the wrong private key", async () => {
    const cms = await encryptForCertificate(xml, receiver.certificatePem);
    await expect(decryptWithKey(cms, other.privateKeyPem, receiver.certificatePem)).rejects.toThrow();
  });

  it("makes certificates node can read, with the common name given", async () => {
    const { X509Certificate } = await import("node:crypto");
    const cert = new X509Certificate(receiver.certificatePem);
    expect(cert.subject).toBe("CN=Arkiv");
    expect(cert.publicKey.asymmetricKeyType).toBe("rsa");
  });
});
