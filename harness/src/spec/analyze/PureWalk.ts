import type { Node } from 'ts-morph';
import type { Binding } from './Binding.js';
import type { ModuleBinding } from './collectModuleBindings.js';
import { issueAt } from './locate.js';
import type { ProvableIssue } from './SpecAnalysis.js';

export interface PureSubsetOptions {
  contractKeys: ReadonlySet<string>;
  /** False when `contracts` could not be read statically. */
  contractKeysComplete: boolean;
  /** Top-level names of the file the function is written in. */
  moduleBindings: ReadonlyMap<string, ModuleBinding>;
  /** Names bound around the function, e.g. parameters of the library function that returned it. */
  seeds?: ReadonlyMap<string, Binding>;
}

/**
 * The state threaded through the pure-subset visitor. The recursive entry points travel
 * with it so the per-construct files need not import each other in a cycle.
 */
export interface PureWalk {
  readonly scope: ReadonlyMap<string, Binding>;
  readonly options: PureSubsetOptions;
  readonly issues: ProvableIssue[];
  readonly visit: (node: Node, walk: PureWalk) => void;
  /** Checks an inline callback of sum/forall/exists, binding its parameter as a value. */
  readonly checkCallback: (fn: Node, walk: PureWalk) => void;
}

export function report(walk: PureWalk, node: Node, construct: string, detail?: string): void {
  walk.issues.push(issueAt(node, construct, detail));
}

export function withBindings(walk: PureWalk, bindings: Iterable<readonly [string, Binding]>): PureWalk {
  const scope = new Map(walk.scope);
  for (const [name, binding] of bindings) scope.set(name, binding);
  return { ...walk, scope };
}
