import { VigilError } from '../errors/VigilError.js';
import type { ContractName } from './ArtifactRegistry.js';
import type { ContractsDecl, GhostsDecl, Spec } from './types.js';

export interface VariantChange<C extends ContractsDecl> {
  /** The variant's name; by default its file name, like any spec. */
  name?: string;
  /** Source files to swap, old path → new path, both relative to the spec files (keep them in one folder). */
  sources?: Readonly<Record<string, string>>;
  /** Contracts to deploy from another Solidity contract, by key. */
  contracts?: { readonly [K in keyof C]?: ContractName };
}

/**
 * The same spec against other contracts: a buggy variant beside its correct twin, an
 * upgrade beside the deployed version. Everything else (set-up, targets, ghosts,
 * invariants, properties) is the base spec's. `vigil list` reads the base spec's checks.
 */
export function variantOf<C extends ContractsDecl, G extends GhostsDecl>(base: Spec<C, G>, change: VariantChange<C>): Spec<C, G> {
  const swap = change.sources ?? {};
  const unknown = Object.keys(swap).filter((s) => !base.sources.includes(s));
  if (unknown.length > 0) {
    throw new VigilError('SPEC_INVALID', `variantOf: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the base spec's sources`, {
      meta: [`base sources: ${base.sources.join(', ')}`],
      hint: 'Name each source to swap exactly as the base spec lists it.',
    });
  }
  const contracts = Object.fromEntries(
    Object.entries(base.contracts).map(([key, decl]) => [key, change.contracts?.[key] ? { ...decl, contract: change.contracts[key] } : decl]),
  ) as C;
  return {
    ...base,
    name: change.name,
    sources: base.sources.map((s) => swap[s] ?? s),
    contracts,
  };
}
