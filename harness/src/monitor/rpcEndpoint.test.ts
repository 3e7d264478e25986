import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonRpc } from './JsonRpc.js';
import { rpcEndpoint } from './rpcEndpoint.js';
import { SyncRpc } from './SyncRpc.js';

/**
 * A node that answers eth_chainId only with the right Basic credentials and prints each request's
 * path. Its own process: SyncRpc blocks this thread while it waits for the answer.
 */
const NODE = `
const { createServer } = require('node:http');
const expected = 'Basic ' + Buffer.from('guard:s3cret-pass').toString('base64');
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    console.log('path ' + req.url);
    const ok = req.headers.authorization === expected;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? JSON.stringify({ jsonrpc: '2.0', id: JSON.parse(body).id, result: '0x7a69' }) : 'unauthorized');
  });
});
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;
let node: ChildProcess;
let port: number;
let log = '';
beforeAll(async () => {
  node = spawn(process.execPath, ['-e', NODE], { stdio: ['ignore', 'pipe', 'inherit'] });
  node.stdout!.setEncoding('utf8').on('data', (s: string) => (log += s));
  port = await new Promise<number>((resolve) => node.stdout!.on('data', () => {
    const m = /port (\d+)/.exec(log);
    if (m) resolve(Number(m[1]));
  }));
});
afterAll(() => {
  node.kill();
});

describe('rpcEndpoint', () => {
  it('moves user and password out of the URL into a Basic header', () => {
    const e = rpcEndpoint('https://guard:s3cret-pass@node.example/v3/abc?x=1');
    expect(e.url).toBe('https://node.example/v3/abc?x=1');
    expect(e.headers.authorization).toBe(`Basic ${Buffer.from('guard:s3cret-pass').toString('base64')}`);
    expect(rpcEndpoint('http://127.0.0.1:8545').url).toBe('http://127.0.0.1:8545');
  });

  it('lets JsonRpc and SyncRpc reach a node behind Basic auth, with the secret never in the request URL', async () => {
    const url = `http://guard:s3cret-pass@127.0.0.1:${port}/rpc`;
    expect(await new JsonRpc(url).request('eth_chainId')).toBe('0x7a69');
    expect(new SyncRpc(url).batch([{ method: 'eth_chainId', params: [] }])).toEqual(['0x7a69']);
    // The node's log reaches this thread after SyncRpc stopped blocking it.
    const paths = () => log.split('\n').filter((l) => l.startsWith('path '));
    for (let i = 0; i < 100 && paths().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(paths()).toEqual(['path /rpc', 'path /rpc']);
  });

  it('a refused request says what the node answered, without the password', async () => {
    const rpc = new JsonRpc(`http://guard:wrong-pass-1234@127.0.0.1:${port}/rpc`);
    const error = await rpc.request('eth_chainId').then(() => undefined, (e: Error) => e);
    expect(error?.message).toBe('eth_chainId: HTTP 401 unauthorized');
    expect(error?.message).not.toContain('wrong-pass-1234');
  });
});
