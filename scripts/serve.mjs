// Serves www/ on loopback with the headers the product promises to work under: a strict
// Content-Security-Policy (no inline script or style, no request off the origin) and
// application/wasm for the engine. sirv does the static serving (mime types, ranges, ETags).
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { root } from './lib/setup.mjs';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Starts the static server; resolves to { server, url } once it listens. */
export function serve({ dir = join(root, 'www'), host = '127.0.0.1', port = 8080, quiet = false } = {}) {
  const files = sirv(dir, {
    dev: true, // no long-lived caching while developing; a rebuild shows on reload
    etag: true,
    setHeaders(res) {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    },
  });
  const server = createServer((req, res) => {
    files(req, res, () => {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found\n');
    });
    if (!quiet) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8080);
  serve({ port })
    .then(({ url }) => console.log(`Serving www/ at ${url}`))
    .catch((e) => {
      console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another, e.g. PORT=8081 npm start` : e.message);
      process.exit(1);
    });
}
