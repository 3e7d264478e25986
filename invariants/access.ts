import type { Hex } from 'viem';
import type { KeyedProperty } from './context.js';

/** A contract with the argument-free views `V` (single values) and the owner getter `O`. */
export type OwnedView<V extends string, O extends string> = { readonly [P in V]: () => Promise<unknown> } & {
  readonly [P in O]: () => Promise<Hex>;
};

/**
 * Only the owner, as it was before the call, changes the view `readValue` (a single value
 * compared with ===); checked after every call, since any contract's call might change it.
 */
export function onlyOwnerChanges<K extends string, V extends string, O extends string = 'owner'>(
  key: K,
  readValue: V,
  ownerFn: O = 'owner' as O,
) {
  return {
    check: async ({ call, old, [key]: target }: KeyedProperty<K, OwnedView<V, O>>) =>
      call.reverted ||
      (await target[readValue]()) === (await old(target)[readValue]()) ||
      // Vigil hands every address out in lower case, decoded results included, so === compares them.
      (await old(target)[ownerFn]()) === call.sender,
  };
}
