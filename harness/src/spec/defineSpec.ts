import type { ContractsDecl, GhostsDecl, Spec, SpecDecl } from './types.js';

/**
 * Declares a spec. An identity function with types: it gives contract handles,
 * ghosts and check contexts their types from the ABIs, and marks the object so the
 * loader can tell a spec from any other default export.
 */
export function defineSpec<const C extends ContractsDecl, const G extends GhostsDecl = Record<never, never>>(
  spec: SpecDecl<C, G>,
): Spec<C, G> {
  return { ...spec, kind: 'vigil-spec' };
}
