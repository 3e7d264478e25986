import { parentPort } from 'node:worker_threads';
import { isVigilError } from '../../errors/VigilError.js';
import { openZ3, type Z3Session } from '../z3/openZ3.js';
import type { FromWorker, ToWorker } from './Obligation.js';
import { runObligation, type WorkerCache } from './runObligation.js';

/**
 * A proof worker thread (see ObligationPool): its own Z3 instance and sessions, one
 * obligation at a time. 'stop' interrupts the solver call under way (Z3's timeout alone is
 * soft); the main thread terminates the thread if that is not enough. 'close' ends Z3's
 * threads so the worker exits by itself.
 */
const port = parentPort!;
const cache: WorkerCache = { sessions: new Map() };
let z3: Promise<Z3Session> | undefined;
let current: number | undefined;

function z3Session(): Promise<Z3Session> {
  z3 ??= openZ3();
  return z3;
}

const post = (m: FromWorker) => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (m.type === 'run') {
    current = m.id;
    void (async () => {
      try {
        const session = await z3Session();
        const result = await runObligation(session.ctx, cache, m.obligation, () => post({ type: 'started', id: m.id }));
        post({ type: 'result', id: m.id, result });
      } catch (e) {
        const err = e as Error & { code?: string; hint?: string };
        post({ type: 'error', id: m.id, message: err.message ?? String(e), ...(isVigilError(e) ? { code: err.code, hint: err.hint } : {}) });
      } finally {
        if (current === m.id) current = undefined;
      }
    })();
  } else if (m.type === 'stop') {
    if (current === m.id && z3 !== undefined) {
      void z3.then((s) => {
        s.ctx.interrupt();
        post({ type: 'stopped', id: m.id });
      });
    }
  } else {
    void (async () => {
      if (z3 !== undefined) await (await z3).close();
      port.close();
    })();
  }
});
