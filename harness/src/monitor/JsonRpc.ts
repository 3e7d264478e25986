import { rpcEndpoint, type RpcEndpoint } from './rpcEndpoint.js';

/** One JSON-RPC call: method and positional params. */
export interface RpcRequest {
  method: string;
  params: unknown[];
}

/**
 * A transport failure or an error answer from the node. The monitor retries these; the
 * message names the method and what the node said, never the URL's credentials.
 */
export class RpcError extends Error {
  override readonly name = 'RpcError';
  constructor(message: string, readonly method: string, readonly rpcCode?: number) {
    super(message);
  }
}

/**
 * Plain JSON-RPC over HTTP to the one URL the user gave. No retries here: callers decide
 * (the monitor's block loop backs off; a fork's synchronous reads fail the block).
 */
export class JsonRpc {
  private id = 0;
  /** Requests sent (for tests and the monitor's statistics). */
  sent = 0;

  private readonly endpoint: RpcEndpoint;

  constructor(readonly url: string, private readonly timeoutMs = 10_000) {
    this.endpoint = rpcEndpoint(url);
  }

  async request<T>(method: string, params: unknown[] = []): Promise<T> {
    const [answer] = await this.batch([{ method, params }]);
    return answer as T;
  }

  /** Several calls in one HTTP request; answers in request order. */
  async batch(requests: readonly RpcRequest[]): Promise<unknown[]> {
    if (requests.length === 0) return [];
    const body = requests.map((r) => ({ jsonrpc: '2.0', id: ++this.id, method: r.method, params: r.params }));
    const first = requests[0]!.method;
    this.sent += requests.length;
    let response: Response;
    try {
      response = await fetch(this.endpoint.url, {
        method: 'POST',
        headers: this.endpoint.headers,
        body: JSON.stringify(body.length === 1 ? body[0] : body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new RpcError(`${first}: ${cause?.code ?? cause?.message ?? (e as Error).message}`, first);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new RpcError(`${first}: HTTP ${response.status} ${text.slice(0, 120)}`.trim(), first);
    return parseAnswers(text, body.map((b) => b.id), requests);
  }
}

/** Matches answers to requests by id and turns error answers into RpcErrors. */
export function parseAnswers(text: string, ids: number[], requests: readonly RpcRequest[]): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RpcError(`${requests[0]!.method}: the node answered with something that is not JSON: ${text.slice(0, 80)}`, requests[0]!.method);
  }
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as { id?: number; result?: unknown; error?: { code?: number; message?: string } }[];
  const byId = new Map(list.map((a) => [a.id, a]));
  return ids.map((id, i) => {
    const answer = byId.get(id) ?? (list.length === 1 && ids.length === 1 ? list[0] : undefined);
    const method = requests[i]!.method;
    if (answer === undefined) throw new RpcError(`${method}: no answer in the node's reply`, method);
    if (answer.error !== undefined) throw new RpcError(`${method}: ${answer.error.message ?? 'error'} (code ${answer.error.code})`, method, answer.error.code);
    return answer.result;
  });
}
