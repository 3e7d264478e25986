/** Where JSON-RPC requests go, and the headers they carry. */
export interface RpcEndpoint {
  url: string;
  headers: Record<string, string>;
}

/**
 * The `--rpc` URL as fetch can use it: `https://user:secret@host/…` is refused by fetch, whose
 * error then repeats the whole URL, secret included. The user and password go into a Basic
 * `authorization` header instead, and the URL keeps only the rest.
 */
export function rpcEndpoint(raw: string): RpcEndpoint {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { url: raw, headers };
  }
  if (u.username === '' && u.password === '') return { url: raw, headers };
  const credentials = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  u.username = '';
  u.password = '';
  return { url: u.toString(), headers };
}
