import { pathToFileURL } from 'node:url';
import { openSession } from '../../campaign/openSession.js';
import type { SpecSession } from '../../campaign/SpecSession.js';
import { SymbolicEvm } from '../explore/SymbolicEvm.js';
import { compileChecks } from '../spec/compileCheck.js';
import { specChecks } from '../verify/specChecks.js';
import { readSetupWorld } from '../verify/initialState.js';
import { sevmOptionsFor, type ProofContext } from '../verify/ProofContext.js';
import { runBounded, type BoundedResult } from '../verify/runBounded.js';
import { runInductive } from '../verify/runInductive.js';
import type { VerifyCheck, VerifyContract } from '../verify/types.js';
import type { Ctx } from '../word/Word.js';
import type { Obligation, ObligationResult } from './Obligation.js';
import type { TaskHooks } from './serveProofWorker.js';

/** What a worker keeps between obligations of the same spec (opening a session compiles and deploys). */
export interface WorkerCache {
  sessions: Map<string, Promise<{ session: SpecSession; checks: Map<string, VerifyCheck> }>>;
}

/**
 * One obligation inside a worker, against its own Z3 context: the procedure runs on the
 * worker's session of the spec; `hooks.started` marks the end of the set-up (session, checks),
 * from which the main thread counts the obligation's time; a bounded search reports each
 * depth it proved through `hooks.partial`.
 */
export async function runObligation(ctx: Ctx, cache: WorkerCache, o: Obligation, hooks: TaskHooks<ObligationResult>): Promise<ObligationResult> {
  const { session, checks } = await specOf(cache, o);
  const check = checks.get(o.check);
  if (check === undefined) throw new Error(`no provable check named ${o.check} in ${o.file}`);
  const assumed = o.assume.map((name) => {
    const c = checks.get(name);
    if (c === undefined) throw new Error(`no provable check named ${name} in ${o.file}`);
    return c;
  });
  const sevm = new SymbolicEvm(ctx);
  const contracts = new Map<string, VerifyContract>(session.deployment.contracts.map((c) => [c.key, { address: c.address, abi: c.abi }]));
  hooks.started();
  const startedAt = Date.now();
  const p: ProofContext = {
    ctx, sevm, session, world: await readSetupWorld(session), contracts,
    bounds: o.bounds, sevmOptions: sevmOptionsFor(o.bounds), reportPath: o.reportPath, startedAt,
  };
  if (o.procedure === 'bounded') {
    const answer = (r: BoundedResult): ObligationResult => ({ procedure: 'bounded', ...r });
    return answer((await runBounded(p, [check], (_name, r) => hooks.partial(answer(r)))).get(check.name)!);
  }
  return { procedure: 'inductive', step: await runInductive(p, check, assumed) };
}

function specOf(cache: WorkerCache, o: Obligation) {
  const key = JSON.stringify([o.file, o.root, o.cacheDir, o.settings, o.checks]);
  let entry = cache.sessions.get(key);
  if (entry === undefined) {
    entry = (async () => {
      const session = await openSession(o.file, { root: o.root, ...(o.cacheDir ? { cacheDir: o.cacheDir } : {}), settings: o.settings });
      const list: VerifyCheck[] = o.checks
        ? await fromModule(o.checks.module, o.checks.export, o.checks.args)
        : specChecks(session, await compileChecks(o.file));
      return { session, checks: new Map(list.map((c) => [c.name, c])) };
    })();
    cache.sessions.set(key, entry);
    // A failed set-up is not kept: the next obligation reports its own error.
    entry.catch(() => cache.sessions.delete(key));
  }
  return entry;
}

async function fromModule(module: string, name: string, args: unknown[]): Promise<VerifyCheck[]> {
  const m = (await import(pathToFileURL(module).href)) as Record<string, unknown>;
  const f = m[name];
  if (typeof f !== 'function') throw new Error(`${module} has no function export ${name}`);
  const out = (await (f as (...a: unknown[]) => unknown)(...args)) as VerifyCheck | VerifyCheck[];
  return Array.isArray(out) ? out : [out];
}
