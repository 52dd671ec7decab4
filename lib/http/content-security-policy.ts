// The Content-Security-Policy of every HTML page (set by proxy.ts). Scripts run only with the
// request's nonce (Next puts it on its own scripts when it finds it in the request's CSP header),
// or when loaded by such a script ('strict-dynamic'): no inline script without it, no script from
// another origin. Styles may be inline (style attributes of charts and of Next's own markup).
// Nothing may frame the portal (clickjacking). Pure: a nonce in, the header value out.
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(options.development ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${script.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    // The proof-of-work widget solves in a web worker made from a blob.
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

/** A fresh nonce per request: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
