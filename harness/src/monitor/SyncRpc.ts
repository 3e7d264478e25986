import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { parseAnswers, RpcError, type RpcRequest } from './JsonRpc.js';
import { rpcEndpoint } from './rpcEndpoint.js';

/**
 * The worker's side: posts each batch to the node and hands the raw answer back through
 * the port, then wakes the waiting thread. Plain JavaScript, so no loader is needed.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, flag, url, headers, timeoutMs } = workerData;
port.on('message', async (body) => {
  let reply;
  try {
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    reply = response.ok ? { text } : { error: 'HTTP ' + response.status + ' ' + text.slice(0, 120) };
  } catch (e) {
    reply = { error: (e.cause && (e.cause.code || e.cause.message)) || e.message };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/**
 * Blocking JSON-RPC: the EVM reads storage synchronously (SLOAD, the fast paths), so a
 * fork that loads state on first read needs answers without awaiting. A worker thread
 * does the HTTP request while this thread waits on a shared flag (Atomics.wait).
 */
export class SyncRpc {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private id = 0;
  sent = 0;

  constructor(readonly url: string, private readonly timeoutMs = 10_000) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, flag: this.flag, ...rpcEndpoint(url), timeoutMs }, transferList: [port2] });
    this.worker.unref();
    this.port.unref();
  }

  batch(requests: readonly RpcRequest[]): unknown[] {
    if (requests.length === 0) return [];
    const body = requests.map((r) => ({ jsonrpc: '2.0', id: ++this.id, method: r.method, params: r.params }));
    const method = requests[0]!.method;
    this.sent += requests.length;
    // A reply that came after an earlier timeout belongs to no one now.
    while (receiveMessageOnPort(this.port) !== undefined);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(JSON.stringify(body));
    // A little over the worker's own timeout, so its answer (even an error) normally arrives first.
    const waited = Atomics.wait(this.flag, 0, 0, this.timeoutMs + 2_000);
    const reply = receiveMessageOnPort(this.port)?.message as { text?: string; error?: string } | undefined;
    if (waited === 'timed-out' || reply === undefined) throw new RpcError(`${method}: no answer within ${this.timeoutMs} ms`, method);
    if (reply.error !== undefined) throw new RpcError(`${method}: ${reply.error}`, method);
    return parseAnswers(reply.text!, body.map((b) => b.id), requests);
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}
