import type { Hex } from 'viem';
import type { CallInfo } from '../harness/src/index.js';

/**
 * The slices of a spec's check context that library checks need. Each is structural,
 * so a spec's fully typed context (handles typed from the ABIs) is assignable to it.
 */

/** Which addresses a quantifier ranges over: the spec's actors (cheap), or every address seen in the run. */
export type Population = 'actors' | 'holders';

/** The address collections of every check context. */
export interface Populations {
  readonly actors: readonly Hex[];
  readonly holders: readonly Hex[];
}

/** A check context that holds a handle of shape `V` under the contract key `K`. */
export type Keyed<K extends string, V> = Populations & { readonly [P in K]: V };

/** What a property sees besides the handles: the call it follows and the state before it. */
export interface PropertyParts {
  readonly call: CallInfo;
  old<T>(value: T): T;
}

/** A property context that holds a handle of shape `V` under `K`. */
export type KeyedProperty<K extends string, V> = Keyed<K, V> & PropertyParts;

/** The contracts deployed so far, as an `args` function receives them (prefer `addressOf('key')`). */
export type { Deployed } from '../harness/src/index.js';
