/**
 * A static server on 127.0.0.1 for the end-to-end tests and the demo: the shared fixture pages
 * under /pages/, the bundled sample under /samples/, and any of them with a strict CSP under /csp/…
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface Served {
  readonly server: Server;
  readonly port: number;
  /** Every path requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

/** Serves `roots` (url prefix → folder). */
export async function serve(roots: Record<string, string>): Promise<Served> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(url.pathname);
      let pathname = decodeURIComponent(url.pathname);
      let csp = false;
      if (pathname.startsWith('/csp/')) {
        csp = true;
        pathname = pathname.slice(4);
      }
      const prefix = Object.keys(roots).find((p) => pathname.startsWith(p));
      if (!prefix) {
        res.writeHead(404).end('not found');
        return;
      }
      const root = roots[prefix] as string;
      const file = path.resolve(root, `.${pathname.slice(prefix.length - 1)}`);
      if (!file.startsWith(path.resolve(root))) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        const headers: Record<string, string> = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
        if (csp) headers['content-security-policy'] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'";
        res.writeHead(200, headers).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
