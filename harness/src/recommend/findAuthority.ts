import type { Hex } from 'viem';
import type { SpecSession } from '../campaign/SpecSession.js';
import type { Authority } from './types.js';
import type { Powers } from './readPowers.js';
import type { ResolvedCall } from './resolveCall.js';
import { trySend } from './trySend.js';

export interface AuthorityFound {
  authority: Authority;
  /** Why nobody could send it (the first candidate's revert), when nobody could. */
  failure?: string;
}

/**
 * Who may send `call`: every candidate is tried in a snapshot (the evidence that counts),
 * and what the getters said about the holders is kept beside it. The signer is a declared
 * sender, else a pauser or guardian, else another named power (admin, owner), else a plain account.
 * `before` pulls what must come first (the lever, when this is its undo).
 */
export async function findAuthority(session: SpecSession, call: ResolvedCall, candidates: readonly Hex[], powers: Powers, declared?: Hex, before?: ResolvedCall & { from: Hex }): Promise<AuthorityFound> {
  const holders: Hex[] = [];
  let failure: string | undefined;
  const test = async () => {
    for (const c of candidates) {
      const r = await trySend(session, call, c);
      if (r.ok) holders.push(c);
      else failure ??= r.reason;
    }
  };
  if (before === undefined) await test();
  else {
    const pulled = await trySend(session, before, before.from, test);
    if (!pulled.ok) return { authority: { holders: [], evidence: [] }, failure: `the lever itself reverts: ${pulled.reason}` };
  }
  const ordered = [...holders].sort((a, b) => score(a) - score(b));
  function score(a: Hex): number {
    if (declared !== undefined && a === declared.toLowerCase()) return 0;
    // The narrow, fast power (pauser, guardian) signs before the broad one (admin, owner).
    const named = powers.get(a);
    if (named === undefined) return 3;
    return named.some((n) => /pause|guard/i.test(n)) ? 1 : 2;
  }
  const evidence = ordered.map((h) => {
    const named = powers.get(h);
    const why = named === undefined ? 'no role or owner getter names it' : named.join('; ');
    return `${h}: succeeds in a snapshot of the current state (${why})`;
  });
  return { authority: { ...(ordered[0] ? { signer: ordered[0] } : {}), holders: ordered, evidence }, ...(holders.length === 0 ? { failure } : {}) };
}
