import type { GhostDecl } from './types.js';

/**
 * Declares a ghost value with its type taken from `initial`, so its updaters are typed:
 * `ghost({ initial: 0n, onCall: { 'token.mint': (total, call) => total + call.args[1] } })`.
 */
export function ghost<T>(decl: GhostDecl<T>): GhostDecl<T> {
  return decl;
}
