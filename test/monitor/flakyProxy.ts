import { createServer, type Server } from 'node:http';
import { freePort } from './startAnvil.js';

export interface FlakyProxy {
  url: string;
  /** Requests forwarded, and those answered with an error. */
  forwarded: number;
  failed: number;
  /** The next `n` requests get HTTP 503 instead of reaching the node. */
  failNext(n: number): void;
  close(): Promise<void>;
}

/** An HTTP proxy in front of the node that can be told to fail: an RPC provider having a bad minute. */
export async function startFlakyProxy(target: string): Promise<FlakyProxy> {
  const port = await freePort();
  let failing = 0;
  const proxy: FlakyProxy = {
    url: `http://127.0.0.1:${port}`,
    forwarded: 0,
    failed: 0,
    failNext: (n) => void (failing = n),
    close: () => new Promise((done) => server.close(() => done())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (failing > 0) {
        failing--;
        proxy.failed++;
        res.writeHead(503, { 'content-type': 'text/plain' }).end('service unavailable (test proxy)');
        return;
      }
      proxy.forwarded++;
      try {
        const r = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
        res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text());
      } catch {
        res.writeHead(502).end('node unreachable (test proxy)');
      }
    });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  server.keepAliveTimeout = 1;
  return proxy;
}
