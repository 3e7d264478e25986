/**
 * What a name inside a check stands for. The role decides where the name may appear:
 * a handle only as a method receiver or `old()` argument, a collection only as the
 * first argument of sum/forall/exists, a value anywhere an expression may go.
 */
export type Binding =
  | { role: 'value' }
  | { role: 'handle'; contract: string; old: boolean }
  | { role: 'collection'; name: string }
  | { role: 'keys' }
  | { role: 'call' }
  | { role: 'old' }
  | { role: 'quantifier'; name: QuantifierName }
  | { role: 'implies' }
  | { role: 'ghosts' }
  | { role: 'chain' }
  /** The whole context object, when the parameter is not destructured (`async (ctx) => ...`). */
  | { role: 'context' }
  /** A library parameter bound to a contract key string: `ctx[key]` is a handle. */
  | { role: 'contractKey'; contract: string }
  | { role: 'unknownContext'; name: string }
  /** A library parameter whose argument is not a literal the prover could inline. */
  | { role: 'libraryParameter'; name: string }
  | { role: 'free'; name: string; origin: 'import' | 'module' | 'global' };

export type QuantifierName = 'sum' | 'forall' | 'exists';

export const quantifierNames: ReadonlySet<string> = new Set<QuantifierName>(['sum', 'forall', 'exists']);

/** The spec-library helpers a check may call, by their exported name. */
export function helperBinding(exportedName: string): Binding | undefined {
  if (quantifierNames.has(exportedName)) return { role: 'quantifier', name: exportedName as QuantifierName };
  if (exportedName === 'implies') return { role: 'implies' };
  if (exportedName === 'old') return { role: 'old' };
  return undefined;
}

const fixedContextRoles: Readonly<Record<string, Binding>> = {
  actors: { role: 'collection', name: 'actors' },
  holders: { role: 'collection', name: 'holders' },
  keys: { role: 'keys' },
  call: { role: 'call' },
  old: { role: 'old' },
  ghosts: { role: 'ghosts' },
  chain: { role: 'chain' },
};

/**
 * The role of a context member. When the spec's `contracts` could not be read, any
 * other name is assumed to be a contract handle rather than flagging every method call.
 */
export function roleForContextName(name: string, contractKeys: ReadonlySet<string>, keysComplete: boolean): Binding {
  if (contractKeys.has(name)) return { role: 'handle', contract: name, old: false };
  if (Object.hasOwn(fixedContextRoles, name)) return fixedContextRoles[name];
  return keysComplete ? { role: 'unknownContext', name } : { role: 'handle', contract: name, old: false };
}
