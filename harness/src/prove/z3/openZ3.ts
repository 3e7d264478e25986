import type { Context } from 'z3-solver';

/** A Z3 context for one user; `close` lets the process exit once every user has closed. */
export interface Z3Session<Name extends string = 'sevm'> {
  readonly ctx: Context<Name>;
  /** Ends Z3's worker threads when this was the last open session (Node does not exit while they live). */
  close(): Promise<void>;
}

type Api = Awaited<ReturnType<typeof import('z3-solver').init>>;

let shared: { api: Promise<Api>; users: number } | undefined;

/**
 * Z3 is loaded on first use only (a few MB of WebAssembly and a pool of threads), and
 * one instance serves every session of the process: the high-level API runs one check
 * at a time anyway, so a second instance would only cost memory. The threads are killed
 * when the last session closes; a later open loads Z3 afresh.
 */
export async function openZ3<Name extends string = 'sevm'>(name: Name = 'sevm' as Name): Promise<Z3Session<Name>> {
  if (shared === undefined) shared = { api: import('z3-solver').then((z3) => z3.init()), users: 0 };
  const entry = shared;
  entry.users++;
  let api: Api;
  try {
    api = await entry.api;
  } catch (e) {
    entry.users--;
    if (shared === entry) shared = undefined;
    throw e;
  }
  const ctx = api.Context(name) as unknown as Context<Name>;
  let closed = false;
  return {
    ctx,
    async close() {
      if (closed) return;
      closed = true;
      entry.users--;
      if (entry.users > 0) return;
      if (shared === entry) shared = undefined;
      const { killThreads } = await import('z3-solver');
      await killThreads(api.em);
    },
  };
}
