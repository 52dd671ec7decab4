import { describe, expect, it } from "vitest";
import { readUpload } from "@/lib/files/upload-request";
import { MAX_UPLOAD_BYTES } from "@/lib/files/content-type";

const PDF = new TextEncoder().encode("%PDF-1.4\n%test\n");

async function multipart(fileBytes: Uint8Array<ArrayBuffer>): Promise<{ body: Uint8Array; contentType: string }> {
  const form = new FormData();
  form.set("reference", "PV-2026-000001");
  form.set("file", new File([fileBytes], "id.pdf", { type: "application/pdf" }));
  const request = new Request("http://localhost/api/files/upload", { method: "POST", body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

/** The same bytes sent chunked: no Content-Length, as a client streaming the body would. */
function chunkedRequest(body: Uint8Array, contentType: string): Request {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < body.length; i += 1 << 20) controller.enqueue(body.subarray(i, i + (1 << 20)));
      controller.close();
    },
  });
  return new Request("http://localhost/api/files/upload", { method: "POST", body: stream, headers: { "content-type": contentType }, duplex: "half" } as RequestInit);
}

describe("readUpload", () => {
  it("reads a small chunked upload", async () => {
    const { body, contentType } = await multipart(PDF);
    const parsed = await readUpload(chunkedRequest(body, contentType));
    expect(parsed).toMatchObject({ ok: true, reference: "PV-2026-000001", fileName: "id.pdf" });
  });

  it("stops reading a chunked upload without Content-Length once it passes the limit", async () => {
    const { body, contentType } = await multipart(new Uint8Array(MAX_UPLOAD_BYTES + 200 * 1024));
    const parsed = await readUpload(chunkedRequest(body, contentType));
    expect(parsed).toEqual({ ok: false, reference: null, problem: "too_large" });
  });

  it("refuses a declared oversized body before reading it, and garbage as a bad request", async () => {
    const declared = new Request("http://localhost/api/files/upload", {
      method: "POST",
      body: "x",
      headers: { "content-length": String(MAX_UPLOAD_BYTES * 2), "content-type": "multipart/form-data; boundary=x" },
    });
    expect(await readUpload(declared)).toEqual({ ok: false, reference: null, problem: "too_large" });
    const garbage = new Request("http://localhost/api/files/upload", { method: "POST", body: "not multipart", headers: { "content-type": "multipart/form-data; boundary=zz" } });
    expect(await readUpload(garbage)).toEqual({ ok: false, reference: null, problem: "bad_request" });
  });
});
